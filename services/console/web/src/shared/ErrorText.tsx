import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from './errors';

/**
 * An error in words, never a blank screen: 409/422 explained with the service's message, others
 * by kind. `plain`: the service's own words for a 409/422 that is no change of a grievance's state
 * (not enough points, out of stock).
 */
export function ErrorText({ error, plain = false }: { error: unknown; plain?: boolean }) {
  const { t } = useTranslation();
  if (!error) return null;
  let text = t('errors.network');
  if (error instanceof ApiError) {
    const message = error.messages.join('; ');
    if ((error.status === 409 || error.status === 422) && plain) text = message;
    else if (error.status === 409) text = t('errors.conflict', { message });
    else if (error.status === 422) text = t('errors.unprocessable', { message });
    else if (error.status === 403) text = t('errors.forbidden');
    else if (error.status === 404) text = t('errors.notFound');
    else if (error.status === 400) text = message;
    else if (error.status >= 500) text = t('errors.server', { errorId: error.errorId ?? '-' });
  }
  return <Alert type="error" showIcon title={text} role="alert" style={{ marginBottom: 12 }} />;
}
