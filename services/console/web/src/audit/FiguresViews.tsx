import { useQuery } from '@tanstack/react-query';
import { Button, Empty, Input, InputNumber, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, audit } from '../api/clients';
import { ErrorText } from '../shared/ErrorText';
import { formatNumber, TIME_ZONE } from '../shared/format';
import { BarSeries, ShareBars } from './charts';

const GROUPS = ['department', 'level', 'industry', 'district', 'branch', 'committee', 'grid', 'grid_worker'] as const;
type Group = (typeof GROUPS)[number];
const RANK_BYS = ['score', 'responseRate', 'resolutionRate', 'satisfactionRate'] as const;
const UNITS = ['committee', 'branch'] as const;
const RATE_KEYS = ['responseRate', 'resolutionRate', 'satisfactionRate'] as const;
const RATE_COLOURS = { responseRate: '#1677ff', resolutionRate: '#389e0d', satisfactionRate: '#d48806' } as const;

const percent = (v: number | null, language: string) => (v === null ? '—' : new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(v));

/** This month in Beijing (YYYY-MM) and the year. */
function thisMonth(): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit' }).formatToParts(new Date());
  return `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}`;
}

function useRateSeries(): BarSeries[] {
  const { t } = useTranslation();
  return RATE_KEYS.map((key) => ({ key, label: t(`audit.${key}`), colour: RATE_COLOURS[key] }));
}

function GroupSelect({ value, onChange }: { value: Group; onChange: (g: Group) => void }) {
  const { t } = useTranslation();
  return <Select aria-label={t('audit.groupBy')} value={value} onChange={onChange} options={GROUPS.map((g) => ({ value: g, label: t(`audit.group.${g}`) }))} style={{ minWidth: 160 }} />;
}

/** The three rates (三率) per group, as bars and as a table; CSV from the API. */
export function RatesView() {
  const { t, i18n } = useTranslation();
  const series = useRateSeries();
  const [groupBy, setGroupBy] = useState<Group>('department');
  const rates = useQuery({ queryKey: ['rates', groupBy], queryFn: () => answer(audit.GET('/v1/rates', { params: { query: { groupBy } } })) });
  const items = rates.data?.items ?? [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <GroupSelect value={groupBy} onChange={setGroupBy} />
        <Button href={`/api/audit/v1/rates?groupBy=${groupBy}&format=csv`}>{t('department.exportCsv')}</Button>
      </Space>
      <ErrorText error={rates.error} />
      {items.length > 0 && (
        <ShareBars
          title={t('audit.chart.rates', { group: t(`audit.group.${groupBy}`) })}
          series={series}
          rows={items.map((r) => ({ key: r.group, label: r.group, bars: RATE_KEYS.map((k) => ({ key: k, value: r[k] })) }))}
        />
      )}
      <Table
        rowKey="group"
        loading={rates.isPending}
        dataSource={items}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: <Empty description={t('department.empty')} /> }}
        columns={[
          { title: t(`audit.group.${groupBy}`), dataIndex: 'group' },
          { title: t('audit.received'), dataIndex: 'received', render: (n: number) => formatNumber(n, i18n.language) },
          ...RATE_KEYS.map((key) => ({ title: t(`audit.${key}`), dataIndex: key, render: (v: number | null) => percent(v, i18n.language) })),
          { title: t('audit.breachesColumn'), dataIndex: 'breaches', render: (n: number) => formatNumber(n, i18n.language) },
        ]}
      />
    </Space>
  );
}

/** The month's ranking (月度排名) of departments, rungs, grids…: the score or one rate, best first. */
export function RankingsView() {
  const { t, i18n } = useTranslation();
  const [groupBy, setGroupBy] = useState<Group>('department');
  const [month, setMonth] = useState(thisMonth());
  const [by, setBy] = useState<(typeof RANK_BYS)[number]>('score');
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
  const ranking = useQuery({
    queryKey: ['rankings', month, groupBy, by],
    enabled: valid,
    queryFn: () => answer(audit.GET('/v1/rankings', { params: { query: { month, groupBy, by } } })),
  });
  const items = ranking.data?.items ?? [];
  const label = t(`audit.rankBy.${by}`);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Input type="month" aria-label={t('audit.month')} value={month} onChange={(e) => setMonth(e.target.value)} status={valid ? undefined : 'error'} style={{ width: 160 }} />
        <GroupSelect value={groupBy} onChange={setGroupBy} />
        <Select aria-label={t('audit.rankByLabel')} value={by} onChange={setBy} options={RANK_BYS.map((b) => ({ value: b, label: t(`audit.rankBy.${b}`) }))} style={{ minWidth: 140 }} />
        <Button disabled={!valid} href={`/api/audit/v1/rankings?month=${month}&groupBy=${groupBy}&by=${by}&format=csv`}>{t('department.exportCsv')}</Button>
      </Space>
      {!valid && <span role="alert" style={{ color: '#cf1322' }}>{t('audit.monthInvalid')}</span>}
      <ErrorText error={ranking.error} />
      {items.length > 0 && (
        <ShareBars
          title={t('audit.chart.ranking', { month, group: t(`audit.group.${groupBy}`), by: label })}
          series={[{ key: by, label, colour: by === 'score' ? '#c0392b' : RATE_COLOURS[by] }]}
          rows={items.map((r) => ({ key: r.group, label: `${r.rank}. ${r.group}`, bars: [{ key: by, value: r[by] }] }))}
        />
      )}
      <Table
        rowKey="group"
        loading={valid && ranking.isPending}
        dataSource={items}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: <Empty description={t('department.empty')} /> }}
        columns={[
          { title: t('audit.rank'), dataIndex: 'rank' },
          { title: t(`audit.group.${groupBy}`), dataIndex: 'group' },
          { title: t('audit.rankBy.score'), dataIndex: 'score', render: (v: number | null) => percent(v, i18n.language) },
          { title: t('audit.received'), dataIndex: 'received', render: (n: number) => formatNumber(n, i18n.language) },
          ...RATE_KEYS.map((key) => ({ title: t(`audit.${key}`), dataIndex: key, render: (v: number | null) => percent(v, i18n.language) })),
        ]}
      />
    </Space>
  );
}

/** The yearly assessment (年度考核) of the industry committees or the branches, ranked by score; CSV from the API. */
export function AssessmentsView() {
  const { t, i18n } = useTranslation();
  const [year, setYear] = useState<number | null>(Number(thisMonth().slice(0, 4)));
  const [unit, setUnit] = useState<(typeof UNITS)[number]>('committee');
  const valid = year !== null && Number.isInteger(year) && year >= 2000 && year <= 2100;
  const assessment = useQuery({
    queryKey: ['assessments', year, unit],
    enabled: valid,
    queryFn: () => answer(audit.GET('/v1/assessments', { params: { query: { year: year!, unit } } })),
  });
  const items = assessment.data?.items ?? [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <InputNumber aria-label={t('audit.year')} value={year} onChange={setYear} min={2000} max={2100} precision={0} status={valid ? undefined : 'error'} />
        <Select aria-label={t('audit.unitLabel')} value={unit} onChange={setUnit} options={UNITS.map((u) => ({ value: u, label: t(`audit.group.${u}`) }))} style={{ minWidth: 160 }} />
        <Button disabled={!valid} href={`/api/audit/v1/assessments?year=${year}&unit=${unit}&format=csv`}>{t('audit.downloadAssessment')}</Button>
      </Space>
      <ErrorText error={assessment.error} />
      {items.length > 0 && (
        <ShareBars
          title={t('audit.chart.assessment', { year, unit: t(`audit.group.${unit}`) })}
          series={[{ key: 'score', label: t('audit.rankBy.score'), colour: '#c0392b' }]}
          max={100}
          format={(v) => formatNumber(v, i18n.language)}
          rows={items.map((r) => ({ key: r.unit, label: `${r.rank}. ${r.unit}`, bars: [{ key: 'score', value: r.score }] }))}
        />
      )}
      <Table
        rowKey="unit"
        loading={valid && assessment.isPending}
        dataSource={items}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: <Empty description={t('department.empty')} /> }}
        columns={[
          { title: t('audit.rank'), dataIndex: 'rank' },
          { title: t(`audit.group.${unit}`), dataIndex: 'unit' },
          { title: t('audit.rankBy.score'), dataIndex: 'score', render: (v: number | null) => (v === null ? '—' : formatNumber(v, i18n.language)) },
          { title: t('audit.received'), dataIndex: 'received', render: (n: number) => formatNumber(n, i18n.language) },
          ...RATE_KEYS.map((key) => ({ title: t(`audit.${key}`), dataIndex: key, render: (v: number | null) => percent(v, i18n.language) })),
          { title: t('audit.breachesColumn'), dataIndex: 'breaches', render: (n: number) => formatNumber(n, i18n.language) },
        ]}
      />
    </Space>
  );
}
