import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Empty, Form, Input, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { answer, feedback } from '../api/clients';
import type { BenefitApplication } from '../api/views';
import { ErrorText } from '../shared/ErrorText';
import { clearOnChange, showApiErrors, showProblems } from '../shared/forms';
import { formatTime } from '../shared/format';
import { validateText } from '../shared/validation';

/** 五入 applications of the committee's own workers: each approved or refused, with a reason the worker reads. */
export default function BenefitDecisions() {
  const { t, i18n } = useTranslation();
  const pending = useQuery({
    queryKey: ['benefits', 'pending'],
    queryFn: () => answer(feedback.GET('/v1/benefits', { params: { query: { state: 'pending' } } })),
    refetchInterval: 5000,
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ErrorText error={pending.error} />
      <List
        loading={pending.isPending}
        dataSource={pending.data ?? []}
        locale={{ emptyText: <Empty description={t('points.decisions.empty')} /> }}
        renderItem={(a) => (
          <List.Item>
            <Card size="small" style={{ width: '100%' }} title={t(`points.benefits.kinds.${a.kind}`)}>
              <Typography.Paragraph type="secondary">{t('points.decisions.worker', { worker: a.workerId, balance: a.balance, time: formatTime(a.createdAt, i18n.language) })}</Typography.Paragraph>
              {a.note && <Typography.Paragraph>{a.note}</Typography.Paragraph>}
              <Decide application={a} />
            </Card>
          </List.Item>
        )}
      />
    </Space>
  );
}

function Decide({ application }: { application: BenefitApplication }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reason?: string }>();
  const decide = useMutation({
    mutationFn: ({ decision, reason }: { decision: 'approved' | 'refused'; reason: string }) =>
      answer(feedback.POST('/v1/benefits/{id}/decide', { params: { path: { id: application.id } }, body: { decision, reason } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['benefits'] }),
  });
  const error = decide.error ? showApiErrors(form, decide.error, ['reason']) : null;
  const send = async (decision: 'approved' | 'refused') => {
    const reason = (form.getFieldValue('reason') as string | undefined) ?? '';
    if (showProblems(form, validateText(reason, t('points.decisions.reason'), true, 500, 'reason'), t, ['reason'])) decide.mutate({ decision, reason: reason.trim() });
  };
  return (
    <Form form={form} name={`decide-${application.id}`} layout="vertical" noValidate onValuesChange={clearOnChange(form)} aria-label={`${t('points.decisions.tab')} ${application.id}`}>
      <ErrorText error={error} plain />
      <Form.Item name="reason" label={t('points.decisions.reason')}>
        <Input.TextArea rows={2} maxLength={501} />
      </Form.Item>
      <Space>
        <Button type="primary" loading={decide.isPending && decide.variables?.decision === 'approved'} onClick={() => void send('approved')}>{t('points.decisions.approve')}</Button>
        <Button danger loading={decide.isPending && decide.variables?.decision === 'refused'} onClick={() => void send('refused')}>{t('points.decisions.refuse')}</Button>
      </Space>
    </Form>
  );
}
