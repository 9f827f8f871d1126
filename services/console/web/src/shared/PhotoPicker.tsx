import { Button, Form, Progress, Space, Typography } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadPhoto } from '../api/clients';
import { ApiError } from './errors';
import { validatePhoto } from './validation';

/** Photos from the camera or the gallery, each uploaded at once with its progress; the form gets their ids. */
export function PhotoPicker({ label, value, onChange }: { label: string; value: string[]; onChange: (ids: string[]) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [percent, setPercent] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const choose = async (files: FileList | null) => {
    setProblem(null);
    for (const file of Array.from(files ?? [])) {
      const bad = validatePhoto(file);
      if (bad) return setProblem(t(bad.key));
      setPercent(0);
      try {
        const { id: attachmentId } = await uploadPhoto(file, setPercent);
        value = [...value, attachmentId];
        onChange(value);
      } catch (error) {
        setProblem(error instanceof ApiError && error.messages.length ? error.messages.join('; ') : t('errors.network'));
      } finally {
        setPercent(null);
      }
    }
  };

  return (
    <Form.Item label={<label htmlFor={id}>{label}</label>} help={problem ?? t('rider.report.photoHint')} validateStatus={problem ? 'error' : undefined}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <input id={id} type="file" accept="image/jpeg,image/png,image/webp" capture="environment" multiple onChange={(e) => void choose(e.target.files)} />
        {percent !== null && <Progress percent={percent} size="small" aria-label={t('rider.report.uploading', { percent })} />}
        {value.length > 0 && (
          <Space wrap>
            <Typography.Text type="success">{t('rider.report.uploaded', { count: value.length })}</Typography.Text>
            <Button size="small" onClick={() => onChange([])}>{t('rider.report.removePhoto')}</Button>
          </Space>
        )}
      </Space>
    </Form.Item>
  );
}
