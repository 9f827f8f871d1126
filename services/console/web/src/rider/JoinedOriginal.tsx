import { Card, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OriginalMatter } from '../api/views';
import { formatTime } from '../shared/format';
import { STATUS_COLOUR } from './status';
import { HistoryTimeline } from './HistoryTimeline';

/** A duplicate's reporter follows the matter theirs was joined to: its tracking number, its status, its progress. */
export function JoinedOriginal({ original }: { original: OriginalMatter }) {
  const { t, i18n } = useTranslation();
  const title = t('rider.matters.joined', { trackingNo: original.trackingNo });
  return (
    <Card size="small" role="region" aria-label={title} title={<Typography.Text strong>{title}</Typography.Text>}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('rider.matters.joinedHint', { time: formatTime(original.joinedAt, i18n.language) })}</Typography.Text>
        <Space wrap>
          <Typography.Text>{t('rider.matters.originalStatus')}</Typography.Text>
          <Tag color={STATUS_COLOUR[original.status] ?? 'processing'}>{t(`status.${original.status}`, { defaultValue: original.status })}</Tag>
        </Space>
        <Typography.Text strong>{t('rider.matters.originalTimeline')}</Typography.Text>
        <HistoryTimeline history={original.history} />
      </Space>
    </Card>
  );
}
