import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Collapse, Empty, Form, Input, Radio, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { answer, feedback, intake } from '../api/clients';
import { ErrorText } from '../shared/ErrorText';
import { clearOnChange, showApiErrors, showProblems } from '../shared/forms';
import { LIMITS, validateText } from '../shared/validation';
import { canContest, canRate, eventOf, openQuestion, showsResolution } from '../shared/timeline';
import { ContestVerdict } from './ContestVerdict';
import { FixResolution } from './FixResolution';
import { HistoryTimeline } from './HistoryTimeline';
import { JoinedOriginal } from './JoinedOriginal';
import { STATUS_COLOUR } from './status';

/**
 * My grievances: each with its status and, opened, the timeline in plain words; a duplicate shows
 * the grievance it was joined to; a resolved one what was done with its fix photos and the rating;
 * a hazard closed on an invalid verdict offers to contest it.
 */
export default function MyGrievances() {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: ['my-grievances'], queryFn: () => answer(intake.GET('/v1/grievances')), refetchInterval: 5000 });
  if (list.isError) return <ErrorText error={list.error} />;
  const items = list.data?.items ?? [];
  return (
    <Card title={<Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>{t('rider.grievances.title')}</Typography.Title>} loading={list.isPending}>
      {items.length === 0 ? (
        <Empty description={t('rider.grievances.empty')} />
      ) : (
        <Collapse
          items={items.map((m) => ({
            key: m.id,
            label: (
              <Space wrap>
                <Typography.Text strong>{m.title}</Typography.Text>
                <Tag color={STATUS_COLOUR[m.status] ?? 'processing'}>{t(`status.${m.status}`, { defaultValue: m.status })}</Tag>
                {m.underSupervision && <Tag color="purple">{t('rider.grievances.underSupervision')}</Tag>}
                {m.original && <Tag color="cyan">{t('rider.grievances.joined', { trackingNo: m.original.trackingNo })}</Tag>}
                <Typography.Text type="secondary">{m.trackingNo}</Typography.Text>
              </Space>
            ),
            children: <GrievanceTimeline id={m.id} />,
          }))}
        />
      )}
    </Card>
  );
}

function GrievanceTimeline({ id }: { id: string }) {
  const { t } = useTranslation();
  const detail = useQuery({ queryKey: ['grievance', id], queryFn: () => answer(intake.GET('/v1/grievances/{id}', { params: { path: { id } } })), refetchInterval: 5000 });
  if (detail.isError) return <ErrorText error={detail.error} />;
  if (!detail.data) return null;
  const grievance = detail.data;
  const question = openQuestion(grievance.history);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph style={{ overflowWrap: 'anywhere' }}>{grievance.description}</Typography.Paragraph>
      {/* The news first: what was done; then, for a duplicate, the grievance it follows (its progress is long). */}
      {showsResolution(grievance.status, grievance.resolution) && <FixResolution resolution={grievance.resolution!} />}
      {grievance.original && <JoinedOriginal original={grievance.original} />}
      {canContest(grievance.kind, grievance.status, grievance.history) && <ContestVerdict key={id} id={id} />}
      <Typography.Text strong>{t('rider.grievances.timeline')}</Typography.Text>
      <HistoryTimeline history={grievance.history} />
      {question && <ReplyForm id={id} question={question.summary} />}
      {/* Only the first reporter is asked to rate (as on the 12345 hotlines), never a co-reporter. */}
      {!grievance.original && canRate(grievance.status, grievance.history) && <RateForm id={id} />}
      {/* Once the rating is in the history the form goes; the thanks stay. */}
      {grievance.history.some((h) => eventOf(h.type) === 'feedback.rated') && <Alert type="success" role="status" title={t('rider.grievances.rated')} />}
    </Space>
  );
}

function RateForm({ id }: { id: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ rating: 'satisfied' | 'basically_satisfied' | 'unsatisfied'; comment?: string }>();
  const queryClient = useQueryClient();
  const rate = useMutation({
    mutationFn: (v: { rating: 'satisfied' | 'basically_satisfied' | 'unsatisfied'; comment?: string }) =>
      answer(feedback.POST('/v1/grievances/{id}/rating', { params: { path: { id } }, body: { rating: v.rating, ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}) } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['grievance', id] });
      void queryClient.invalidateQueries({ queryKey: ['points'] });
    },
  });
  if (rate.isSuccess) return <Alert type="success" role="status" title={t('rider.grievances.rated')} />;
  const error = rate.error ? showApiErrors(form, rate.error, ['rating', 'comment']) : null;
  return (
    <Form form={form} onValuesChange={clearOnChange(form)} layout="vertical" initialValues={{ rating: 'satisfied' }} onFinish={(v) => rate.mutate(v)} aria-label={t('rider.grievances.rate')}>
      <ErrorText error={error} />
      <Form.Item name="rating" label={t('rider.grievances.rating')}>
        <Radio.Group options={(['satisfied', 'basically_satisfied', 'unsatisfied'] as const).map((r) => ({ value: r, label: t(`rating.${r}`) }))} />
      </Form.Item>
      <Form.Item name="comment" label={t('rider.grievances.comment')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={rate.isPending}>{t('rider.grievances.sendRating')}</Button>
    </Form>
  );
}

/** The holder asked something: the reporter answers here (the grievance's deadlines run again). */
function ReplyForm({ id, question }: { id: string; question: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ message?: string }>();
  const queryClient = useQueryClient();
  const reply = useMutation({
    mutationFn: (message: string) => answer(intake.POST('/v1/grievances/{id}/reply', { params: { path: { id } }, body: { message } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['grievance', id] }),
  });
  const error = reply.error ? showApiErrors(form, reply.error, ['message']) : null;
  return (
    <Form
      form={form}
      onValuesChange={clearOnChange(form)}
      layout="vertical"
      noValidate
      aria-label={t('rider.grievances.reply')}
      onFinish={(v) => {
        if (showProblems(form, validateText(v.message, t('rider.grievances.replyLabel'), true, LIMITS.description, 'message'), t, ['message'])) reply.mutate(v.message!.trim());
      }}
    >
      <Alert type="warning" showIcon title={t('rider.grievances.asked')} description={question} style={{ marginBottom: 12 }} />
      <ErrorText error={error} />
      <Form.Item name="message" label={t('rider.grievances.replyLabel')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={reply.isPending}>{t('rider.grievances.reply')}</Button>
    </Form>
  );
}
