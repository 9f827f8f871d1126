import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, feedback } from '../api/clients';
import { ErrorText } from '../shared/ErrorText';
import { clearOnChange, showApiErrors, showProblems } from '../shared/forms';
import { LIMITS, validateText } from '../shared/validation';

/**
 * 申请复核: the reporter of a hazard a grid worker found invalid asks, once and with a reason,
 * for another grid worker to check it. The grievance opens again (routed); a second contest or one
 * after the window is refused with the service's words.
 */
export function ContestVerdict({ id }: { id: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason?: string }>();
  const [open, setOpen] = useState(false);
  const queryClient = useQueryClient();
  const contest = useMutation({
    mutationFn: (reason: string) => answer(feedback.POST('/v1/grievances/{id}/contest', { params: { path: { id } }, body: { reason } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['grievance', id] });
      void queryClient.invalidateQueries({ queryKey: ['my-grievances'] });
    },
  });
  // Until the tracking view has the contest in its history, the answer says it is under way.
  if (contest.isSuccess) return <Alert type="success" showIcon role="status" title={t('rider.grievances.contest.sent')} />;
  const label = t('rider.grievances.contest.reason');
  const error = contest.error ? showApiErrors(form, contest.error, ['reason']) : null;
  if (!open) {
    return (
      <Alert
        type="warning"
        showIcon
        title={t('rider.grievances.contest.hint')}
        description={<Button onClick={() => setOpen(true)}>{t('rider.grievances.contest.open')}</Button>}
      />
    );
  }
  return (
    <Form
      form={form}
      onValuesChange={clearOnChange(form)}
      layout="vertical"
      noValidate
      aria-label={t('rider.grievances.contest.open')}
      onFinish={(v) => {
        if (showProblems(form, validateText(v.reason, label, true, LIMITS.note, 'reason'), t, ['reason'])) contest.mutate(v.reason!.trim());
      }}
    >
      <Alert type="warning" showIcon title={t('rider.grievances.contest.hint')} style={{ marginBottom: 12 }} />
      <ErrorText error={error} />
      <Form.Item name="reason" label={label}>
        <Input.TextArea rows={3} placeholder={t('rider.grievances.contest.reasonHint')} />
      </Form.Item>
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={contest.isPending}>{t('rider.grievances.contest.send')}</Button>
        <Button onClick={() => setOpen(false)} disabled={contest.isPending}>{t('rider.grievances.contest.cancel')}</Button>
      </Space>
    </Form>
  );
}
