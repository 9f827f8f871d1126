import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Card, Empty, Form, Input, List, Radio, Select, Space, Switch, Tabs, Tag, Typography } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, gridDispatch } from '../api/clients';
import type { Ticket } from '../api/views';
import { DeadlineTag } from '../shared/DeadlineTag';
import { ErrorText } from '../shared/ErrorText';
import { clearOnChange, showApiErrors, showProblems } from '../shared/forms';
import { formatTime, metresBetween } from '../shared/format';
import { useCategories, useConfig, useGrids, usePosition } from '../shared/hooks';
import { PhotoPicker } from '../shared/PhotoPicker';
import { Slot } from '../shared/Slot';
import { validateVerify, VerifyDraft } from '../shared/validation';

const MapView = lazy(() => import('../shared/MapView'));
const STREAM_URL = '/api/grid-dispatch/v1/tickets/stream';

/** Tickets, fetched again whenever the server says one of the worker's tickets changed (no reload, no polling). */
function useLiveTickets() {
  const queryClient = useQueryClient();
  const [live, setLive] = useState(false);
  useEffect(() => {
    const source = new EventSource(STREAM_URL);
    source.onopen = () => {
      setLive(true);
      // Anything that changed while the stream was down.
      void queryClient.invalidateQueries({ queryKey: ['tickets'] });
    };
    source.onerror = () => setLive(false);
    source.addEventListener('ticket', () => void queryClient.invalidateQueries({ queryKey: ['tickets'] }));
    return () => source.close();
  }, [queryClient]);
  return live;
}

export default function GridApp() {
  const { t } = useTranslation();
  const live = useLiveTickets();
  const tickets = useQuery({ queryKey: ['tickets'], queryFn: () => answer(gridDispatch.GET('/v1/tickets')) });
  // The switch shows what dispatch sees, read from the server (a reload never shows a stale guess).
  const queryClient = useQueryClient();
  const dutyNow = useQuery({ queryKey: ['duty'], queryFn: () => answer(gridDispatch.GET('/v1/grid-workers/me/duty')) });
  const duty = useMutation({
    mutationFn: (value: boolean) => answer(gridDispatch.PUT('/v1/grid-workers/me/duty', { body: { onDuty: value } })),
    onSuccess: (now) => queryClient.setQueryData(['duty'], now),
  });
  const onDuty = dutyNow.data?.onDuty ?? false;
  const open = (tickets.data ?? []).filter((x) => x.status === 'dispatched' || x.status === 'accepted');
  const done = (tickets.data ?? []).filter((x) => x.status === 'verified');
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap>
          <Typography.Text id="duty-label">{t('grid.dutyLabel')}</Typography.Text>
          <Switch aria-labelledby="duty-label" checked={onDuty} loading={duty.isPending || dutyNow.isPending} disabled={dutyNow.isError} onChange={(v) => duty.mutate(v)} checkedChildren={t('grid.onDuty')} unCheckedChildren={t('grid.offDuty')} />
          <Badge status={live ? 'processing' : 'default'} text={t('grid.live')} />
        </Space>
        <ErrorText error={duty.error ?? dutyNow.error} />
      </Card>
      <ErrorText error={tickets.error} />
      <Tabs
        items={[
          { key: 'inbox', label: `${t('grid.inbox')} (${open.length})`, children: <TicketList tickets={open} loading={tickets.isPending} /> },
          { key: 'done', label: `${t('grid.done')} (${done.length})`, children: <TicketList tickets={done} loading={tickets.isPending} /> },
        ]}
      />
    </Space>
  );
}

function TicketList({ tickets, loading }: { tickets: Ticket[]; loading: boolean }) {
  const { t } = useTranslation();
  if (!loading && tickets.length === 0) return <Empty description={t('grid.empty')} />;
  return <List loading={loading} dataSource={tickets} renderItem={(ticket) => <TicketCard ticket={ticket} />} aria-label={t('grid.inbox')} />;
}

function TicketCard({ ticket }: { ticket: Ticket }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [verifying, setVerifying] = useState(false);
  const accept = useMutation({
    mutationFn: () => answer(gridDispatch.POST('/v1/tickets/{id}/accept', { params: { path: { id: ticket.id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tickets'] }),
  });
  const report = ticket.report;
  return (
    <List.Item>
      <Card size="small" style={{ width: '100%' }} title={<Typography.Text strong>{report?.title ?? ticket.grievanceId}</Typography.Text>} aria-label={report?.title ?? ticket.grievanceId}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Tag color="blue">{t(`grid.ticketStatus.${ticket.status}`, { defaultValue: ticket.status })}</Tag>
            {report && <Tag>{t(`category.${report.category}`, { defaultValue: report.category })}</Tag>}
            {ticket.status === 'dispatched' && ticket.acceptBy && <DeadlineTag target="accept" deadline={{ dueAt: ticket.acceptBy, startedAt: ticket.dispatchedAt }} />}
            {report && <Typography.Text type="secondary">{report.trackingNo}</Typography.Text>}
          </Space>
          {report?.location?.address && <Typography.Text>{report.location.address}</Typography.Text>}
          {ticket.verifiedAt && <Typography.Text type="secondary">{t('grid.verified')} · {formatTime(ticket.verifiedAt, i18n.language)}</Typography.Text>}
          <ErrorText error={accept.error} />
          {ticket.status === 'dispatched' && <Button type="primary" onClick={() => accept.mutate()} loading={accept.isPending}>{t('grid.accept')}</Button>}
          {ticket.status === 'accepted' && !verifying && <Button type="primary" onClick={() => setVerifying(true)}>{t('grid.verify')}</Button>}
          {ticket.status === 'accepted' && verifying && <VerifyForm ticket={ticket} />}
        </Space>
      </Card>
    </List.Item>
  );
}

const VERIFY_FIELDS = ['verdict', 'note', 'position', 'duplicateOf', 'correctedCategory'] as const;

function VerifyForm({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<VerifyDraft>();
  const grids = useGrids();
  const config = useConfig();
  const categories = useCategories();
  const { position, locating, locate } = usePosition();
  const [photos, setPhotos] = useState<string[]>([]);
  const reported = ticket.report?.location ?? null;
  const distance = position && reported ? metresBetween(position, reported) : undefined;
  const verify = useMutation({
    mutationFn: (v: VerifyDraft) =>
      answer(
        gridDispatch.POST('/v1/tickets/{id}/verify', {
          params: { path: { id: ticket.id } },
          body: {
            verdict: v.verdict!,
            note: v.note!.trim(),
            position: position!,
            attachmentIds: photos,
            ...(v.verdict === 'duplicate' ? { duplicateOf: v.duplicateOf } : {}),
            // Seen on site to be another kind of hazard: routing sends it to that category's department.
            ...(v.verdict === 'confirmed' && v.correctedCategory ? { correctedCategory: v.correctedCategory } : {}),
          },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tickets'] }),
  });
  const error = verify.error ? showApiErrors(form, verify.error, VERIFY_FIELDS) : null;
  return (
    <Form
      form={form}
      onValuesChange={clearOnChange(form)}
      layout="vertical"
      noValidate
      aria-label={t('grid.verify')}
      onFinish={(v) => {
        if (showProblems(form, validateVerify({ ...v, position }, { note: t('grid.note'), verdict: t('grid.verdict') }, distance), t, VERIFY_FIELDS)) verify.mutate(v);
      }}
    >
      <ErrorText error={error} />
      <Form.Item name="position" label={t('grid.position')}>
        <Slot>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Button onClick={() => void locate().then(() => form.setFields([{ name: 'position', errors: [] }]))} loading={locating}>{t('grid.locate')}</Button>
            {distance !== undefined && <Typography.Text role="status">{t('grid.distance', { metres: Math.round(distance) })}</Typography.Text>}
            <Suspense>
              <MapView label={t('grid.position')} grids={(grids.data ?? []).filter((g) => g.id === ticket.gridId)} marker={reported} me={position} tileUrl={config.data?.tileUrl} height={200} />
            </Suspense>
          </Space>
        </Slot>
      </Form.Item>
      <PhotoPicker label={t('grid.photo')} value={photos} onChange={setPhotos} />
      <Form.Item name="verdict" label={t('grid.verdict')}>
        <Radio.Group options={(['confirmed', 'invalid', 'duplicate'] as const).map((v) => ({ value: v, label: t(`grid.${v}`) }))} />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.verdict !== b.verdict}>
        {() =>
          (form.getFieldValue('verdict') === 'duplicate' && (
            <Form.Item name="duplicateOf" label={t('grid.duplicateOf')}>
              <Input />
            </Form.Item>
          )) ||
          (form.getFieldValue('verdict') === 'confirmed' && (
            <Form.Item name="correctedCategory" label={t('grid.correctedCategory')} extra={t('grid.correctedCategoryHint')}>
              <Select
                aria-label={t('grid.correctedCategory')}
                allowClear
                loading={categories.isPending}
                options={(categories.data ?? [])
                  .filter((c) => c.kind === 'hazard' && c.code !== ticket.report?.category)
                  .map((c) => ({ value: c.code, label: t(`category.${c.code}`, { defaultValue: c.name }) }))}
              />
            </Form.Item>
          ))
        }
      </Form.Item>
      <Form.Item name="note" label={t('grid.note')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={verify.isPending}>{t('grid.send')}</Button>
    </Form>
  );
}
