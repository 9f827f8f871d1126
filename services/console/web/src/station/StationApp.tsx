import { Tabs } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WalkInForm } from './WalkInForm';

const StationWalkIns = lazy(() => import('./StationWalkIns'));
const StationPoints = lazy(() => import('./StationPoints'));

/** The station counter's phone: log a walk-in for a worker (it opens on that), the station's walk-ins, prizes to hand over, the catalogue and volunteering points. */
export default function StationApp() {
  const { t } = useTranslation();
  const [tab, setTab] = useState('log');
  return (
    <Tabs
      activeKey={tab}
      onChange={setTab}
      items={[
        { key: 'log', label: t('station.tabs.log'), children: <WalkInForm onLogged={() => setTab('list')} /> },
        { key: 'list', label: t('station.tabs.list'), children: <Suspense><StationWalkIns /></Suspense> },
        { key: 'points', label: t('points.station.tabs.points'), children: <Suspense><StationPoints /></Suspense> },
      ]}
    />
  );
}
