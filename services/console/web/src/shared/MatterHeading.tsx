import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Matter } from '../api/views';
import { formatTime } from './format';

/** The head of a matter's detail for the staff who hold it: tracking number, category, when it came, what the reporter wrote. */
export function MatterHeading({ matter }: { matter: Pick<Matter, 'trackingNo' | 'category' | 'submittedAt' | 'description'> }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <Space wrap>
        <Tag>{matter.trackingNo}</Tag>
        <Tag>{t(`category.${matter.category}`, { defaultValue: matter.category })}</Tag>
        <Typography.Text type="secondary">{formatTime(matter.submittedAt, i18n.language)}</Typography.Text>
      </Space>
      <Typography.Paragraph>{matter.description}</Typography.Paragraph>
    </>
  );
}
