import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Form, Input, List, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, feedback } from '../api/clients';
import type { BenefitApplication } from '../api/views';
import { ErrorText } from '../shared/ErrorText';
import { clearOnChange, showApiErrors, showProblems } from '../shared/forms';
import { formatTime } from '../shared/format';
import type { Problems } from '../shared/validation';

export const BENEFIT_KINDS = ['school', 'medical', 'job', 'childcare', 'network'] as const;
const FIELDS = ['kind', 'note'] as const;
const STATE_COLOURS = { pending: 'gold', approved: 'green', refused: 'red' } as const;

/** 五入积分法: a worker over the threshold applies for a public-service benefit; the industry committee decides. */
export function BenefitsPanel({ applications }: { applications: BenefitApplication[] }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ kind?: (typeof BENEFIT_KINDS)[number]; note?: string }>();
  const [done, setDone] = useState(false);
  const apply = useMutation({
    mutationFn: (v: { kind: (typeof BENEFIT_KINDS)[number]; note?: string }) =>
      answer(feedback.POST('/v1/points/benefits', { body: { kind: v.kind, ...(v.note?.trim() ? { note: v.note.trim() } : {}) } })),
    onSuccess: () => {
      setDone(true);
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['points'] });
    },
    onError: () => setDone(false),
  });
  const error = apply.error ? showApiErrors(form, apply.error, FIELDS) : null;
  return (
    <Card size="small" title={t('points.benefits.title')}>
      <Form
        form={form}
        name="benefit"
        layout="vertical"
        noValidate
        onValuesChange={(changed) => {
          setDone(false);
          clearOnChange(form)(changed);
        }}
        onFinish={(v) => {
          const problems: Problems = v.kind ? {} : { kind: { key: 'validation.required', values: { field: t('points.benefits.kind') } } };
          if (showProblems(form, problems, t, FIELDS)) apply.mutate({ kind: v.kind!, note: v.note });
        }}
      >
        <ErrorText error={error} plain />
        {done && <Alert type="success" showIcon title={t('points.benefits.applied')} role="status" style={{ marginBottom: 12 }} />}
        <Form.Item name="kind" label={t('points.benefits.kind')}>
          <Select aria-label={t('points.benefits.kind')} options={BENEFIT_KINDS.map((k) => ({ value: k, label: t(`points.benefits.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('points.benefits.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={apply.isPending}>{t('points.benefits.apply')}</Button>
      </Form>
      <List
        style={{ marginTop: 12 }}
        dataSource={applications}
        locale={{ emptyText: <Empty description={t('points.benefits.empty')} /> }}
        renderItem={(a) => (
          <List.Item>
            <List.Item.Meta
              title={
                <>
                  {t(`points.benefits.kinds.${a.kind}`)} <Tag color={STATE_COLOURS[a.state]}>{t(`points.benefits.state.${a.state}`)}</Tag>
                </>
              }
              description={
                <>
                  <Typography.Text type="secondary">{formatTime(a.createdAt, i18n.language)}</Typography.Text>
                  {a.decisionReason && <div>{t('points.benefits.decided', { state: t(`points.benefits.state.${a.state}`), reason: a.decisionReason })}</div>}
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
