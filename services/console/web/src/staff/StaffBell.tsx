import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Drawer, Empty, List, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, feedback } from '../api/clients';
import { ErrorText } from '../shared/ErrorText';
import { formatTime } from '../shared/format';

const STREAM_URL = '/api/feedback/v1/staff-notifications/stream';
const KEY = ['staff-notifications'];

/** The holder's notifications (员工提醒), fetched again whenever the server says a new one came (no reload, no polling). */
function useStaffNotifications() {
  const queryClient = useQueryClient();
  useEffect(() => {
    const source = new EventSource(STREAM_URL);
    // Anything that came while the stream was down; the list is read in the console's language.
    source.onopen = () => void queryClient.invalidateQueries({ queryKey: KEY });
    source.addEventListener('notification', () => void queryClient.invalidateQueries({ queryKey: KEY }));
    return () => source.close();
  }, [queryClient]);
  return useQuery({ queryKey: KEY, queryFn: () => answer(feedback.GET('/v1/staff-notifications', { params: { query: { limit: 30 } } })) });
}

/** The header's bell for the staff roles (grid worker, department, the rungs of the chain): the unread count, live, and the list. */
export default function StaffBell() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const notifications = useStaffNotifications();
  const unread = notifications.data?.unread ?? 0;
  const newest = notifications.data?.items[0];
  const markRead = useMutation({
    mutationFn: (upTo: string) => answer(feedback.POST('/v1/staff-notifications/read', { body: { upTo } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: KEY }),
  });
  return (
    <>
      <Badge count={unread} size="small" overflowCount={99}>
        <Button size="small" aria-label={t('bell.label', { count: unread })} onClick={() => setOpen(true)}>
          {t('bell.title')}
        </Button>
      </Badge>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title={t('bell.title')}
        size="default"
        extra={
          <Button size="small" disabled={!newest || unread === 0} loading={markRead.isPending} onClick={() => newest && markRead.mutate(newest.id)}>
            {t('bell.markRead')}
          </Button>
        }
      >
        {notifications.isError && <ErrorText error={notifications.error} />}
        {markRead.isError && <ErrorText error={markRead.error} />}
        <List
          aria-label={t('bell.title')}
          loading={notifications.isPending}
          locale={{ emptyText: <Empty description={t('bell.empty')} /> }}
          dataSource={notifications.data?.items ?? []}
          renderItem={(item) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <Typography.Text strong={!item.read}>
                    {item.read ? '' : `${t('bell.unread')} · `}
                    {item.message}
                  </Typography.Text>
                }
                description={formatTime(item.occurredAt, i18n.language)}
              />
            </List.Item>
          )}
        />
      </Drawer>
    </>
  );
}
