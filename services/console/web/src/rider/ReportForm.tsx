import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, intake } from '../api/clients';
import { ErrorText } from '../shared/ErrorText';
import { clearOnChange, showApiErrors, showProblems } from '../shared/forms';
import { useCategories, useConfig, useGrids, usePosition } from '../shared/hooks';
import { PhotoPicker } from '../shared/PhotoPicker';
import { Slot } from '../shared/Slot';
import { LIMITS, validateHazard } from '../shared/validation';

const MapView = lazy(() => import('../shared/MapView'));
const FIELDS = ['category', 'title', 'description', 'address', 'location', 'urgency'] as const;

interface Values {
  location?: never;
  category?: string;
  title?: string;
  description?: string;
  address?: string;
  urgency: 'normal' | 'urgent';
}

/** 随手拍: photo, place (the device's position or a tap on the map), category, urgency. */
export function ReportForm({ onSubmitted }: { onSubmitted: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const categories = useCategories();
  const [showMap, setShowMap] = useState(false);
  const grids = useGrids();
  const config = useConfig();
  const { position, setPosition, locating, locate } = usePosition();
  const [photos, setPhotos] = useState<string[]>([]);
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [done, setDone] = useState<string | null>(null);
  const hazardCategories = useMemo(() => (categories.data ?? []).filter((c) => c.kind === 'hazard'), [categories.data]);

  const submit = useMutation({
    mutationFn: (values: Values) =>
      answer(
        intake.POST('/v1/grievances', {
          // The same key for every retry of this one report, so it is never filed twice.
          params: { header: { 'idempotency-key': idempotencyKey } },
          body: {
            kind: 'hazard',
            category: values.category!,
            title: values.title!.trim(),
            description: values.description!.trim(),
            urgency: values.urgency,
            location: { lat: position!.lat, lng: position!.lng, ...(values.address?.trim() ? { address: values.address.trim() } : {}) },
            attachmentIds: photos,
          },
        }),
      ),
    onSuccess: (answer) => {
      setDone(answer.trackingNo);
      form.resetFields();
      setPhotos([]);
      setPosition(null);
      setIdempotencyKey(crypto.randomUUID());
      void queryClient.invalidateQueries({ queryKey: ['my-grievances'] });
      onSubmitted();
    },
  });

  const onFinish = (values: Values) => {
    const ok = showProblems(form, validateHazard({ ...values, location: position }, { title: t('rider.report.headline'), description: t('rider.report.description'), address: t('rider.report.address') }), t, FIELDS);
    if (ok) submit.mutate(values);
  };
  const apiError = submit.error ? showApiErrors(form, submit.error, FIELDS) : null;

  return (
    <Card title={<Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>{t('rider.report.title')}</Typography.Title>}>
      {done && <Alert type="success" showIcon title={t('rider.report.submitted', { trackingNo: done })} style={{ marginBottom: 12 }} role="status" />}
      <ErrorText error={apiError} />
      <Form form={form} onValuesChange={clearOnChange(form)} layout="vertical" initialValues={{ urgency: 'normal' }} onFinish={onFinish} noValidate>
        <PhotoPicker label={t('rider.report.photo')} value={photos} onChange={setPhotos} />
        <Form.Item name="location" label={t('rider.report.place')}>
          <Slot>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Button onClick={() => void locate().then(() => form.setFields([{ name: 'location', errors: [] }]))} loading={locating}>{locating ? t('rider.report.locating') : t('rider.report.useMyPosition')}</Button>
            {/* The map (and its code) only when asked for: the first screen stays light on a phone. */}
            {showMap ? (
              <Suspense>
                <MapView label={t('rider.report.place')} grids={grids.data ?? []} marker={position} tileUrl={config.data?.tileUrl} onPick={(p) => { setPosition(p); form.setFields([{ name: 'location', errors: [] }]); }} />
              </Suspense>
            ) : (
              <Button onClick={() => setShowMap(true)}>{t('rider.report.tapMap')}</Button>
            )}
            <Typography.Text role="status">{position ? t('rider.report.placeChosen', { latitude: position.lat, longitude: position.lng }) : t('rider.report.noPlace')}</Typography.Text>
          </Space>
          </Slot>
        </Form.Item>
        <Form.Item name="address" label={t('rider.report.address')}>
          <Input maxLength={LIMITS.address + 1} />
        </Form.Item>
        <Form.Item name="category" label={t('rider.report.category')}>
          <Select
            aria-label={t('rider.report.category')}
            loading={categories.isPending}
            options={hazardCategories.map((c) => ({ value: c.code, label: t(`category.${c.code}`, { defaultValue: c.name }) }))}
          />
        </Form.Item>
        <Form.Item name="urgency" label={t('rider.report.urgency')}>
          <Radio.Group options={[{ value: 'normal', label: t('rider.report.normal') }, { value: 'urgent', label: t('rider.report.urgent') }]} />
        </Form.Item>
        <Form.Item name="title" label={t('rider.report.headline')}>
          <Input />
        </Form.Item>
        <Form.Item name="description" label={t('rider.report.description')}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submit.isPending}>{t('rider.report.submit')}</Button>
      </Form>
    </Card>
  );
}
