import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Form, Input, Radio, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, intake } from '../api/clients';
import { ErrorText } from '../shared/ErrorText';
import { clearOnChange, showApiErrors, showProblems } from '../shared/forms';
import { useCategories } from '../shared/hooks';
import { validateWalkIn, type WalkInDraft } from '../shared/validation';

const CONSENT_METHODS = ['verbal', 'signature', 'sms'] as const;
/** The form's fields; the API names the consent ones `consent.given` and `consent.method`. */
const FIELDS = ['workerId', 'workerPhone', 'category', 'title', 'description', 'consentMethod', 'consentGiven'] as const;
const API_NAMES = { consentGiven: 'consent', consentMethod: 'consent.method' };

/** 登记代办: a worker at the counter tells their appeal or suggestion; the staff log it for them, with their consent. */
export function WalkInForm({ onLogged }: { onLogged: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<WalkInDraft>();
  const [done, setDone] = useState<string | null>(null);
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const categories = useCategories();
  // Hazards need a place on the map: the worker reports those with 随手拍 on their own phone.
  const counterCategories = useMemo(() => (categories.data ?? []).filter((c) => c.kind !== 'hazard'), [categories.data]);

  const log = useMutation({
    mutationFn: (v: WalkInDraft) =>
      answer(
        intake.POST('/v1/stations/me/walk-ins', {
          params: { header: { 'idempotency-key': idempotencyKey } },
          body: {
            kind: counterCategories.find((c) => c.code === v.category)?.kind === 'suggestion' ? 'suggestion' : 'appeal',
            category: v.category!,
            title: v.title!.trim(),
            description: v.description!.trim(),
            workerId: v.workerId!.trim(),
            ...(v.workerPhone?.trim() ? { workerPhone: v.workerPhone.trim() } : {}),
            // Sent only once the box is ticked (validateWalkIn), so the worker's consent is given.
            consent: { given: true, method: v.consentMethod ?? 'verbal' },
          },
        }),
      ),
    onSuccess: (a) => {
      setDone(a.trackingNo);
      form.resetFields();
      setIdempotencyKey(crypto.randomUUID());
      void queryClient.invalidateQueries({ queryKey: ['station-walk-ins'] });
      onLogged();
    },
  });
  const error = log.error ? showApiErrors(form, log.error, FIELDS, API_NAMES) : null;

  const labels = { workerId: t('station.form.workerId'), workerPhone: t('station.form.workerPhone'), title: t('station.form.headline'), description: t('station.form.description') };
  return (
    <Card title={<Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>{t('station.form.title')}</Typography.Title>}>
      {done && <Alert type="success" showIcon role="status" title={t('station.form.logged', { trackingNo: done })} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        onValuesChange={clearOnChange(form)}
        layout="vertical"
        noValidate
        initialValues={{ consentMethod: 'verbal', consentGiven: false }}
        onFinish={(values) => {
          if (showProblems(form, validateWalkIn(values, labels), t, FIELDS)) log.mutate(values);
        }}
      >
        <ErrorText error={error} />
        <Form.Item name="workerId" label={labels.workerId} extra={t('station.form.workerIdHint')}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="workerPhone" label={labels.workerPhone}>
          <Input type="tel" inputMode="tel" autoComplete="off" />
        </Form.Item>
        <Form.Item name="category" label={t('station.form.category')}>
          <Select aria-label={t('station.form.category')} options={counterCategories.map((c) => ({ value: c.code, label: t(`category.${c.code}`, { defaultValue: c.name }) }))} />
        </Form.Item>
        <Form.Item name="title" label={labels.title}>
          <Input />
        </Form.Item>
        <Form.Item name="description" label={labels.description}>
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.Item name="consentMethod" label={t('station.form.consentMethod')}>
          <Radio.Group options={CONSENT_METHODS.map((m) => ({ value: m, label: t(`station.consent.${m}`) }))} />
        </Form.Item>
        <Form.Item name="consentGiven" valuePropName="checked">
          <Checkbox>{t('station.form.consentGiven')}</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={log.isPending}>{t('station.form.submit')}</Button>
      </Form>
    </Card>
  );
}
