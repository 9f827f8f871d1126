import { useQuery } from '@tanstack/react-query';
import { Card, Empty, List, Space, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { answer, feedback } from '../api/clients';
import { BenefitsPanel } from '../points/BenefitsPanel';
import { RedeemPanel } from '../points/RedeemPanel';
import { ErrorText } from '../shared/ErrorText';
import { formatNumber, formatTime } from '../shared/format';

/** The rider's points (积分): the balance, spending it at a station, what they redeemed, the 五入 applications, every movement. */
export default function MyPoints() {
  const { t, i18n } = useTranslation();
  const points = useQuery({ queryKey: ['points'], queryFn: () => answer(feedback.GET('/v1/points/me')), refetchInterval: 5000 });
  if (points.isError) return <ErrorText error={points.error} />;
  const data = points.data;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Card title={<Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>{t('rider.points.title')}</Typography.Title>} loading={points.isPending}>
        <Statistic title={t('rider.points.balance')} value={data?.balance ?? 0} formatter={(v) => <span aria-label={t('rider.points.balance')}>{formatNumber(Number(v), i18n.language)}</span>} />
      </Card>
      {data && <RedeemPanel balance={data.balance} />}
      {data && (
        <Card size="small" title={t('points.redemptions.title')}>
          <List
            dataSource={data.redemptions}
            locale={{ emptyText: <Empty description={t('points.redemptions.empty')} /> }}
            renderItem={(r) => (
              <List.Item extra={<Tag color={r.state === 'handed_over' ? 'green' : 'gold'}>{t(`points.redemptions.state.${r.state}`)}</Tag>}>
                <List.Item.Meta title={r.itemName} description={`${t('points.redeem.cost', { cost: r.cost })} · ${formatTime(r.createdAt, i18n.language)}`} />
              </List.Item>
            )}
          />
        </Card>
      )}
      {data && <BenefitsPanel applications={data.benefits} />}
      <Card size="small" title={t('rider.points.history')}>
        {data?.entries.length ? (
          <List
            dataSource={data.entries}
            renderItem={(e) => (
              <List.Item extra={<Typography.Text strong>{e.points > 0 ? `+${e.points}` : e.points}</Typography.Text>}>
                <List.Item.Meta title={t(`rider.points.reason.${e.reason}`, { defaultValue: e.reason })} description={[e.note, formatTime(e.createdAt, i18n.language)].filter(Boolean).join(' · ')} />
              </List.Item>
            )}
          />
        ) : (
          <Empty description={t('rider.points.empty')} />
        )}
      </Card>
    </Space>
  );
}
