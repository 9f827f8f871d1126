import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Card, Empty, Spin, Table, Tabs, Typography } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, routing } from '../api/clients';
import type { Grid } from '../api/views';
import { addAdminCatalogue } from '../i18n/admin';
import { ErrorText } from '../shared/ErrorText';
import { formatTime } from '../shared/format';
import { useConfig } from '../shared/hooks';
import { EntryTable } from './EntryTable';
import { areas, calendars, categoryRoutes, chainUnits, departments, fallbackOwners, gridWorkers, grids, type Lookups, policies, type SettingsChange, stations } from './kinds';

const MapView = lazy(() => import('../shared/MapView'));
addAdminCatalogue();

/** A list's entries, typed by routing's OpenAPI document. */
const items = <T,>(call: Promise<{ data?: { items: T[] }; error?: unknown; response: Response }>) => answer(call).then((a) => a.items);

/** Everything the admin's screens read, each list on its own (a failing one leaves the others working). */
function useLookups() {
  const queryClient = useQueryClient();
  const lists = {
    departments: useQuery({ queryKey: ['admin', 'departments'], queryFn: () => items(routing.GET('/v1/directory/departments')) }),
    units: useQuery({ queryKey: ['admin', 'org-units'], queryFn: () => items(routing.GET('/v1/directory/org-units')) }),
    gridWorkers: useQuery({ queryKey: ['admin', 'grid-workers'], queryFn: () => items(routing.GET('/v1/directory/grid-workers')) }),
    stations: useQuery({ queryKey: ['admin', 'stations'], queryFn: () => items(routing.GET('/v1/directory/stations')) }),
    routes: useQuery({ queryKey: ['admin', 'category-routes'], queryFn: () => items(routing.GET('/v1/directory/category-routes')) }),
    fallbacks: useQuery({ queryKey: ['admin', 'fallback-owners'], queryFn: () => items(routing.GET('/v1/directory/fallback-owners')) }),
    categories: useQuery({ queryKey: ['admin', 'categories'], queryFn: () => items(routing.GET('/v1/directory/categories')) }),
    policies: useQuery({ queryKey: ['admin', 'policies'], queryFn: () => items(routing.GET('/v1/sla/policies')) }),
    calendars: useQuery({ queryKey: ['admin', 'calendars'], queryFn: () => items(routing.GET('/v1/sla/calendars')) }),
  };
  const of = <T,>(q: { data?: T[] }) => q.data ?? [];
  const { departments, units, gridWorkers, stations, routes, fallbacks, categories, policies, calendars } = lists;
  const lookups: Lookups = {
    departments: of(departments),
    units: of(units),
    gridWorkers: of(gridWorkers),
    stations: of(stations),
    routes: of(routes),
    fallbacks: of(fallbacks),
    categories: of(categories),
    policies: of(policies),
    calendars: of(calendars),
  };
  return {
    lookups,
    pending: new Set(Object.entries(lists).flatMap(([name, q]) => (q.isPending ? [name as keyof Lookups] : []))),
    error: Object.values(lists).find((q) => q.error)?.error,
    reload: () => queryClient.refetchQueries({ queryKey: ['admin'] }),
  };
}

/** The admin (desktop): the directory with its grids on a map, and the SLA policies and calendars; every entry versioned. */
export default function AdminApp() {
  const { t } = useTranslation();
  const { lookups, pending, error, reload } = useLookups();
  const config = useConfig();
  const mapGrids = useMemo<Pick<Grid, 'id' | 'name' | 'polygon'>[]>(() => lookups.units.filter((u) => u.level === 'grid' && !u.retired && u.polygon).map((u) => ({ id: u.id, name: u.name, polygon: u.polygon! })), [lookups.units]);
  const table = { lookups, pending, reload };
  return (
    <Card title={<Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>{t('admin.title')}</Typography.Title>}>
      <ErrorText error={error} />
      <Tabs
        items={[
          {
            key: 'directory',
            label: t('admin.directory'),
            children: (
              <>
                <Suspense fallback={<Spin aria-label={t('app.loading')} />}>
                  <MapView label={t('admin.map')} grids={mapGrids} tileUrl={config.data?.tileUrl} height={320} />
                </Suspense>
                <Tabs
                  items={[
                    { key: 'grids', label: t('admin.kinds.grids'), children: <EntryTable kind={grids} {...table} /> },
                    { key: 'gridWorkers', label: t('admin.kinds.gridWorkers'), children: <EntryTable kind={gridWorkers} {...table} /> },
                    { key: 'areas', label: t('admin.kinds.areas'), children: <EntryTable kind={areas} {...table} /> },
                    { key: 'stations', label: t('admin.kinds.stations'), children: <EntryTable kind={stations} {...table} /> },
                    { key: 'departments', label: t('admin.kinds.departments'), children: <EntryTable kind={departments} {...table} /> },
                    { key: 'categoryRoutes', label: t('admin.kinds.categoryRoutes'), children: <EntryTable kind={categoryRoutes} {...table} /> },
                    { key: 'fallbackOwners', label: t('admin.kinds.fallbackOwners'), children: <EntryTable kind={fallbackOwners} {...table} /> },
                    { key: 'chainUnits', label: t('admin.kinds.chainUnits'), children: <EntryTable kind={chainUnits} {...table} /> },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'sla',
            label: t('admin.sla'),
            children: (
              <Tabs
                items={[
                  { key: 'policies', label: t('admin.kinds.policies'), children: <EntryTable kind={policies} {...table} /> },
                  { key: 'calendars', label: t('admin.kinds.calendars'), children: <EntryTable kind={calendars} {...table} /> },
                  { key: 'history', label: t('admin.kinds.history'), children: <SlaHistory /> },
                ]}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}

/** Who changed which policy or calendar, when (Asia/Shanghai) and why. */
function SlaHistory() {
  const { t, i18n } = useTranslation();
  const history = useQuery({ queryKey: ['admin', 'sla-history'], queryFn: () => items(routing.GET('/v1/sla/history', { params: { query: { limit: 100 } } })) });
  return (
    <>
      <ErrorText error={history.error} />
      <Table<SettingsChange>
        rowKey={(c) => `${c.kind}:${c.id}:${c.version}`}
        loading={history.isPending}
        dataSource={history.data ?? []}
        size="small"
        scroll={{ x: true }}
        locale={{ emptyText: <Empty description={t('admin.empty')} /> }}
        columns={[
          { title: t('admin.column.changedAt'), dataIndex: 'changedAt', render: (at: string) => formatTime(at, i18n.language) },
          { title: t('admin.field.id'), key: 'id', render: (_v, c) => `${t(`admin.kinds.${c.kind === 'policy' ? 'policies' : 'calendars'}`)} · ${c.id}` },
          { title: t('admin.column.change'), dataIndex: 'action', render: (a: string) => t(`admin.changeAction.${a}`, { defaultValue: a }) },
          { title: t('admin.column.version'), dataIndex: 'version' },
          { title: t('admin.column.actor'), dataIndex: 'actor' },
          { title: t('admin.field.reason'), dataIndex: 'reason' },
        ]}
      />
    </>
  );
}
