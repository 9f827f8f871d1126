import { Card, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OriginalGrievance } from '../api/views';
import { formatTime } from '../shared/format';
import { STATUS_COLOUR } from './status';
import { HistoryTimeline } from './HistoryTimeline';

/** A duplicate's reporter follows the grievance theirs was joined to: its tracking number, its status, its progress. */
export function JoinedOriginal({ original }: { original: OriginalGrievance }) {
  const { t, i18n } = useTranslation();
  const title = t('rider.grievances.joined', { trackingNo: original.trackingNo });
  return (
    <Card size="small" role="region" aria-label={title} title={<Typography.Text strong>{title}</Typography.Text>}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('rider.grievances.joinedHint', { time: formatTime(original.joinedAt, i18n.language) })}</Typography.Text>
        <Space wrap>
          <Typography.Text>{t('rider.grievances.originalStatus')}</Typography.Text>
          <Tag color={STATUS_COLOUR[original.status] ?? 'processing'}>{t(`status.${original.status}`, { defaultValue: original.status })}</Tag>
        </Space>
        <Typography.Text strong>{t('rider.grievances.originalTimeline')}</Typography.Text>
        <HistoryTimeline history={original.history} />
      </Space>
    </Card>
  );
}
