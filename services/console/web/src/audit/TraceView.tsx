import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Space, Tag, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, audit } from '../api/clients';
import { ErrorText } from '../shared/ErrorText';
import { formatTime } from '../shared/format';
import { SlaClocks } from './charts';
import { auditEventKey } from './wording';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A tracking number as intake issues them: the city's prefix, the day, the serial (NC-20261203-000042). */
const TRACKING_NO = /^[A-Z][A-Z0-9]{1,7}-\d{8}-\d{6}$/;

/** What the auditor typed cannot name a grievance: said at the field. */
class FieldProblem extends Error {}

/** A grievance's trace: found by id or tracking number, verified along its hash chain, its SLA clocks drawn. */
export function TraceView({ opened }: { opened: string | null }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<{ id?: string }>();
  const [id, setId] = useState<string | null>(opened);
  const [looking, setLooking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (opened) {
      setId(opened);
      form.setFieldsValue({ id: opened });
    }
  }, [opened, form]);
  const trace = useQuery({ queryKey: ['trace', id], enabled: id !== null, queryFn: () => answer(audit.GET('/v1/trace/{grievanceId}', { params: { path: { grievanceId: id! } } })) });
  const find = async (input: string) => {
    const value = input.trim();
    if (UUID.test(value)) return value;
    const trackingNo = value.toUpperCase();
    if (!TRACKING_NO.test(trackingNo)) throw new FieldProblem(t('validation.grievanceRef'));
    // The audit's search finds the grievance a tracking number names.
    const page = await answer(audit.GET('/v1/matters', { params: { query: { trackingNo, limit: 1 } } }));
    if (!page.items[0]) throw new FieldProblem(t('audit.noSuchTrackingNo', { trackingNo }));
    return page.items[0].grievanceId;
  };
  const events = trace.data?.events ?? [];
  const lastSeen = events.at(-1)?.occurredAt ?? new Date().toISOString();
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
        <Form.Item name="id" label={t('audit.grievanceRef')} style={{ minWidth: 420 }} validateStatus={problem ? 'error' : undefined} help={problem ?? undefined}>
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
            <Alert type="error" showIcon title={t('audit.broken', { index: trace.data.brokenLink?.chainIndex ?? '?' })} description={trace.data.brokenLink?.message} />
          )}
          {trace.data.sla.verdict && (
            <Tag color={trace.data.sla.verdict.slaMet ? 'green' : 'red'}>{t(trace.data.sla.verdict.slaMet ? 'audit.slaMet' : 'audit.slaMissed')}</Tag>
          )}
          <SlaClocks deadlines={trace.data.sla.deadlines} lastSeen={lastSeen} holderName={(d) => d.holder.name ?? d.holder.id} />
          <Timeline
            items={events.map((e) => ({
              content: (
                <>
                  <Typography.Text strong>{t(auditEventKey(e.topic), { defaultValue: e.type })}</Typography.Text>{' '}
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
