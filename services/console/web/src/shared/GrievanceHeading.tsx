import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Grievance } from '../api/views';
import { formatTime } from './format';

/** The head of a grievance's detail for the staff who hold it: tracking number, category, when it came, what the reporter wrote. */
export function GrievanceHeading({ grievance }: { grievance: Pick<Grievance, 'trackingNo' | 'category' | 'submittedAt' | 'description'> }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <Space wrap>
        <Tag>{grievance.trackingNo}</Tag>
        <Tag>{t(`category.${grievance.category}`, { defaultValue: grievance.category })}</Tag>
        <Typography.Text type="secondary">{formatTime(grievance.submittedAt, i18n.language)}</Typography.Text>
      </Space>
      <Typography.Paragraph>{grievance.description}</Typography.Paragraph>
    </>
  );
}
