import { useQuery } from '@tanstack/react-query';
import { Button, Empty, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { answer, audit } from '../api/clients';
import { ErrorText } from '../shared/ErrorText';
import { formatDuration, formatTime } from '../shared/format';

/** Every SLA breach, newest first, with its holder and budget; CSV from the API. */
export function BreachesView() {
  const { t, i18n } = useTranslation();
  const breaches = useQuery({ queryKey: ['breaches'], queryFn: () => answer(audit.GET('/v1/breaches')) });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button href="/api/audit/v1/breaches?format=csv" style={{ alignSelf: 'flex-start' }}>{t('department.exportCsv')}</Button>
      <ErrorText error={breaches.error} />
      <Table
        rowKey="eventId"
        loading={breaches.isPending}
        dataSource={breaches.data?.items ?? []}
        scroll={{ x: true }}
        locale={{ emptyText: <Empty description={t('department.empty')} /> }}
        columns={[
          { title: t('audit.grievanceId'), dataIndex: 'grievanceId', render: (id: string) => <Typography.Text copyable>{id}</Typography.Text> },
          { title: t('department.deadline'), dataIndex: 'target', render: (target: string) => t(`deadline.target.${target}`, { defaultValue: target }) },
          { title: t('audit.holder'), key: 'holder', render: (_v, b) => b.holder.name ?? b.holder.id },
          { title: t('audit.budget'), dataIndex: 'budgetMs', render: (ms: number) => formatDuration(ms, i18n.language) },
          { title: t('audit.firedAt'), dataIndex: 'firedAt', render: (at: string) => formatTime(at, i18n.language) },
        ]}
      />
    </Space>
  );
}
