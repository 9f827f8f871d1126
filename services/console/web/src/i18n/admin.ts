import i18next from 'i18next';
import adminEn from './admin.en';
import adminZhCN from './admin.zh-CN';

/** The admin's strings join the catalogues under `admin.` when the admin's screens load. */
export function addAdminCatalogue(): void {
  i18next.addResourceBundle('zh-CN', 'translation', { admin: adminZhCN }, true, false);
  i18next.addResourceBundle('en', 'translation', { admin: adminEn }, true, false);
}
