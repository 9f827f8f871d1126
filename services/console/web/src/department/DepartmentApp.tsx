import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Checkbox, Drawer, Form, Image, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, routing } from '../api/clients';
import type { Grievance } from '../api/views';
import { DeadlineTag } from '../shared/DeadlineTag';
import { deadlineState } from '../shared/deadlines';
import { ErrorText } from '../shared/ErrorText';
import { GrievanceHeading } from '../shared/GrievanceHeading';
import { clearOnChange, showApiErrors, showProblems } from '../shared/forms';
import { formatTime } from '../shared/format';
import { useConfig, useDistricts, useGrids } from '../shared/hooks';
import { PhotoPicker } from '../shared/PhotoPicker';
import { validateResolution } from '../shared/validation';

const MapView = lazy(() => import('../shared/MapView'));

const isOverdue = (m: Grievance, now: number) => (m.deadlines ?? []).some((d) => deadlineState(d, now).tone === 'overdue');

/** A department's queue: filters, deadlines in view, a grievance's detail with photos and map, accept, resolve, CSV. */
export default function DepartmentApp() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const inbox = useQuery({ queryKey: ['inbox'], queryFn: () => answer(routing.GET('/v1/inbox')), refetchInterval: 5000 });
  const [status, setStatus] = useState<string>();
  const [category, setCategory] = useState<string>();
  const [district, setDistrict] = useState<string>();
  const [overdue, setOverdue] = useState(false);
  const [open, setOpen] = useState<Grievance | null>(null);
  const items = inbox.data?.items ?? [];
  // A district by its name in the directory (its id until the directory answers, or when it names none).
  const districts = useDistricts();
  const districtName = (id: string | null | undefined) => (id ? (districts.data?.get(id)?.name ?? id) : '');
  const now = Date.now();
  const shown = items.filter((m) => (!status || m.status === status) && (!category || m.category === category) && (!district || m.districtId === district) && (!overdue || isOverdue(m, now)));
  const distinct = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => !!v))];
  const accept = useMutation({
    mutationFn: (id: string) => answer(routing.POST('/v1/matters/{id}/accept', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['inbox'] }),
  });

  const exportCsv = () => {
    const cell = (v: unknown) => `"${String(v ?? '').replace(/"/g, '""')}"`;
    const rows = [['trackingNo', 'status', 'category', 'district', 'title', 'submittedAt'], ...shown.map((m) => [m.trackingNo, m.status, m.category, districtName(m.districtId), m.title, m.submittedAt])];
    const blob = new Blob(['\ufeff' + rows.map((r) => r.map(cell).join(',')).join('\r\n')], { type: 'text/csv;charset=utf-8' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = 'grievances.csv';
    link.click();
    URL.revokeObjectURL(link.href);
  };

  return (
    <Card title={<Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>{t('department.queue')}</Typography.Title>} extra={<Button onClick={exportCsv}>{t('department.exportCsv')}</Button>}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select aria-label={t('department.status')} placeholder={t('department.status')} allowClear style={{ minWidth: 140 }} value={status} onChange={setStatus} options={distinct(items.map((m) => m.status)).map((s) => ({ value: s, label: t(`department.grievanceStatus.${s}`, { defaultValue: s }) }))} />
        <Select aria-label={t('department.category')} placeholder={t('department.category')} allowClear style={{ minWidth: 160 }} value={category} onChange={setCategory} options={distinct(items.map((m) => m.category)).map((c) => ({ value: c, label: t(`category.${c}`, { defaultValue: c }) }))} />
        <Select aria-label={t('department.district')} placeholder={t('department.district')} allowClear style={{ minWidth: 140 }} value={district} onChange={setDistrict} options={distinct(items.map((m) => m.districtId)).map((d) => ({ value: d, label: districtName(d) }))} />
        <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)}>{t('department.overdue')}</Checkbox>
      </Space>
      <ErrorText error={inbox.error ?? accept.error} />
      <Table<Grievance>
        rowKey="grievanceId"
        loading={inbox.isPending}
        dataSource={shown}
        pagination={{ pageSize: 20 }}
        scroll={{ x: true }}
        locale={{ emptyText: t('department.empty') }}
        columns={[
          { title: t('rider.report.headline'), dataIndex: 'title', render: (title: string, m) => <Button type="link" onClick={() => setOpen(m)} style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left' }}>{title}</Button> },
          { title: t('department.category'), dataIndex: 'category', render: (c: string) => t(`category.${c}`, { defaultValue: c }) },
          { title: t('department.district'), dataIndex: 'districtId', render: (d: string | null) => districtName(d) },
          { title: t('department.status'), dataIndex: 'status', render: (s: string) => <Tag>{t(`department.grievanceStatus.${s}`, { defaultValue: s })}</Tag> },
          { title: t('department.deadline'), key: 'deadline', render: (_v, m) => <Space wrap>{(m.deadlines ?? []).map((d) => <DeadlineTag key={d.target} target={d.target} deadline={d} />)}</Space> },
          { title: t('department.submittedAt'), dataIndex: 'submittedAt', render: (at: string) => formatTime(at, i18n.language) },
          {
            title: '',
            key: 'actions',
            render: (_v, m) =>
              m.status === 'assigned' ? (
                <Button type="primary" size="small" aria-label={`${t('department.accept')} ${m.title}`} loading={accept.isPending && accept.variables === m.grievanceId} onClick={() => accept.mutate(m.grievanceId)}>{t('department.accept')}</Button>
              ) : m.status === 'in_progress' ? (
                <Button size="small" aria-label={`${t('department.resolve')} ${m.title}`} onClick={() => setOpen(m)}>{t('department.resolve')}</Button>
              ) : null,
          },
        ]}
      />
      <Drawer open={open !== null} onClose={() => setOpen(null)} size="large" title={open?.title} destroyOnHidden>
        {open && <GrievanceDetail grievance={items.find((m) => m.grievanceId === open.grievanceId) ?? open} onDone={() => setOpen(null)} />}
      </Drawer>
    </Card>
  );
}

function GrievanceDetail({ grievance, onDone }: { grievance: Grievance; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const grids = useGrids();
  const config = useConfig();
  const [form] = Form.useForm<{ resolution?: string }>();
  const [photos, setPhotos] = useState<string[]>([]);
  const resolve = useMutation({
    mutationFn: (resolution: string) => answer(routing.POST('/v1/matters/{id}/resolve', { params: { path: { id: grievance.grievanceId } }, body: { resolution, attachmentIds: photos } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['inbox'] });
      onDone();
    },
  });
  const marker = useMemo(() => grievance.location, [grievance.location]);
  const error = resolve.error ? showApiErrors(form, resolve.error, ['resolution', 'attachmentIds']) : null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <GrievanceHeading grievance={grievance} />
      {grievance.location?.address && <Typography.Text>{grievance.location.address}</Typography.Text>}
      {grievance.attachmentIds.length > 0 && (
        <>
          <Typography.Text strong>{t('department.reporterPhotos')}</Typography.Text>
          <Image.PreviewGroup>
            {grievance.attachmentIds.map((id) => <Image key={id} width={120} src={`/api/intake/v1/attachments/${id}`} alt={t('department.reporterPhotos')} />)}
          </Image.PreviewGroup>
        </>
      )}
      {marker && (
        <Suspense>
          <MapView label={t('department.detail')} grids={grids.data ?? []} marker={marker} tileUrl={config.data?.tileUrl} />
        </Suspense>
      )}
      {grievance.status === 'in_progress' && (
        <Form
          form={form}
          onValuesChange={clearOnChange(form)}
          layout="vertical"
          noValidate
          aria-label={t('department.resolve')}
          onFinish={(v) => {
            if (showProblems(form, validateResolution(v.resolution, t('department.resolution')), t, ['resolution'])) resolve.mutate(v.resolution!.trim());
          }}
        >
          <ErrorText error={error} />
          <PhotoPicker label={t('department.photos')} value={photos} onChange={setPhotos} />
          <Form.Item name="resolution" label={t('department.resolution')}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={resolve.isPending}>{t('department.send')}</Button>
        </Form>
      )}
    </Space>
  );
}
