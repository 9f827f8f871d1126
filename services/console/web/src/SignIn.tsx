import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Collapse, Input, List, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Persona, Session } from './api/views';
import { apiErrorOf } from './shared/errors';
import { consoleFetch } from './shared/http';

const GROUPS = ['worker', 'grid_worker', 'department', 'station_staff', 'member', 'branch', 'industry_committee', 'two_new_committee', 'auditor', 'admin'] as const;

export default function SignIn({ expired, onSignedIn }: { expired: boolean; onSignedIn: (session: Session) => void }) {
  const { t } = useTranslation();
  const config = useQuery({ queryKey: ['config'], queryFn: async () => (await (await fetch('/api/config')).json()) as { authMode: string } });
  const development = config.data?.authMode === 'development';
  const personas = useQuery({
    queryKey: ['personas'],
    enabled: development,
    queryFn: async () => {
      const response = await fetch('/api/dev/personas');
      if (!response.ok) throw await apiErrorOf(response);
      return (await response.json()) as Persona[];
    },
  });
  const [filter, setFilter] = useState('');
  const [failed, setFailed] = useState(false);
  const [openGroups, setOpenGroups] = useState<string[]>(['worker', 'grid_worker', 'department']);
  const grouped = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const list = (personas.data ?? []).filter((p) => !needle || p.name.toLowerCase().includes(needle) || p.id.includes(needle));
    return GROUPS.map((group) => ({ group, people: list.filter((p) => p.group === group) })).filter((g) => g.people.length > 0);
  }, [personas.data, filter]);

  const signIn = async (persona: Persona) => {
    setFailed(false);
    const response = await consoleFetch(new Request('/api/dev/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ personaId: persona.id }) }));
    if (!response.ok) return setFailed(true);
    onSignedIn((await response.json()) as Session);
  };

  return (
    <Card>
      <Typography.Title level={2} style={{ fontSize: 20 }}>{development ? t('signIn.title') : t('signIn.production')}</Typography.Title>
      {expired && <Alert type="warning" showIcon title={t('signIn.expired')} style={{ marginBottom: 12 }} />}
      {failed && <Alert type="error" showIcon title={t('signIn.failed')} style={{ marginBottom: 12 }} />}
      {config.data && !development && (
        <Button type="primary" href={`/api/auth/login?returnTo=${encodeURIComponent(location.pathname + location.search)}`}>{t('signIn.production')}</Button>
      )}
      {development && (
        <>
          <Typography.Paragraph type="secondary">{t('signIn.hint')}</Typography.Paragraph>
          <Input.Search aria-label={t('signIn.search')} placeholder={t('signIn.search')} allowClear onChange={(e) => setFilter(e.target.value)} style={{ marginBottom: 12 }} />
          <Collapse
            // While searching, every group with a match is open.
            activeKey={filter.trim() ? grouped.map((g) => g.group) : openGroups}
            onChange={(keys) => setOpenGroups(keys as string[])}
            items={grouped.map(({ group, people }) => ({
              key: group,
              label: `${t(`signIn.group.${group}`)} (${people.length})`,
              children: (
                <List
                  size="small"
                  dataSource={people}
                  renderItem={(p) => (
                    <List.Item actions={[<Button key="go" size="small" type="primary" aria-label={`${t('signIn.signIn')} ${p.name}`} onClick={() => void signIn(p)}>{t('signIn.signIn')}</Button>]}>
                      <Typography.Text>{p.name}</Typography.Text>
                    </List.Item>
                  )}
                />
              ),
            }))}
          />
        </>
      )}
    </Card>
  );
}
