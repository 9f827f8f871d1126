import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Form, Input, InputNumber, List, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, feedback } from '../api/clients';
import type { CatalogueItem, Redemption } from '../api/views';
import { ErrorText } from '../shared/ErrorText';
import { clearOnChange, showApiErrors, showProblems } from '../shared/forms';
import { formatTime } from '../shared/format';
import type { Problems } from '../shared/validation';

const required = (label: string) => ({ key: 'validation.required', values: { field: label } });

/** 积分服务 at the counter, one screen to scroll on a phone: prizes to hand over, volunteering points, the catalogue. */
export default function StationPoints() {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Card size="small" title={t('points.station.tabs.handOver')}>
        <StationHandOver />
      </Card>
      <Card size="small" title={t('points.station.tabs.volunteering')}>
        <VolunteeringForm />
      </Card>
      <Card size="small" title={t('points.station.tabs.catalogue')}>
        <StationCatalogue />
      </Card>
    </Space>
  );
}

/** 兑换领取: what workers redeemed here and have not collected; the staff confirm each hand-over. */
function StationHandOver() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const waiting = useQuery({
    queryKey: ['station-redemptions'],
    queryFn: () => answer(feedback.GET('/v1/stations/me/redemptions', { params: { query: { state: 'awaiting_hand_over' } } })),
    refetchInterval: 5000,
  });
  const handOver = useMutation({
    mutationFn: (r: Redemption) => answer(feedback.POST('/v1/stations/me/redemptions/{id}/hand-over', { params: { path: { id: r.id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['station-redemptions'] }),
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ErrorText error={waiting.error} />
      <ErrorText error={handOver.error} plain />
      <List
        loading={waiting.isPending}
        dataSource={waiting.data ?? []}
        locale={{ emptyText: <Empty description={t('points.station.handOver.empty')} /> }}
        renderItem={(r) => (
          <List.Item
            actions={[
              <Button key="hand-over" type="primary" size="small" aria-label={`${t('points.station.handOver.button')} ${r.itemName} ${r.workerId}`} loading={handOver.isPending && handOver.variables?.id === r.id} onClick={() => handOver.mutate(r)}>
                {t('points.station.handOver.button')}
              </Button>,
            ]}
          >
            <List.Item.Meta title={<>{r.itemName} <Tag>{t(`points.kind.${r.kind}`)}</Tag></>} description={t('points.station.handOver.who', { worker: r.workerId, time: formatTime(r.createdAt, i18n.language) })} />
          </List.Item>
        )}
      />
    </Space>
  );
}

interface ItemDraft {
  name?: string;
  kind?: 'prize' | 'wish';
  cost?: number | null;
  stock?: number | null;
}
const ITEM_FIELDS = ['name', 'kind', 'cost', 'stock'] as const;

/** 积分商品: the station's prizes and small wishes, with their cost and stock; new ones added here, stock changed in place. */
function StationCatalogue() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const catalogue = useQuery({ queryKey: ['station-catalogue'], queryFn: () => answer(feedback.GET('/v1/stations/{id}/catalogue', { params: { path: { id: 'me' } } })) });
  const [form] = Form.useForm<ItemDraft>();
  const [saved, setSaved] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: (v: Required<ItemDraft>) => answer(feedback.POST('/v1/stations/me/catalogue', { body: { name: v.name!.trim(), kind: v.kind!, cost: v.cost!, stock: v.stock! } })),
    onSuccess: (item) => {
      setSaved(t('points.station.catalogue.saved', { name: item.name }));
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['station-catalogue'] });
    },
  });
  const restock = useMutation({
    mutationFn: ({ item, stock }: { item: CatalogueItem; stock: number }) => answer(feedback.PUT('/v1/stations/me/catalogue/{itemId}', { params: { path: { itemId: item.id } }, body: { stock } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['station-catalogue'] }),
  });
  const error = add.error ? showApiErrors(form, add.error, ITEM_FIELDS) : null;
  const label = (f: (typeof ITEM_FIELDS)[number]) => t(`points.station.catalogue.${f}`);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ fontSize: 14, margin: 0 }}>{t('points.station.catalogue.add')}</Typography.Title>
        <Form
          form={form}
          name="catalogue-item"
          layout="vertical"
          noValidate
          initialValues={{ kind: 'prize' }}
          onValuesChange={(changed) => {
            setSaved(null);
            clearOnChange(form)(changed);
          }}
          onFinish={(v) => {
            const problems: Problems = {};
            if (!v.name?.trim()) problems.name = required(label('name'));
            if (!v.kind) problems.kind = required(label('kind'));
            if (v.cost === undefined || v.cost === null) problems.cost = required(label('cost'));
            if (v.stock === undefined || v.stock === null) problems.stock = required(label('stock'));
            if (showProblems(form, problems, t, ITEM_FIELDS)) add.mutate(v as Required<ItemDraft>);
          }}
        >
          <ErrorText error={error} plain />
          {saved && <Alert type="success" showIcon title={saved} role="status" style={{ marginBottom: 12 }} />}
          <Form.Item name="name" label={label('name')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="kind" label={label('kind')}>
            <Radio.Group options={(['prize', 'wish'] as const).map((k) => ({ value: k, label: t(`points.kind.${k}`) }))} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="cost" label={label('cost')}>
              <InputNumber min={1} precision={0} />
            </Form.Item>
            <Form.Item name="stock" label={label('stock')}>
              <InputNumber min={0} precision={0} />
            </Form.Item>
          </Space>
          <Button type="primary" htmlType="submit" loading={add.isPending}>{t('points.station.catalogue.save')}</Button>
        </Form>
      <ErrorText error={catalogue.error ?? restock.error} plain />
      <List
        loading={catalogue.isPending}
        dataSource={catalogue.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('points.station.catalogue.empty')} /> }}
        renderItem={(item) => (
          <List.Item
            actions={[
              <InputNumber
                key="stock"
                aria-label={`${label('stock')} ${item.name}`}
                min={0}
                precision={0}
                defaultValue={item.stock}
                onBlur={(e) => {
                  const stock = Number(e.target.value);
                  if (Number.isInteger(stock) && stock >= 0 && stock !== item.stock) restock.mutate({ item, stock });
                }}
                style={{ width: 90 }}
              />,
            ]}
          >
            <List.Item.Meta title={<>{item.name} <Tag>{t(`points.kind.${item.kind}`)}</Tag></>} description={t('points.redeem.cost', { cost: item.cost })} />
          </List.Item>
        )}
      />
    </Space>
  );
}

interface AwardDraft {
  workerId?: string;
  points?: number | null;
  reason?: string;
}
const AWARD_FIELDS = ['workerId', 'points', 'reason'] as const;

/** 志愿积分: points for a worker's volunteering, with what they did; the daily cap is the API's (422 said here). */
function VolunteeringForm() {
  const { t } = useTranslation();
  const [form] = Form.useForm<AwardDraft>();
  const [awarded, setAwarded] = useState<string | null>(null);
  // One key per award, kept across a retry of the same form: a double tap pays once.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const award = useMutation({
    mutationFn: (v: AwardDraft) =>
      answer(
        feedback.POST('/v1/stations/me/volunteering', {
          params: { header: { 'Idempotency-Key': idempotencyKey } },
          body: { workerId: v.workerId!.trim(), points: v.points!, reason: v.reason!.trim() },
        }),
      ),
    onSuccess: (a) => {
      setAwarded(t('points.station.volunteering.awarded', { points: a.points, remaining: a.remainingToday }));
      form.resetFields();
      setIdempotencyKey(crypto.randomUUID());
    },
    onError: () => setAwarded(null),
  });
  const error = award.error ? showApiErrors(form, award.error, AWARD_FIELDS) : null;
  const label = (f: (typeof AWARD_FIELDS)[number]) => t(`points.station.volunteering.${f}`);
  return (
    <>
      <Form
        form={form}
        name="volunteering"
        layout="vertical"
        noValidate
        onValuesChange={(changed) => {
          setAwarded(null);
          // Other values are another award: a new key.
          setIdempotencyKey(crypto.randomUUID());
          clearOnChange(form)(changed);
        }}
        onFinish={(v) => {
          const problems: Problems = {};
          if (!v.workerId?.trim()) problems.workerId = required(label('workerId'));
          if (v.points === undefined || v.points === null) problems.points = required(label('points'));
          if (!v.reason?.trim()) problems.reason = required(label('reason'));
          if (showProblems(form, problems, t, AWARD_FIELDS)) award.mutate(v);
        }}
      >
        <ErrorText error={error} plain />
        {awarded && <Alert type="success" showIcon title={awarded} role="status" style={{ marginBottom: 12 }} />}
        <Form.Item name="workerId" label={label('workerId')}>
          <Input />
        </Form.Item>
        <Form.Item name="points" label={label('points')}>
          <InputNumber min={1} precision={0} />
        </Form.Item>
        <Form.Item name="reason" label={label('reason')}>
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={award.isPending}>{t('points.station.volunteering.award')}</Button>
      </Form>
    </>
  );
}
