import { DomainError, type SlaPolicyChangedV1 } from '@grievance/contracts';
import { OutboxTransaction } from '@grievance/messaging';
import { DataSource, EntityManager } from 'typeorm';
import { calendarInvalid, calendarProblems, CalendarSpec } from '../calendar/calendar';
import { DEFAULT_SLA_CALENDARS } from '../calendar/default-calendars';
import { afterCommit } from '../engine/after-commit';
import { policyInvalid, policyProblems, SlaPolicy, VersionedPolicy } from '../policy/policy';
import { DEFAULT_SLA_POLICIES } from '../policy/default-policies';
import { buildSettings, SlaSettings, SlaSettingsSource, VersionedCalendar } from './settings';

export type SettingsKind = 'policy' | 'calendar';

/** Who changes a setting, why, and (optionally) which version they edited: a stale edit is a conflict. */
export interface ChangeMeta {
  actor: string;
  reason?: string;
  expectedVersion?: number;
}

/** One change to the policies or calendars, as recorded in sla_settings_history. */
export interface SettingsChange {
  kind: SettingsKind;
  id: string;
  action: 'seed' | 'put' | 'retire';
  version: number;
  before: SlaPolicy | CalendarSpec | null;
  after: SlaPolicy | CalendarSpec | null;
  actor: string;
  reason: string | null;
  changedAt: Date;
}

/** A change that another service's store made and published (sla.policy-changed.v1). */
export interface ReplicatedChange {
  kind: SettingsKind;
  id: string;
  action: 'put' | 'retire';
  version: number;
  after?: SlaPolicy | CalendarSpec | Record<string, unknown> | null;
  actor: string;
  reason?: string | null;
}

export interface SlaSettingsStoreOptions {
  /** What a new database is seeded with. Default: DEFAULT_SLA_POLICIES and DEFAULT_SLA_CALENDARS. */
  defaults?: { policies: readonly SlaPolicy[]; calendars: readonly CalendarSpec[] };
  /** How long a snapshot is reused before the tables are read again. Default 2 s. */
  cacheMs?: number;
  /**
   * Called inside the transaction of each change, so the change can be published as an
   * event with it (`policyChangedPayload` builds sla.policy-changed.v1).
   */
  onChanged?: (change: SettingsChange, tx: OutboxTransaction) => Promise<void>;
}

interface ItemRow {
  id: string;
  version: number;
  body: SlaPolicy | CalendarSpec;
}

const TABLE: Record<SettingsKind, string> = { policy: 'sla_policies', calendar: 'sla_calendars' };
const SEED_LOCK = 'grievance:sla:settings-seed';

/**
 * SLA policies and calendars as data in the service's database, with every change kept
 * in sla_settings_history. A change applies to deadlines started after it: a running
 * deadline keeps the budget, warning share and calendar id it started with (calendar data
 * such as next year's holidays is read when a deadline is next planned: start, resume, hand-over).
 * Admin endpoints of a service call `putPolicy`, `retirePolicy`, `putCalendar`, `history`.
 */
export class SlaSettingsStore implements SlaSettingsSource {
  private cached?: { at: number; settings: SlaSettings };
  private readonly cacheMs: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: SlaSettingsStoreOptions = {},
  ) {
    this.cacheMs = options.cacheMs ?? 2000;
  }

  /** The policies and calendars in force (a snapshot reused for up to `cacheMs`). */
  async current(manager?: EntityManager): Promise<SlaSettings> {
    if (this.cached && Date.now() - this.cached.at < this.cacheMs) return this.cached.settings;
    const m = manager ?? this.dataSource.manager;
    // One after another: a transaction's manager holds one connection, which runs one query at a time.
    const policies = await this.read(m, 'policy');
    const calendars = await this.read(m, 'calendar');
    const settings = buildSettings(policies as VersionedPolicy[], calendars as VersionedCalendar[]);
    this.cached = { at: Date.now(), settings };
    return settings;
  }

  invalidate(): void {
    this.cached = undefined;
  }

  /** Seeds the defaults into a database that never had settings. Returns whether it did. */
  async seedDefaults(): Promise<boolean> {
    const defaults = this.options.defaults ?? { policies: DEFAULT_SLA_POLICIES, calendars: DEFAULT_SLA_CALENDARS };
    const seeded = await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [SEED_LOCK]);
      const [{ n }] = (await manager.query(`SELECT count(*)::int AS n FROM sla_settings_history`)) as [{ n: number }];
      if (n > 0) return false;
      for (const calendar of defaults.calendars) await this.write(manager, 'calendar', calendar, 1, 'seed', { actor: 'system:seed' }, null);
      for (const policy of defaults.policies) await this.write(manager, 'policy', policy, 1, 'seed', { actor: 'system:seed' }, null);
      return true;
    });
    this.invalidate();
    return seeded;
  }

  async listPolicies(manager?: EntityManager): Promise<VersionedPolicy[]> {
    return (await this.read(manager ?? this.dataSource.manager, 'policy')) as VersionedPolicy[];
  }

  async listCalendars(manager?: EntityManager): Promise<VersionedCalendar[]> {
    return (await this.read(manager ?? this.dataSource.manager, 'calendar')) as VersionedCalendar[];
  }

  /** Creates or replaces a policy. Applies to deadlines started from now on. */
  async putPolicy(tx: OutboxTransaction, policy: SlaPolicy, meta: ChangeMeta): Promise<VersionedPolicy> {
    const policyErrors = policyProblems(policy);
    if (policyErrors.length) throw policyInvalid(policy, policyErrors);
    const calendars = await this.read(tx.manager, 'calendar');
    if (!calendars.some((c) => c.id === policy.calendar)) throw new DomainError('invalid', `policy ${policy.id} names calendar "${policy.calendar}", which does not exist`, undefined, { key: 'error.sla.unknownCalendar', params: { id: policy.id, calendar: policy.calendar } });
    const body = normalisePolicy(policy);
    const version = await this.put(tx, 'policy', body, meta);
    return { ...body, version };
  }

  /** Removes a policy (kept in the history). */
  async retirePolicy(tx: OutboxTransaction, id: string, meta: ChangeMeta): Promise<void> {
    const current = await this.lockItem(tx.manager, 'policy', id);
    if (!current) throw new DomainError('not_found', `SLA policy ${id} not found`, undefined, { key: 'error.sla.policyNotFound', params: { id } });
    checkVersion('policy', current, meta);
    await tx.manager.query(`DELETE FROM sla_policies WHERE id = $1`, [id]);
    await this.record(tx, 'policy', id, current.version + 1, 'retire', null, current.body, meta);
  }

  /** Creates or replaces a calendar (e.g. adds next year's holidays). Calendars are never retired: deadlines name them. */
  async putCalendar(tx: OutboxTransaction, calendar: CalendarSpec, meta: ChangeMeta): Promise<VersionedCalendar> {
    const calendarErrors = calendarProblems(calendar);
    if (calendarErrors.length) throw calendarInvalid(calendar, calendarErrors);
    const body = JSON.parse(JSON.stringify(calendar)) as CalendarSpec;
    const version = await this.put(tx, 'calendar', body, meta);
    return { ...body, version };
  }

  /**
   * Applies a change made in another service's store (sla.policy-changed.v1), so every
   * service with deadlines follows the one admin API. Idempotent and order-safe: a change
   * whose version is not newer than what this store holds changes nothing. Returns whether it applied.
   */
  async applyReplicated(tx: OutboxTransaction, change: ReplicatedChange): Promise<boolean> {
    const current = await this.lockItem(tx.manager, change.kind, change.id);
    const known = current?.version ?? (await this.lastVersion(tx.manager, change.kind, change.id));
    if (change.version <= known) return false;
    const meta: ChangeMeta = { actor: change.actor, ...(change.reason ? { reason: change.reason } : {}) };
    if (change.action === 'retire') {
      if (change.kind !== 'policy') throw new DomainError('invalid', 'calendars are never retired', undefined, { key: 'error.sla.calendarNotRetirable' });
      if (current) await tx.manager.query(`DELETE FROM sla_policies WHERE id = $1`, [change.id]);
    } else {
      if (!change.after) throw new DomainError('invalid', `a ${change.kind} change without its new body`, undefined, { key: 'error.sla.changeWithoutBody', params: { kind: change.kind } });
      const body = change.kind === 'policy' ? normalisePolicy(change.after as SlaPolicy) : (change.after as CalendarSpec);
      const problems = change.kind === 'policy' ? policyProblems(body as SlaPolicy) : calendarProblems(body as CalendarSpec);
      if (problems.length) {
        const errors = problems.map((p) => p.message);
        throw new DomainError('invalid', `${change.kind} ${change.id}: ${errors.join('; ')}`, { errors }, { key: 'error.sla.changeInvalid', params: { kind: change.kind, id: change.id, count: errors.length }, problems });
      }
      if (current) {
        await tx.manager.query(`UPDATE ${TABLE[change.kind]} SET version = $2, body = $3, updated_by = $4, updated_at = now() WHERE id = $1`, [
          change.id,
          change.version,
          JSON.stringify(body),
          meta.actor,
        ]);
      } else {
        await tx.manager.query(`INSERT INTO ${TABLE[change.kind]} (id, version, body, updated_by) VALUES ($1, $2, $3, $4)`, [change.id, change.version, JSON.stringify(body), meta.actor]);
      }
    }
    await tx.manager.query(`INSERT INTO sla_settings_history (kind, item_id, version, action, body, changed_by, reason) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
      change.kind,
      change.id,
      change.version,
      change.action,
      JSON.stringify(change.after ?? current?.body ?? null),
      meta.actor,
      meta.reason ?? null,
    ]);
    afterCommit(tx.manager, () => this.invalidate());
    return true;
  }

  /** The recorded changes, newest first. */
  async history(filter: { kind?: SettingsKind; id?: string; limit?: number } = {}): Promise<SettingsChange[]> {
    const rows = (await this.dataSource.query(
      `SELECT h.kind, h.item_id, h.action, h.version, h.body, h.changed_by, h.reason, h.changed_at,
              (SELECT CASE WHEN p.action = 'retire' THEN NULL ELSE p.body END FROM sla_settings_history p WHERE p.kind = h.kind AND p.item_id = h.item_id AND p.seq < h.seq ORDER BY p.seq DESC LIMIT 1) AS before
       FROM sla_settings_history h
       WHERE ($1::text IS NULL OR h.kind = $1) AND ($2::text IS NULL OR h.item_id = $2)
       ORDER BY h.seq DESC LIMIT $3`,
      [filter.kind ?? null, filter.id ?? null, filter.limit ?? 100],
    )) as {
      kind: SettingsKind;
      item_id: string;
      action: SettingsChange['action'];
      version: number;
      body: SlaPolicy | CalendarSpec | null;
      changed_by: string;
      reason: string | null;
      changed_at: Date;
      before: SlaPolicy | CalendarSpec | null;
    }[];
    return rows.map((r) => ({
      kind: r.kind,
      id: r.item_id,
      action: r.action,
      version: r.version,
      before: r.action === 'retire' ? r.body : r.before,
      after: r.action === 'retire' ? null : r.body,
      actor: r.changed_by,
      reason: r.reason,
      changedAt: r.changed_at,
    }));
  }

  private async put(tx: OutboxTransaction, kind: SettingsKind, body: SlaPolicy | CalendarSpec, meta: ChangeMeta): Promise<number> {
    const current = await this.lockItem(tx.manager, kind, body.id);
    if (current) checkVersion(kind, current, meta);
    else if (meta.expectedVersion !== undefined && meta.expectedVersion !== 0) {
      throw new DomainError('conflict', `SLA ${kind} ${body.id} does not exist (expected version ${meta.expectedVersion})`, undefined, {
        key: 'error.sla.missingForVersion',
        params: { kind, id: body.id, expected: meta.expectedVersion },
      });
    }
    const version = (current?.version ?? (await this.lastVersion(tx.manager, kind, body.id))) + 1;
    await this.write(tx.manager, kind, body, version, 'put', meta, current?.version ?? null);
    await this.record(tx, kind, body.id, version, 'put', body, current?.body ?? null, meta);
    return version;
  }

  private async write(
    manager: EntityManager,
    kind: SettingsKind,
    body: SlaPolicy | CalendarSpec,
    version: number,
    action: 'seed' | 'put',
    meta: ChangeMeta,
    previousVersion: number | null,
  ): Promise<void> {
    if (previousVersion === null) {
      await manager.query(`INSERT INTO ${TABLE[kind]} (id, version, body, updated_by) VALUES ($1, $2, $3, $4)`, [body.id, version, JSON.stringify(body), meta.actor]);
    } else {
      await manager.query(`UPDATE ${TABLE[kind]} SET version = $2, body = $3, updated_by = $4, updated_at = now() WHERE id = $1`, [
        body.id,
        version,
        JSON.stringify(body),
        meta.actor,
      ]);
    }
    if (action === 'seed') {
      await manager.query(`INSERT INTO sla_settings_history (kind, item_id, version, action, body, changed_by, reason) VALUES ($1, $2, $3, 'seed', $4, $5, $6)`, [
        kind,
        body.id,
        version,
        JSON.stringify(body),
        meta.actor,
        'defaults',
      ]);
    }
  }

  private async record(
    tx: OutboxTransaction,
    kind: SettingsKind,
    id: string,
    version: number,
    action: 'put' | 'retire',
    after: SlaPolicy | CalendarSpec | null,
    before: SlaPolicy | CalendarSpec | null,
    meta: ChangeMeta,
  ): Promise<void> {
    const [{ changed_at }] = (await tx.manager.query(
      `INSERT INTO sla_settings_history (kind, item_id, version, action, body, changed_by, reason) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING changed_at`,
      [kind, id, version, action, JSON.stringify(after ?? before), meta.actor, meta.reason ?? null],
    )) as [{ changed_at: Date }];
    afterCommit(tx.manager, () => this.invalidate());
    await this.options.onChanged?.({ kind, id, action, version, before, after, actor: meta.actor, reason: meta.reason ?? null, changedAt: changed_at }, tx);
  }

  private async lockItem(manager: EntityManager, kind: SettingsKind, id: string): Promise<ItemRow | undefined> {
    const rows = (await manager.query(`SELECT id, version, body FROM ${TABLE[kind]} WHERE id = $1 FOR UPDATE`, [id])) as ItemRow[];
    return rows[0];
  }

  private async lastVersion(manager: EntityManager, kind: SettingsKind, id: string): Promise<number> {
    const [{ v }] = (await manager.query(`SELECT coalesce(max(version), 0)::int AS v FROM sla_settings_history WHERE kind = $1 AND item_id = $2`, [kind, id])) as [
      { v: number },
    ];
    return v;
  }

  private async read(manager: EntityManager, kind: SettingsKind): Promise<(VersionedPolicy | VersionedCalendar)[]> {
    const rows = (await manager.query(`SELECT id, version, body FROM ${TABLE[kind]} ORDER BY id`)) as ItemRow[];
    return rows.map((r) => ({ ...r.body, id: r.id, version: r.version }) as VersionedPolicy | VersionedCalendar);
  }
}

function checkVersion(kind: SettingsKind, current: ItemRow, meta: ChangeMeta): void {
  if (meta.expectedVersion !== undefined && meta.expectedVersion !== current.version) {
    throw new DomainError('conflict', `SLA ${kind} ${current.id} is at version ${current.version}, not ${meta.expectedVersion}; reload and edit again`, {
      version: current.version,
    }, { key: 'error.sla.staleVersion', params: { kind, id: current.id, actual: current.version, expected: meta.expectedVersion } });
  }
}

/** A policy as stored: only its own fields (no version), in a stable shape. */
function normalisePolicy(policy: SlaPolicy): SlaPolicy {
  const { id, description, match, targets, warnShare, calendar, priority } = policy;
  return JSON.parse(JSON.stringify({ id, description, match, targets, warnShare, calendar, priority })) as SlaPolicy;
}

/** The sla.policy-changed.v1 payload of a change this store made (seeding is not published). */
export function policyChangedPayload(change: SettingsChange): SlaPolicyChangedV1 {
  if (change.action === 'seed') throw new DomainError('invalid', 'seeding the defaults is not a published change', undefined, { key: 'error.sla.seedNotPublished' });
  return {
    kind: change.kind,
    id: change.id,
    action: change.action,
    version: change.version,
    ...(change.after ? { after: change.after as unknown as Record<string, unknown> } : {}),
    ...(change.before ? { before: change.before as unknown as Record<string, unknown> } : {}),
    ...(change.reason ? { reason: change.reason } : {}),
  };
}
