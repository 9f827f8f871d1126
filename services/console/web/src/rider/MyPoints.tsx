import { useQuery } from '@tanstack/react-query';
import { Card, Empty, List, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { answer, feedback } from '../api/clients';
import type { Points } from '../api/views';
import { ErrorText } from '../shared/ErrorText';
import { formatNumber, formatTime } from '../shared/format';

export default function MyPoints() {
  const { t, i18n } = useTranslation();
  const points = useQuery({ queryKey: ['points'], queryFn: () => answer<Points>(feedback.GET('/v1/points/me')), refetchInterval: 5000 });
  if (points.isError) return <ErrorText error={points.error} />;
  return (
    <Card title={<Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>{t('rider.points.title')}</Typography.Title>} loading={points.isPending}>
      <Statistic title={t('rider.points.balance')} value={points.data?.balance ?? 0} formatter={(v) => <span aria-label={t('rider.points.balance')}>{formatNumber(Number(v), i18n.language)}</span>} />
      <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>{t('rider.points.history')}</Typography.Title>
      {points.data?.entries.length ? (
        <List
          dataSource={points.data.entries}
          renderItem={(e) => (
            <List.Item extra={<Typography.Text strong>{e.points > 0 ? `+${e.points}` : e.points}</Typography.Text>}>
              <List.Item.Meta title={t(`rider.points.reason.${e.reason}`, { defaultValue: e.reason })} description={formatTime(e.createdAt, i18n.language)} />
            </List.Item>
          )}
        />
      ) : (
        <Empty description={t('rider.points.empty')} />
      )}
    </Card>
  );
}
