import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, intake, routing } from '../api/clients';
import type { WorkerRegistration } from '../api/views';
import { ApiError } from '../shared/errors';
import { ErrorText } from '../shared/ErrorText';
import { clearOnChange, showApiErrors, showProblems } from '../shared/forms';
import { useCategories } from '../shared/hooks';
import { validateAppeal } from '../shared/validation';

const OCCUPATIONS = ['rider', 'courier', 'ride_hailing_driver', 'truck_driver', 'livestreamer', 'domestic_worker', 'online_writer'] as const;
const APPEAL_FIELDS = ['category', 'title', 'description'] as const;
const REGISTER_FIELDS = ['occupation', 'branchId', 'platform'] as const;

/** 我要诉求: register occupation and branch first (扫码报到: `?branch=` pre-fills it), then the appeal. */
export default function AppealForm({ branchFromQr, onSubmitted }: { branchFromQr: string | null; onSubmitted: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [registerForm] = Form.useForm<WorkerRegistration>();
  const [form] = Form.useForm<{ category?: string; title?: string; description?: string }>();
  const [editing, setEditing] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const categories = useCategories();
  const me = useQuery({
    queryKey: ['worker-me'],
    queryFn: async () => {
      try {
        return await answer(routing.GET('/v1/workers/me'));
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
  const branches = useQuery({
    queryKey: ['branches'],
    queryFn: async () => (await answer(routing.GET('/v1/directory/org-units', { params: { query: { level: 'branch' } } }))).items,
  });
  const branchName = (id?: string | null) => branches.data?.find((b) => b.id === id)?.name ?? id ?? '';
  const appealCategories = useMemo(() => (categories.data ?? []).filter((c) => c.kind !== 'hazard'), [categories.data]);

  const register = useMutation({
    mutationFn: (values: WorkerRegistration) =>
      answer(routing.PUT('/v1/workers/me', { body: { occupation: values.occupation as 'rider', branchId: values.branchId || undefined, platform: values.platform?.trim() || undefined } })),
    onSuccess: (saved) => {
      queryClient.setQueryData(['worker-me'], saved);
      setEditing(false);
    },
  });
  const submit = useMutation({
    mutationFn: (values: { category?: string; title?: string; description?: string }) =>
      answer(
        intake.POST('/v1/grievances', {
          params: { header: { 'idempotency-key': idempotencyKey } },
          body: { kind: appealCategories.find((c) => c.code === values.category)?.kind === 'suggestion' ? 'suggestion' : 'appeal', category: values.category!, title: values.title!.trim(), description: values.description!.trim() },
        }),
      ),
    onSuccess: (a) => {
      setDone(a.trackingNo);
      form.resetFields();
      setIdempotencyKey(crypto.randomUUID());
      void queryClient.invalidateQueries({ queryKey: ['my-grievances'] });
      onSubmitted();
    },
  });

  const registered = me.data && me.data.registered !== false && !editing;
  const registerError = register.error ? showApiErrors(registerForm, register.error, REGISTER_FIELDS) : null;
  const submitError = submit.error ? showApiErrors(form, submit.error, APPEAL_FIELDS) : null;

  return (
    <Card title={<Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>{t('rider.appeal.title')}</Typography.Title>}>
      {done && <Alert type="success" showIcon role="status" title={t('rider.appeal.submitted', { trackingNo: done })} style={{ marginBottom: 12 }} />}
      <ErrorText error={me.error} />
      {registered ? (
        <Alert
          type="info"
          title={t('rider.appeal.registered', { occupation: t(`occupation.${me.data!.occupation}`), branch: branchName(me.data!.branchId) })}
          action={<Button size="small" onClick={() => setEditing(true)}>{t('rider.appeal.changeRegistration')}</Button>}
          style={{ marginBottom: 12 }}
        />
      ) : (
        me.isSuccess && (
          <Form form={registerForm} onValuesChange={clearOnChange(registerForm)} layout="vertical" initialValues={{ occupation: me.data?.occupation ?? 'rider', branchId: branchFromQr ?? me.data?.branchId ?? undefined }} onFinish={(v) => register.mutate(v)}>
            <Typography.Paragraph strong>{t('rider.appeal.register')}</Typography.Paragraph>
            {branchFromQr && <Alert type="success" title={t('rider.appeal.fromQr')} style={{ marginBottom: 12 }} />}
            <ErrorText error={registerError} />
            <Form.Item name="occupation" label={t('rider.appeal.occupation')}>
              <Select aria-label={t('rider.appeal.occupation')} options={OCCUPATIONS.map((o) => ({ value: o, label: t(`occupation.${o}`) }))} />
            </Form.Item>
            <Form.Item name="branchId" label={t('rider.appeal.branch')}>
              <Select aria-label={t('rider.appeal.branch')} allowClear showSearch={{ optionFilterProp: 'label' }} options={(branches.data ?? []).map((b) => ({ value: b.id, label: b.name }))} />
            </Form.Item>
            <Form.Item name="platform" label={t('rider.appeal.platform')}>
              <Input />
            </Form.Item>
            <Button htmlType="submit" loading={register.isPending}>{t('rider.appeal.registerButton')}</Button>
          </Form>
        )
      )}
      {registered && (
        <Form
          form={form}
          onValuesChange={clearOnChange(form)}
          layout="vertical"
          noValidate
          onFinish={(values) => {
            if (showProblems(form, validateAppeal(values, { title: t('rider.appeal.headline'), description: t('rider.appeal.description') }), t, APPEAL_FIELDS)) submit.mutate(values);
          }}
        >
          <ErrorText error={submitError} />
          <Form.Item name="category" label={t('rider.appeal.category')}>
            <Select aria-label={t('rider.appeal.category')} options={appealCategories.map((c) => ({ value: c.code, label: t(`category.${c.code}`, { defaultValue: c.name }) }))} />
          </Form.Item>
          <Form.Item name="title" label={t('rider.appeal.headline')}>
            <Input />
          </Form.Item>
          <Form.Item name="description" label={t('rider.appeal.description')}>
            <Input.TextArea rows={4} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submit.isPending}>{t('rider.appeal.submit')}</Button>
        </Form>
      )}
    </Card>
  );
}
