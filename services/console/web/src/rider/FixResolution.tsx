import { Card, Image, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Resolution } from '../api/views';
import { formatTime } from '../shared/format';
import { usePhoto } from '../shared/hooks';
import { intakeDownload } from '../shared/timeline';

/** What the department says it did, and its photos of the fix as thumbnails that open larger. */
export function FixResolution({ resolution }: { resolution: Resolution }) {
  const { t, i18n } = useTranslation();
  return (
    <Card size="small" role="region" aria-label={t('rider.grievances.resolution')} title={<Typography.Text strong>{t('rider.grievances.resolution')}</Typography.Text>}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ margin: 0 }}>{resolution.resolution}</Typography.Paragraph>
        <Typography.Text type="secondary">{t('rider.grievances.resolvedBy', { holder: resolution.resolvedBy.name, time: formatTime(resolution.resolvedAt, i18n.language) })}</Typography.Text>
        {resolution.attachments.length > 0 && (
          <>
            <Typography.Text strong>{t('rider.grievances.fixPhotos')}</Typography.Text>
            <Image.PreviewGroup>
              <Space wrap size={8}>
                {resolution.attachments.map((a, index) => (
                  <FixPhoto key={a.id} url={a.url} alt={t('rider.grievances.fixPhoto', { n: index + 1 })} />
                ))}
              </Space>
            </Image.PreviewGroup>
          </>
        )}
      </Space>
    </Card>
  );
}

function FixPhoto({ url, alt }: { url: string; alt: string }) {
  const { t } = useTranslation();
  const photo = usePhoto(intakeDownload(url));
  if (photo.failed) return <Typography.Text type="danger">{t('rider.grievances.photoFailed')}</Typography.Text>;
  // A square placeholder keeps the row still while the photo comes.
  if (!photo.src) return <div style={{ width: 96, height: 96, background: '#f5f5f5', borderRadius: 4 }} aria-busy="true" aria-label={alt} />;
  return <Image src={photo.src} alt={alt} width={96} height={96} style={{ objectFit: 'cover', borderRadius: 4 }} />;
}
