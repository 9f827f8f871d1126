import { useQuery } from '@tanstack/react-query';
import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { answer, intake } from '../api/clients';
import { STATUS_COLOUR } from '../rider/status';
import { ErrorText } from '../shared/ErrorText';
import { formatTime } from '../shared/format';

/** 本站代办: the station's walk-ins, newest first, each with where it stands, for whom and on what consent. */
export default function StationWalkIns() {
  const { t, i18n } = useTranslation();
  const list = useQuery({ queryKey: ['station-walk-ins'], queryFn: () => answer(intake.GET('/v1/stations/me/walk-ins')), refetchInterval: 5000 });
  if (list.isError) return <ErrorText error={list.error} />;
  const page = list.data;
  return (
    <Card title={<Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>{t('station.tabs.list')}</Typography.Title>} loading={list.isPending}>
      {/* The station's name on a line of its own: on a phone it is longer than a card's heading. */}
      {page && <Typography.Paragraph type="secondary" style={{ overflowWrap: 'anywhere' }}>{t('station.list.title', { station: page.stationName })}</Typography.Paragraph>}
      {page && page.items.length === 0 ? (
        <Empty description={t('station.list.empty')} />
      ) : (
        <List
          aria-label={t('station.tabs.list')}
          dataSource={page?.items ?? []}
          renderItem={(m) => (
            <List.Item key={m.id}>
              <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                <Space wrap>
                  <Typography.Text strong>{m.title}</Typography.Text>
                  <Tag color={STATUS_COLOUR[m.status] ?? 'processing'}>{t(`status.${m.status}`, { defaultValue: m.status })}</Tag>
                </Space>
                <Typography.Text type="secondary">{m.trackingNo} · {t(`category.${m.category}`, { defaultValue: m.category })}</Typography.Text>
                <Typography.Text>{t('station.list.worker', { worker: m.workerId, phone: m.workerPhone ?? t('station.list.noPhone') })}</Typography.Text>
                <Typography.Text type="secondary">
                  {t('station.list.logged', { time: formatTime(m.loggedAt, i18n.language), staff: m.staffId, consent: t(`station.consent.${m.consentMethod}`, { defaultValue: m.consentMethod }) })}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
