import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Checkbox, Drawer, Form, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, routing } from '../api/clients';
import type { Grievance } from '../api/views';
import { DeadlineTag } from '../shared/DeadlineTag';
import { deadlineState } from '../shared/deadlines';
import { ErrorText } from '../shared/ErrorText';
import { GrievanceHeading } from '../shared/GrievanceHeading';
import { clearOnChange, showApiErrors, showProblems } from '../shared/forms';
import { formatTime } from '../shared/format';
import { validateText } from '../shared/validation';

/** What a rung can do with a grievance it holds, and the text field each sends. */
const ACTIONS = {
  resolve: 'resolution',
  escalate: 'reason',
  return: 'reason',
  'assign-department': 'note',
  'ask-reporter': 'question',
} as const;
type Action = keyof typeof ACTIONS;

const BenefitDecisions = lazy(() => import('./BenefitDecisions'));

/** The chain's rungs (member, branch, industry committee, 两新工委): the inbox with deadlines and 督办, and each rung's moves; an industry committee also decides its workers' 五入 applications. */
export default function ChainApp({ role }: { role: string }) {
  const { t } = useTranslation();
  if (role !== 'industry_committee') return <Inbox />;
  return (
    <Tabs
      items={[
        { key: 'inbox', label: t('chain.inbox'), children: <Inbox /> },
        { key: 'benefits', label: t('points.decisions.tab'), children: <Suspense><BenefitDecisions /></Suspense> },
      ]}
    />
  );
}

function Inbox() {
  const { t, i18n } = useTranslation();
  const inbox = useQuery({ queryKey: ['inbox'], queryFn: () => answer(routing.GET('/v1/inbox')), refetchInterval: 5000 });
  const [supervisedOnly, setSupervisedOnly] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const items = (inbox.data?.items ?? []).filter((m) => !supervisedOnly || m.underSupervision);
  const opened = inbox.data?.items.find((m) => m.grievanceId === open) ?? null;
  return (
    <Card title={<Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>{t('chain.inbox')}</Typography.Title>}>
      <Checkbox checked={supervisedOnly} onChange={(e) => setSupervisedOnly(e.target.checked)} style={{ marginBottom: 12 }}>{t('chain.supervisedOnly')}</Checkbox>
      <ErrorText error={inbox.error} />
      <Table<Grievance>
        rowKey="grievanceId"
        loading={inbox.isPending}
        dataSource={items}
        pagination={{ pageSize: 20 }}
        scroll={{ x: true }}
        locale={{ emptyText: t('department.empty') }}
        rowClassName={(m) => ((m.deadlines ?? []).some((d) => deadlineState(d).tone === 'overdue') ? 'console-overdue' : '')}
        columns={[
          { title: t('rider.report.headline'), dataIndex: 'title', render: (title: string, m) => <Button type="link" onClick={() => setOpen(m.grievanceId)} style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left' }}>{title}</Button> },
          { title: t('department.category'), dataIndex: 'category', render: (c: string) => t(`category.${c}`, { defaultValue: c }) },
          {
            title: t('department.status'),
            key: 'status',
            render: (_v, m) => (
              <Space wrap>
                <Tag>{t(`chain.status.${m.status}`, { defaultValue: m.status })}</Tag>
                {m.underSupervision && <Tag color="purple">{t('rider.grievances.underSupervision')}</Tag>}
              </Space>
            ),
          },
          { title: t('department.deadline'), key: 'deadline', render: (_v, m) => <Space wrap>{(m.deadlines ?? []).map((d) => <DeadlineTag key={d.target} target={d.target} deadline={d} />)}</Space> },
          { title: t('department.submittedAt'), dataIndex: 'submittedAt', render: (at: string) => formatTime(at, i18n.language) },
        ]}
      />
      <Drawer open={opened !== null} onClose={() => setOpen(null)} size="large" title={opened?.title} destroyOnHidden>
        {opened && <RungActions grievance={opened} onDone={() => setOpen(null)} />}
      </Drawer>
    </Card>
  );
}

function RungActions({ grievance, onDone }: { grievance: Grievance; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [action, setAction] = useState<Action | null>(null);
  const [form] = Form.useForm<{ text?: string; departmentCode?: string }>();
  const departments = useQuery({ queryKey: ['departments'], queryFn: async () => (await answer(routing.GET('/v1/directory/departments'))).items });
  const departmentList = departments.data ?? [];
  const done = () => {
    void queryClient.invalidateQueries({ queryKey: ['inbox'] });
    onDone();
  };
  const acknowledge = useMutation({ mutationFn: () => answer(routing.POST('/v1/matters/{id}/acknowledge', { params: { path: { id: grievance.grievanceId } } })), onSuccess: done });
  const act = useMutation({
    mutationFn: async ({ chosen, text, departmentCode }: { chosen: Action; text?: string; departmentCode?: string }) => {
      const params = { path: { id: grievance.grievanceId } };
      const value = text?.trim() ?? '';
      switch (chosen) {
        case 'resolve':
          return answer(routing.POST('/v1/matters/{id}/resolve', { params, body: { resolution: value } }));
        case 'escalate':
          return answer(routing.POST('/v1/matters/{id}/escalate', { params, body: { reason: value } }));
        case 'return':
          return answer(routing.POST('/v1/matters/{id}/return', { params, body: { reason: value } }));
        case 'assign-department':
          return answer(routing.POST('/v1/matters/{id}/assign-department', { params, body: { departmentCode: departmentCode!, ...(value ? { note: value } : {}) } }));
        case 'ask-reporter':
          return answer(routing.POST('/v1/matters/{id}/ask-reporter', { params, body: { question: value } }));
      }
    },
    onSuccess: done,
  });
  const field = action ? ACTIONS[action] : 'text';
  const error = act.error ? showApiErrors(form, act.error, ['text', 'departmentCode'], { text: field }) : null;

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <GrievanceHeading grievance={grievance} />
      <ErrorText error={acknowledge.error} />
      <Space wrap>
        {grievance.status === 'routed' && <Button type="primary" loading={acknowledge.isPending} onClick={() => acknowledge.mutate()}>{t('chain.acknowledge')}</Button>}
        {(Object.keys(ACTIONS) as Action[]).map((a) => (
          <Button key={a} type={action === a ? 'primary' : 'default'} ghost={action === a} onClick={() => { setAction(a); act.reset(); form.resetFields(); }}>{t(`chain.action.${a}`)}</Button>
        ))}
      </Space>
      {action && (
        <Form
          form={form}
          onValuesChange={clearOnChange(form)}
          layout="vertical"
          noValidate
          aria-label={t(`chain.action.${action}`)}
          onFinish={(v) => {
            const problems = validateText(v.text, t(`chain.field.${field}`), action !== 'assign-department', 2000, 'text');
            if (action === 'assign-department' && !v.departmentCode) problems.departmentCode = { key: 'validation.required', values: { field: t('chain.department') } };
            if (showProblems(form, problems, t, ['text', 'departmentCode'])) act.mutate({ chosen: action, text: v.text, departmentCode: v.departmentCode });
          }}
        >
          <ErrorText error={error} />
          {action === 'assign-department' && (
            <Form.Item name="departmentCode" label={t('chain.department')}>
              <Select aria-label={t('chain.department')} showSearch={{ optionFilterProp: 'label' }} options={departmentList.map((d) => ({ value: d.code, label: d.name }))} />
            </Form.Item>
          )}
          <Form.Item name="text" label={t(`chain.field.${field}`)}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={act.isPending}>{t('chain.send')}</Button>
        </Form>
      )}
    </Space>
  );
}
