import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, ConfigProvider, Space, Spin, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from './api/views';
import { Language, rememberLanguage } from './i18n';
import { ErrorBoundary } from './shared/ErrorBoundary';
import { apiErrorOf } from './shared/errors';
import { consoleFetch, SESSION_ENDED_EVENT } from './shared/http';
import './app.css';

// Each role's screens load on their own, so a rider's phone fetches only the rider's code.
const SignIn = lazy(() => import('./SignIn'));
const RiderApp = lazy(() => import('./rider/RiderApp'));
const GridApp = lazy(() => import('./grid/GridApp'));
const DepartmentApp = lazy(() => import('./department/DepartmentApp'));
const ChainApp = lazy(() => import('./chain/ChainApp'));
const AuditApp = lazy(() => import('./audit/AuditApp'));
const AdminApp = lazy(() => import('./admin/AdminApp'));
const StationApp = lazy(() => import('./station/StationApp'));
const StaffBell = lazy(() => import('./staff/StaffBell'));
const CHAIN_ROLES = ['member', 'branch', 'industry_committee', 'two_new_committee'];
/** The roles that hold grievances and get staff notifications (员工提醒). */
const HOLDER_ROLES = ['grid_worker', 'department', ...CHAIN_ROLES];

async function fetchSession(): Promise<Session | null> {
  const response = await fetch('/api/session');
  if (response.status === 401) return null;
  if (!response.ok) throw await apiErrorOf(response);
  return (await response.json()) as Session;
}

export function App() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const queryClient = useQueryClient();
  const session = useQuery({ queryKey: ['session'], queryFn: fetchSession, staleTime: Infinity });
  const [expired, setExpired] = useState(false);

  useEffect(() => {
    const ended = () => {
      setExpired(true);
      queryClient.setQueryData(['session'], null);
    };
    globalThis.addEventListener(SESSION_ENDED_EVENT, ended);
    return () => globalThis.removeEventListener(SESSION_ENDED_EVENT, ended);
  }, [queryClient]);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('app.title');
  }, [language, t]);

  const switchLanguage = () => {
    const next: Language = language === 'en' ? 'zh-CN' : 'en';
    rememberLanguage(next);
    void i18n.changeLanguage(next);
  };

  const signOut = async () => {
    await consoleFetch(new Request('/api/sign-out', { method: 'POST' }));
    queryClient.clear();
    queryClient.setQueryData(['session'], null);
  };

  const principal = session.data?.principal;
  let body: React.ReactNode;
  if (session.isPending) body = <Spin aria-label={t('app.loading')} />;
  else if (session.isError) body = <Alert type="error" showIcon title={t('app.error')} action={<Button onClick={() => void session.refetch()}>{t('app.retry')}</Button>} />;
  else if (!principal) body = <SignIn expired={expired} onSignedIn={(s) => { setExpired(false); queryClient.setQueryData(['session'], s); }} />;
  else if (principal.role === 'worker') body = <RiderApp />;
  else if (principal.role === 'grid_worker') body = <GridApp />;
  else if (principal.role === 'department') body = <DepartmentApp />;
  else if (CHAIN_ROLES.includes(principal.role)) body = <ChainApp role={principal.role} />;
  else if (principal.role === 'auditor') body = <AuditApp />;
  else if (principal.role === 'admin') body = <AdminApp />;
  else if (principal.role === 'station_staff') body = <StationApp />;
  else body = <Alert type="info" showIcon title={t('app.notBuilt')} description={t(`role.${principal.role}`)} />;

  return (
    <ConfigProvider locale={language === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#c0392b' } }} button={{ autoInsertSpace: false }}>
      <div style={{ minHeight: '100vh', background: '#f5f5f5' }}>
          <header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', padding: '0 12px', gap: 8, height: 56, background: '#001529' }}>
            <Typography.Title level={1} style={{ color: '#fff', margin: 0, fontSize: 18, whiteSpace: 'nowrap' }}>{t('app.title')}</Typography.Title>
            <Space size="small">
              {principal && HOLDER_ROLES.includes(principal.role) && <Suspense fallback={null}><StaffBell /></Suspense>}
              {session.data && <Typography.Text className="console-who" style={{ color: '#fff' }} ellipsis>{t('app.signedInAs', { name: session.data.name })}</Typography.Text>}
              <Button size="small" onClick={switchLanguage} lang={language === 'en' ? 'zh-CN' : 'en'}>{t('app.language')}</Button>
              {session.data && <Button size="small" onClick={() => void signOut()}>{t('app.signOut')}</Button>}
            </Space>
          </header>
          <main style={{ padding: 12, maxWidth: principal && principal.role !== 'worker' && principal.role !== 'grid_worker' && principal.role !== 'station_staff' ? 1200 : 640, width: '100%', margin: '0 auto', boxSizing: 'border-box' }}>
            <ErrorBoundary title={t('app.error')} retry={t('app.retry')}>
              <Suspense fallback={<Spin aria-label={t('app.loading')} />}>{body}</Suspense>
            </ErrorBoundary>
          </main>
      </div>
    </ConfigProvider>
  );
}
