import { Card, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BreachesView } from './BreachesView';
import { AssessmentsView, RankingsView, RatesView } from './FiguresViews';
import { SearchView } from './SearchView';
import { TraceView } from './TraceView';

/**
 * The auditor: a grievance's trace with the hash-chain verdict and each holder's SLA clock; the
 * search over every grievance; the three rates, the month's ranking and the yearly assessment as
 * charts and tables; the breaches. CSV always from the API itself.
 */
export default function AuditApp() {
  const { t } = useTranslation();
  const [tab, setTab] = useState('trace');
  // A grievance chosen in the search opens in the trace tab.
  const [traced, setTraced] = useState<string | null>(null);
  const open = (grievanceId: string) => {
    setTraced(grievanceId);
    setTab('trace');
  };
  return (
    <Card title={<Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>{t('audit.title')}</Typography.Title>}>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'trace', label: t('audit.trace'), children: <TraceView opened={traced} /> },
          { key: 'search', label: t('audit.search'), children: <SearchView onOpen={open} /> },
          { key: 'rates', label: t('audit.rates'), children: <RatesView /> },
          { key: 'rankings', label: t('audit.rankings'), children: <RankingsView /> },
          { key: 'assessments', label: t('audit.assessments'), children: <AssessmentsView /> },
          { key: 'breaches', label: t('audit.breaches'), children: <BreachesView /> },
        ]}
      />
    </Card>
  );
}
