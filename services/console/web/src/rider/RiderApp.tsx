import { Tabs } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReportForm } from './ReportForm';

const AppealForm = lazy(() => import('./AppealForm'));
const MyGrievances = lazy(() => import('./MyGrievances'));
const MyPoints = lazy(() => import('./MyPoints'));

/** The rider's phone: report a hazard first (it opens on that), appeals, their grievances, their points. A `?branch=` link opens the appeal tab. */
export default function RiderApp() {
  const { t } = useTranslation();
  const branchFromQr = new URLSearchParams(location.search).get('branch');
  const [tab, setTab] = useState(branchFromQr ? 'appeal' : 'report');
  return (
    <Tabs
      activeKey={tab}
      onChange={setTab}
      items={[
        { key: 'report', label: t('rider.tabs.report'), children: <ReportForm onSubmitted={() => setTab('grievances')} /> },
        { key: 'appeal', label: t('rider.tabs.appeal'), children: <Suspense><AppealForm branchFromQr={branchFromQr} onSubmitted={() => setTab('grievances')} /></Suspense> },
        { key: 'grievances', label: t('rider.tabs.grievances'), children: <Suspense><MyGrievances /></Suspense> },
        { key: 'points', label: t('rider.tabs.points'), children: <Suspense><MyPoints /></Suspense> },
      ]}
    />
  );
}
