import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Form, Input, Select, Space, Table, Tabs, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, audit } from '../api/clients';
import { ErrorText } from '../shared/ErrorText';
import { formatDuration, formatNumber, formatTime } from '../shared/format';

interface Trace {
  grievanceId: string;
  verified: boolean;
  brokenLink?: { index: number; reason: string };
  chain: { length: number; head: string };
  events: { eventId: string; type: string; topic: string; occurredAt: string; actor: { id: string; role: string }; holder?: { type: string; id: string; name?: string }; level?: string }[];
}
interface Rates {
  items: { group: string; received: number; responseRate: number | null; resolutionRate: number | null; satisfactionRate: number | null }[];
}
interface Breaches {
  items: { eventId: string; grievanceId: string; target: string; holder: { type: string; id: string; name?: string }; level: string | null; dueAt: string; firedAt: string; budgetMs: number }[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the auditor typed cannot name a matter: said at the field. */
class FieldProblem extends Error {}
const percent = (v: number | null, language: string) => (v === null ? '—' : new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(v));

/** The auditor: a matter's trace with the hash-chain verdict, the three rates, the breaches; CSV from the API itself. */
export default function AuditApp() {
  const { t } = useTranslation();
  return (
    <Card title={<Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>{t('audit.title')}</Typography.Title>}>
      <Tabs
        items={[
          { key: 'trace', label: t('audit.trace'), children: <TraceView /> },
          { key: 'rates', label: t('audit.rates'), children: <RatesView /> },
          { key: 'breaches', label: t('audit.breaches'), children: <BreachesView /> },
        ]}
      />
    </Card>
  );
}

/** A tracking number as intake issues them: the city's prefix, the day, the serial (NC-20261203-000042). */
const TRACKING_NO = /^[A-Z][A-Z0-9]{1,7}-\d{8}-\d{6}$/;

function TraceView() {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<{ id?: string }>();
  const [id, setId] = useState<string | null>(null);
  const [looking, setLooking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const trace = useQuery({ queryKey: ['trace', id], enabled: id !== null, queryFn: () => answer<Trace>(audit.GET('/v1/trace/{grievanceId}', { params: { path: { grievanceId: id! } } })) });
  const find = async (input: string) => {
    const value = input.trim();
    if (UUID.test(value)) return value;
    const trackingNo = value.toUpperCase();
    if (!TRACKING_NO.test(trackingNo)) throw new FieldProblem(t('validation.matterRef'));
    // The audit's search finds the matter a tracking number names.
    const page = await answer<{ items: { grievanceId: string }[] }>(audit.GET('/v1/matters', { params: { query: { trackingNo, limit: 1 } } }));
    if (!page.items[0]) throw new FieldProblem(t('audit.noSuchTrackingNo', { trackingNo }));
    return page.items[0].grievanceId;
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Form
        form={form}
        layout="inline"
        noValidate
        onValuesChange={() => setProblem(null)}
        onFinish={async (v) => {
          setLooking(true);
          setProblem(null);
          try {
            setId(await find(v.id ?? ''));
          } catch (error) {
            if (!(error instanceof FieldProblem)) throw error;
            setProblem(error.message);
          } finally {
            setLooking(false);
          }
        }}
      >
        <Form.Item name="id" label={t('audit.matterRef')} style={{ minWidth: 420 }} validateStatus={problem ? 'error' : undefined} help={problem ?? undefined}>
          <Input placeholder="NC-20261203-000042" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={looking}>{t('audit.find')}</Button>
      </Form>
      <ErrorText error={trace.error} />
      {trace.data && (
        <>
          {trace.data.verified ? (
            <Alert type="success" showIcon title={t('audit.verified', { length: trace.data.chain.length })} />
          ) : (
            <Alert type="error" showIcon title={t('audit.broken', { index: trace.data.brokenLink?.index ?? '?' })} description={trace.data.brokenLink?.reason} />
          )}
          <Timeline
            items={trace.data.events.map((e) => ({
              content: (
                <>
                  <Typography.Text strong>{t(`audit.event.${e.topic}`, { defaultValue: t(`history.${e.topic}`, { defaultValue: e.type }) })}</Typography.Text>{' '}
                  <Tag>{t(`role.${e.actor.role}`, { defaultValue: e.actor.role })}</Tag>
                  {e.holder && <Tag color="blue">{e.holder.name ?? e.holder.id}</Tag>}
                  <br />
                  <Typography.Text type="secondary">{formatTime(e.occurredAt, i18n.language)}</Typography.Text>
                </>
              ),
            }))}
          />
        </>
      )}
    </Space>
  );
}

const GROUPS = ['department', 'level', 'industry', 'district'] as const;

function RatesView() {
  const { t, i18n } = useTranslation();
  const [groupBy, setGroupBy] = useState<(typeof GROUPS)[number]>('department');
  const rates = useQuery({ queryKey: ['rates', groupBy], queryFn: () => answer<Rates>(audit.GET('/v1/rates', { params: { query: { groupBy } as never } })) });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select aria-label={t('audit.groupBy')} value={groupBy} onChange={setGroupBy} options={GROUPS.map((g) => ({ value: g, label: t(`audit.group.${g}`) }))} style={{ minWidth: 160 }} />
        <Button href={`/api/audit/v1/rates?groupBy=${groupBy}&format=csv`}>{t('department.exportCsv')}</Button>
      </Space>
      <ErrorText error={rates.error} />
      <Table
        rowKey="group"
        loading={rates.isPending}
        dataSource={rates.data?.items ?? []}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: <Empty description={t('department.empty')} /> }}
        columns={[
          { title: t(`audit.group.${groupBy}`), dataIndex: 'group' },
          { title: t('audit.received'), dataIndex: 'received', render: (n: number) => formatNumber(n, i18n.language) },
          { title: t('audit.responseRate'), dataIndex: 'responseRate', render: (v: number | null) => percent(v, i18n.language) },
          { title: t('audit.resolutionRate'), dataIndex: 'resolutionRate', render: (v: number | null) => percent(v, i18n.language) },
          { title: t('audit.satisfactionRate'), dataIndex: 'satisfactionRate', render: (v: number | null) => percent(v, i18n.language) },
        ]}
      />
    </Space>
  );
}

function BreachesView() {
  const { t, i18n } = useTranslation();
  const breaches = useQuery({ queryKey: ['breaches'], queryFn: () => answer<Breaches>(audit.GET('/v1/breaches')) });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button href="/api/audit/v1/breaches?format=csv" style={{ alignSelf: 'flex-start' }}>{t('department.exportCsv')}</Button>
      <ErrorText error={breaches.error} />
      <Table
        rowKey="eventId"
        loading={breaches.isPending}
        dataSource={breaches.data?.items ?? []}
        scroll={{ x: true }}
        locale={{ emptyText: <Empty description={t('department.empty')} /> }}
        columns={[
          { title: t('audit.matterId'), dataIndex: 'grievanceId', render: (id: string) => <Typography.Text copyable>{id}</Typography.Text> },
          { title: t('department.deadline'), dataIndex: 'target', render: (target: string) => t(`deadline.target.${target}`, { defaultValue: target }) },
          { title: t('audit.holder'), key: 'holder', render: (_v, b) => b.holder.name ?? b.holder.id },
          { title: t('audit.budget'), dataIndex: 'budgetMs', render: (ms: number) => formatDuration(ms, i18n.language) },
          { title: t('audit.firedAt'), dataIndex: 'firedAt', render: (at: string) => formatTime(at, i18n.language) },
        ]}
      />
    </Space>
  );
}
