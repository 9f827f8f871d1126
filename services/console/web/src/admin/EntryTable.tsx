import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Drawer, Form, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../shared/ErrorText';
import { clearOnChange, showProblems } from '../shared/forms';
import { saveProblems, type SaveProblems } from './entries';
import type { EntryKind, Lookups } from './kinds';

interface Props<E, B> {
  kind: EntryKind<E, B>;
  lookups: Lookups;
  /** The lists still being read. */
  pending: ReadonlySet<keyof Lookups>;
  /** Reads everything again (after a save, or to see someone else's change). */
  reload: () => Promise<unknown>;
}

const versionOf = (e: unknown) => (e as { version?: number }).version;
const retiredOf = (e: unknown) => (e as { retired?: boolean }).retired === true;

/** One kind of entry: its table with versions, a drawer to create or edit one, retirement after a confirmation. */
export function EntryTable<E, B>({ kind, lookups, pending, reload }: Props<E, B>) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // The drawer: closed, a new entry, or the id of the one being edited.
  const [open, setOpen] = useState<{ id: string | null } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const rows = kind.rows(lookups);
  const wanted = search.trim().toLowerCase();
  const shown = wanted ? rows.filter((e) => [kind.id(e), kind.name(e, lookups, t)].some((s) => s.toLowerCase().includes(wanted))) : rows;
  const current = open?.id ? (rows.find((e) => kind.id(e) === open.id) ?? null) : null;
  const retire = useMutation({
    mutationFn: (e: E) => kind.retire!(e),
    onSuccess: async (_answer, e) => {
      setDone(t('admin.retired', { name: kind.name(e, lookups, t) }));
      await queryClient.invalidateQueries({ queryKey: ['admin'] });
    },
  });
  const retireProblem = retire.error ? saveProblems(retire.error, []) : null;
  const kindName = t(`admin.kinds.${kind.key}`);

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Input.Search aria-label={`${t('admin.search')} · ${kindName}`} placeholder={t('admin.search')} allowClear value={search} onChange={(e) => setSearch(e.target.value)} style={{ width: 280 }} />
        <Button type="primary" onClick={() => setOpen({ id: null })}>{`${t('admin.new')} · ${kindName}`}</Button>
      </Space>
      {done && <Alert type="success" showIcon title={done} closable onClose={() => setDone(null)} />}
      {retireProblem?.stale && <StaleAlert reload={() => void reload().then(() => retire.reset())} />}
      <ErrorText error={retireProblem?.top} />
      <Table<E>
        rowKey={(e) => kind.id(e)}
        loading={pending.has(kind.source)}
        dataSource={shown}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: true }}
        size="small"
        locale={{ emptyText: t('admin.empty') }}
        columns={[
          { title: t('admin.field.name'), key: 'name', render: (_v, e) => kind.name(e, lookups, t) },
          ...kind.columns.map((c) => ({ title: t(`admin.field.${c.label}`), key: c.label, render: (_v: unknown, e: E) => <Typography.Text style={{ wordBreak: 'break-all' }}>{c.value(e, lookups, t)}</Typography.Text> })),
          { title: t('admin.column.version'), key: 'version', render: (_v, e) => versionOf(e) },
          { title: t('admin.column.status'), key: 'status', render: (_v, e) => (retiredOf(e) ? <Tag>{t('admin.column.retiredTag')}</Tag> : <Tag color="green">{t('admin.column.live')}</Tag>) },
          {
            title: t('admin.column.actions'),
            key: 'actions',
            render: (_v, e) => {
              const name = kind.name(e, lookups, t);
              return retiredOf(e) ? null : (
                <Space size="small">
                  <Button size="small" aria-label={`${t('admin.edit')} ${name}`} onClick={() => setOpen({ id: kind.id(e) })}>{t('admin.edit')}</Button>
                  {kind.retire && (
                    <Popconfirm title={t('admin.retireConfirm', { name })} okText={t('admin.retire')} onConfirm={() => retire.mutate(e)}>
                      <Button size="small" danger aria-label={`${t('admin.retire')} ${name}`} loading={retire.isPending && retire.variables === e}>{t('admin.retire')}</Button>
                    </Popconfirm>
                  )}
                </Space>
              );
            },
          },
        ]}
      />
      <Drawer
        open={open !== null}
        onClose={() => setOpen(null)}
        size="large"
        destroyOnHidden
        title={open?.id && current ? t('admin.editTitle', { kind: kindName, name: kind.name(current, lookups, t) }) : t('admin.newTitle', { kind: kindName })}
      >
        {open && (
          <EntryForm
            kind={kind}
            lookups={lookups}
            current={current}
            reload={reload}
            onSaved={async (version) => {
              setOpen(null);
              setDone(t('admin.saved', { version: version ?? '' }));
              await queryClient.invalidateQueries({ queryKey: ['admin'] });
            }}
          />
        )}
      </Drawer>
    </Space>
  );
}

function StaleAlert({ reload }: { reload: () => void }) {
  const { t } = useTranslation();
  return <Alert type="warning" showIcon role="alert" title={t('admin.stale')} action={<Button onClick={reload}>{t('admin.reload')}</Button>} />;
}

interface FormProps<E, B> {
  kind: EntryKind<E, B>;
  lookups: Lookups;
  /** The entry as last read (null: a new one). */
  current: E | null;
  reload: () => Promise<unknown>;
  onSaved: (version: number | undefined) => Promise<void>;
}

function EntryForm<E, B>({ kind, lookups, current, reload, onSaved }: FormProps<E, B>) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  // The version this edit started from: the one the save says it expects (a stale one: 409).
  const [base, setBase] = useState<E | null>(current);
  const [reloading, setReloading] = useState(false);
  const [problems, setProblems] = useState<SaveProblems | null>(null);
  const fields = kind.fields;
  const names = fields.map((f) => f.name);
  const save = useMutation({
    mutationFn: (body: B) => kind.send(body, base),
    onSuccess: (answer) => onSaved(versionOf(answer ?? {})),
    onError: (error) => {
      const found = saveProblems(error, fields);
      form.setFields(names.map((name) => ({ name, errors: found.byField[name] ?? [] })));
      setProblems(found);
    },
  });

  // After a reload the form shows the entry as it is now, and the next save expects that version.
  useEffect(() => {
    if (!reloading) return;
    setReloading(false);
    setBase(current);
    setProblems(null);
    form.resetFields();
    form.setFieldsValue(kind.values(current));
  }, [reloading, current, form, kind]);

  return (
    <Form
      form={form}
      layout="vertical"
      noValidate
      aria-label={t(`admin.kinds.${kind.key}`)}
      initialValues={kind.values(current)}
      onValuesChange={clearOnChange(form)}
      onFinish={(values: Record<string, unknown>) => {
        setProblems(null);
        const built = kind.body(values, (key) => t(`admin.field.${key}`));
        if ('problems' in built) showProblems(form, built.problems, t, names);
        else save.mutate(built.body);
      }}
    >
      {problems?.stale && (
        <StaleAlert
          reload={() => {
            void reload().then(() => setReloading(true));
          }}
        />
      )}
      <ErrorText error={problems?.top} />
      {fields.map((f) => {
        const options = f.options?.(lookups, t) ?? [];
        const fixed = f.fixed && base !== null;
        const label = t(`admin.field.${f.label}`);
        return (
          <Form.Item key={f.name} name={f.name} label={label} extra={f.hint ? t(`admin.hint.${f.hint}`) : undefined}>
            {f.input === 'select' || f.input === 'multi' ? (
              <Select aria-label={label} options={options} mode={f.input === 'multi' ? 'multiple' : undefined} allowClear={f.optional} disabled={fixed} showSearch={{ optionFilterProp: 'label' }} />
            ) : f.input === 'textarea' || f.input === 'json' ? (
              <Input.TextArea rows={f.input === 'json' ? 5 : 3} spellCheck={false} style={f.input === 'json' ? { fontFamily: 'monospace' } : undefined} />
            ) : (
              <Input disabled={fixed} inputMode={f.input === 'number' ? 'decimal' : undefined} />
            )}
          </Form.Item>
        );
      })}
      <Button type="primary" htmlType="submit" loading={save.isPending}>{t('admin.save')}</Button>
    </Form>
  );
}
