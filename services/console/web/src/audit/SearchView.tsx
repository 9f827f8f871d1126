import { useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Empty, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, audit } from '../api/clients';
import type { operations } from '../api/audit';
import type { AuditGrievance } from '../api/views';
import { ErrorText } from '../shared/ErrorText';
import { formatTime } from '../shared/format';

const KINDS = ['hazard', 'appeal', 'suggestion'] as const;
const STATUSES = ['submitted', 'routed', 'dispatched', 'accepted', 'verified', 'in_progress', 'resolved', 'closed', 'rejected'] as const;
const LEVELS = ['member', 'branch', 'industry_committee', 'two_new_committee'] as const;
const PAGE_SIZE = 20;

/** The search's query, as audit's OpenAPI document describes it. */
type GrievancesQuery = NonNullable<operations['MattersController_search']['parameters']['query']>;

type Filters = Pick<GrievancesQuery, 'trackingNo' | 'kind' | 'status' | 'level' | 'category' | 'district' | 'department'> & {
  from?: string;
  to?: string;
  breached?: boolean;
  supervised?: boolean;
};

/** The query the API takes for the filters the auditor set (empty ones left out). */
export function searchQuery(f: Filters): GrievancesQuery {
  const query: GrievancesQuery = {};
  const trackingNo = f.trackingNo?.trim().toUpperCase();
  if (trackingNo) query.trackingNo = trackingNo;
  if (f.kind) query.kind = f.kind;
  if (f.status) query.status = f.status;
  if (f.level) query.level = f.level;
  for (const key of ['category', 'district', 'department'] as const) {
    const value = f[key]?.trim();
    if (value) query[key] = value;
  }
  // Days are whole days in Beijing time; the API's `to` is exclusive, so the day after.
  if (f.from) query.from = `${f.from}T00:00:00+08:00`;
  if (f.to) query.to = new Date(Date.parse(`${f.to}T00:00:00+08:00`) + 86_400_000).toISOString();
  if (f.breached) query.breached = 'true';
  if (f.supervised) query.supervised = 'true';
  return query;
}

/** Every grievance, found by its filters, a page at a time; a row opens the grievance's trace. */
export function SearchView({ onOpen }: { onOpen: (grievanceId: string) => void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Filters>();
  const [query, setQuery] = useState<GrievancesQuery>({});
  // The cursors of the pages before this one, to go back.
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);
  const page = useQuery({
    queryKey: ['grievances', query, cursor],
    queryFn: () => answer(audit.GET('/v1/matters', { params: { query: { ...query, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } } })),
  });
  const csv = `/api/audit/v1/matters?${new URLSearchParams({ ...query, limit: '1000', format: 'csv' } satisfies Record<string, string>).toString()}`;
  const options = (values: readonly string[], prefix: string) => values.map((v) => ({ value: v, label: t(`${prefix}.${v}`, { defaultValue: v }) }));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Form
        form={form}
        layout="inline"
        noValidate
        onFinish={(f) => {
          setQuery(searchQuery(f));
          setCursors([]);
        }}
        style={{ rowGap: 8 }}
      >
        <Form.Item name="trackingNo" label={t('audit.filter.trackingNo')}>
          <Input placeholder="NC-20261203-000042" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="kind" label={t('audit.filter.kind')}>
          <Select allowClear options={options(KINDS, 'kind')} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="status" label={t('audit.filter.status')}>
          <Select allowClear options={options(STATUSES, 'status')} style={{ width: 150 }} />
        </Form.Item>
        <Form.Item name="level" label={t('audit.filter.level')}>
          <Select allowClear options={options(LEVELS, 'role')} style={{ width: 150 }} />
        </Form.Item>
        <Form.Item name="category" label={t('audit.filter.category')}>
          <Input style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="district" label={t('audit.filter.district')}>
          <Input style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="department" label={t('audit.filter.department')}>
          <Input style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="from" label={t('audit.filter.from')}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="to" label={t('audit.filter.to')}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="breached" valuePropName="checked">
          <Checkbox>{t('audit.filter.breached')}</Checkbox>
        </Form.Item>
        <Form.Item name="supervised" valuePropName="checked">
          <Checkbox>{t('audit.filter.supervised')}</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit">{t('audit.filter.search')}</Button>
        <Button href={csv}>{t('department.exportCsv')}</Button>
      </Form>
      <ErrorText error={page.error} />
      <Table<AuditGrievance>
        rowKey="grievanceId"
        loading={page.isPending}
        dataSource={page.data?.items ?? []}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: <Empty description={t('audit.filter.none')} /> }}
        columns={[
          { title: t('audit.filter.trackingNo'), dataIndex: 'trackingNo', render: (no: string | null, m) => <Button type="link" onClick={() => onOpen(m.grievanceId)} aria-label={t('audit.openTrace', { ref: no ?? m.grievanceId })}>{no ?? m.grievanceId.slice(0, 8)}</Button> },
          { title: t('audit.filter.kind'), dataIndex: 'kind', render: (k: string | null) => (k ? t(`kind.${k}`, { defaultValue: k }) : '—') },
          { title: t('audit.filter.category'), dataIndex: 'category', render: (c: string | null) => (c ? t(`category.${c}`, { defaultValue: c }) : '—') },
          { title: t('audit.filter.status'), dataIndex: 'status', render: (s: string) => t(`status.${s}`, { defaultValue: s }) },
          { title: t('audit.holder'), key: 'holder', render: (_v, m) => (m.holder ? (m.holder.name ?? m.holder.id) : '—') },
          { title: t('audit.submittedAt'), dataIndex: 'submittedAt', render: (at: string) => formatTime(at, i18n.language) },
          {
            title: t('audit.flags'),
            key: 'flags',
            render: (_v, m) => (
              <>
                {m.breaches > 0 && <Tag color="red">{t('audit.breachCount', { count: m.breaches })}</Tag>}
                {m.underSupervision && <Tag color="volcano">{t('audit.filter.supervised')}</Tag>}
              </>
            ),
          },
        ]}
      />
      <Space>
        <Button disabled={cursors.length === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>{t('audit.previousPage')}</Button>
        <Button disabled={!page.data?.nextCursor} onClick={() => page.data?.nextCursor && setCursors((c) => [...c, page.data.nextCursor!])}>{t('audit.nextPage')}</Button>
      </Space>
    </Space>
  );
}
