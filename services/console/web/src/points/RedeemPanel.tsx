import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, feedback, routing } from '../api/clients';
import type { CatalogueItem } from '../api/views';
import { ErrorText } from '../shared/ErrorText';

/** 积分兑换: a station's prizes and small wishes (微心愿); each redemption its own Idempotency-Key, kept across a retry. */
export function RedeemPanel({ balance }: { balance: number }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const stations = useQuery({ queryKey: ['stations'], queryFn: () => answer(routing.GET('/v1/directory/stations')).then((a) => a.items.filter((s) => !s.retired)) });
  const [stationId, setStationId] = useState<string | undefined>();
  const catalogue = useQuery({
    queryKey: ['catalogue', stationId],
    enabled: stationId !== undefined,
    queryFn: () => answer(feedback.GET('/v1/stations/{id}/catalogue', { params: { path: { id: stationId! } } })),
  });
  const [done, setDone] = useState<string | null>(null);
  // One key per item chosen: a retried click (429/503) is the same redemption, never a second one.
  const [keys] = useState(() => new Map<string, string>());
  const redeem = useMutation({
    mutationFn: (item: CatalogueItem) => {
      const key = keys.get(item.id) ?? crypto.randomUUID();
      keys.set(item.id, key);
      return answer(feedback.POST('/v1/points/redemptions', { params: { header: { 'Idempotency-Key': key } }, body: { stationId: item.stationId, itemId: item.id } }));
    },
    onSuccess: (r) => {
      keys.delete(r.itemId);
      setDone(t('points.redeem.redeemed', { name: r.itemName, balance: r.balanceAfter }));
      void queryClient.invalidateQueries({ queryKey: ['points'] });
      void queryClient.invalidateQueries({ queryKey: ['catalogue', stationId] });
    },
    onError: () => setDone(null),
  });
  return (
    <Card size="small" title={t('points.redeem.title')}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Select
          aria-label={t('points.redeem.station')}
          placeholder={t('points.redeem.choose')}
          loading={stations.isPending}
          value={stationId}
          onChange={(id) => {
            setStationId(id);
            setDone(null);
            redeem.reset();
          }}
          options={(stations.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          style={{ width: '100%' }}
        />
        <ErrorText error={stations.error ?? catalogue.error} />
        <ErrorText error={redeem.error} plain />
        {done && <Alert type="success" showIcon title={done} role="status" />}
        {stationId && (
          <List
            loading={catalogue.isPending}
            dataSource={catalogue.data?.items ?? []}
            locale={{ emptyText: <Empty description={t('points.redeem.empty')} /> }}
            renderItem={(item) => {
              const soldOut = item.stock <= 0;
              const short = item.cost > balance;
              return (
                <List.Item
                  actions={[
                    <Button key="redeem" type="primary" size="small" aria-label={`${t('points.redeem.button')} ${item.name}`} disabled={soldOut || short} loading={redeem.isPending && redeem.variables?.id === item.id} onClick={() => redeem.mutate(item)}>
                      {t('points.redeem.button')}
                    </Button>,
                  ]}
                >
                  <List.Item.Meta
                    title={item.name}
                    description={
                      <Space wrap size={4}>
                        <Tag>{t(`points.kind.${item.kind}`)}</Tag>
                        <Typography.Text>{t('points.redeem.cost', { cost: item.cost })}</Typography.Text>
                        <Typography.Text type={soldOut ? 'danger' : 'secondary'}>{soldOut ? t('points.redeem.soldOut') : t('points.redeem.stock', { stock: item.stock })}</Typography.Text>
                        {short && !soldOut && <Typography.Text type="warning">{t('points.redeem.short')}</Typography.Text>}
                      </Space>
                    }
                  />
                </List.Item>
              );
            }}
          />
        )}
      </Space>
    </Card>
  );
}
