import { Holder, Level, SlaTarget } from '@grievance/contracts';
import { EntityManager } from 'typeorm';
import { AlarmKind } from '../deadline/deadline-math';
import { DeadlineStatus, SlaDeadline } from '../deadline/deadline';
import { GrievanceFacts } from '../policy/policy';

interface DeadlineRow {
  id: string;
  grievance_id: string;
  subject: string;
  target: SlaTarget;
  holder: Holder;
  level: Level | null;
  matter: GrievanceFacts;
  chain_id: string;
  previous_id: string | null;
  policy_id: string;
  policy_version: number;
  budget_ms: string;
  warn_share: number;
  calendar_id: string;
  time_scale: number;
  correlation_id: string;
  causation_id: string | null;
  clock_started_at: Date;
  started_at: Date;
  running_since: Date | null;
  consumed_ms: string;
  paused_since: Date | null;
  paused_ms: string;
  warn_at: Date | null;
  due_at: Date | null;
  next_kind: AlarmKind | null;
  next_fire_at: Date | null;
  status: DeadlineStatus;
  warned_at: Date | null;
  breached_at: Date | null;
  closed_at: Date | null;
  version: number;
}

/** An alarm as the alarm clock needs it: which deadline, which alarm, which version, when. */
export interface PendingAlarm {
  deadlineId: string;
  kind: AlarmKind;
  version: number;
  at: number;
}

const COLUMNS = [
  'id', 'grievance_id', 'subject', 'target', 'holder', 'level', 'matter', 'chain_id', 'previous_id', 'policy_id', 'policy_version',
  'budget_ms', 'warn_share', 'calendar_id', 'time_scale', 'correlation_id', 'causation_id', 'clock_started_at', 'started_at',
  'running_since', 'consumed_ms', 'paused_since', 'paused_ms', 'warn_at', 'due_at', 'next_kind', 'next_fire_at', 'status',
  'warned_at', 'breached_at', 'closed_at', 'version',
] as const;

/** Postgres array types of each column, for multi-row inserts through unnest(). */
const ARRAY_TYPES: Record<(typeof COLUMNS)[number], string> = {
  id: 'uuid[]', grievance_id: 'uuid[]', subject: 'text[]', target: 'text[]', holder: 'jsonb[]', level: 'text[]', matter: 'jsonb[]',
  chain_id: 'uuid[]', previous_id: 'uuid[]', policy_id: 'text[]', policy_version: 'int[]', budget_ms: 'bigint[]',
  warn_share: 'float8[]', calendar_id: 'text[]', time_scale: 'float8[]', correlation_id: 'text[]', causation_id: 'text[]',
  clock_started_at: 'timestamptz[]', started_at: 'timestamptz[]', running_since: 'timestamptz[]', consumed_ms: 'bigint[]',
  paused_since: 'timestamptz[]', paused_ms: 'bigint[]', warn_at: 'timestamptz[]', due_at: 'timestamptz[]', next_kind: 'text[]',
  next_fire_at: 'timestamptz[]', status: 'text[]', warned_at: 'timestamptz[]', breached_at: 'timestamptz[]',
  closed_at: 'timestamptz[]', version: 'int[]',
};

const SELECT = `SELECT ${COLUMNS.join(', ')} FROM sla_deadlines`;

function fromRow(row: DeadlineRow): SlaDeadline {
  return {
    id: row.id,
    grievanceId: row.grievance_id,
    subject: row.subject,
    target: row.target,
    holder: row.holder,
    level: row.level,
    grievance: row.matter,
    chainId: row.chain_id,
    previousId: row.previous_id,
    policyId: row.policy_id,
    policyVersion: row.policy_version,
    budgetMs: Number(row.budget_ms),
    warnShare: row.warn_share,
    calendarId: row.calendar_id,
    timeScale: row.time_scale,
    correlationId: row.correlation_id,
    causationId: row.causation_id,
    clockStartedAt: row.clock_started_at,
    startedAt: row.started_at,
    runningSince: row.running_since,
    consumedMs: Number(row.consumed_ms),
    pausedSince: row.paused_since,
    pausedMs: Number(row.paused_ms),
    warnAt: row.warn_at,
    dueAt: row.due_at,
    nextAlarm: row.next_kind && row.next_fire_at ? { kind: row.next_kind, at: row.next_fire_at } : null,
    status: row.status,
    warnedAt: row.warned_at,
    breachedAt: row.breached_at,
    closedAt: row.closed_at,
    version: row.version,
  };
}

function toValues(d: SlaDeadline): unknown[] {
  return [
    d.id, d.grievanceId, d.subject, d.target, JSON.stringify(d.holder), d.level, JSON.stringify(d.grievance), d.chainId, d.previousId,
    d.policyId, d.policyVersion, d.budgetMs, d.warnShare, d.calendarId, d.timeScale, d.correlationId, d.causationId,
    d.clockStartedAt, d.startedAt, d.runningSince, d.consumedMs, d.pausedSince, d.pausedMs, d.warnAt, d.dueAt,
    d.nextAlarm?.kind ?? null, d.nextAlarm?.at ?? null, d.status, d.warnedAt, d.breachedAt, d.closedAt, d.version,
  ];
}

/**
 * The only code that touches sla_deadlines. Every write goes through the caller's
 * EntityManager, so it commits or rolls back with the caller's own state change.
 */
export class DeadlineRepository {
  async insert(manager: EntityManager, deadlines: readonly SlaDeadline[]): Promise<void> {
    if (deadlines.length === 0) return;
    if (deadlines.length === 1) {
      const placeholders = COLUMNS.map((_, i) => `$${i + 1}`).join(', ');
      await manager.query(`INSERT INTO sla_deadlines (${COLUMNS.join(', ')}) VALUES (${placeholders})`, toValues(deadlines[0]!));
      return;
    }
    // One statement for many rows: a parameter per column (an array), not per value.
    const columns = COLUMNS.map(() => [] as unknown[]);
    for (const d of deadlines) toValues(d).forEach((value, i) => columns[i]!.push(value));
    const unnest = COLUMNS.map((c, i) => `$${i + 1}::${ARRAY_TYPES[c]}`).join(', ');
    await manager.query(`INSERT INTO sla_deadlines (${COLUMNS.join(', ')}) SELECT * FROM unnest(${unnest})`, columns);
  }

  /** Saves the mutable part of a deadline the caller has locked. */
  async update(manager: EntityManager, d: SlaDeadline): Promise<void> {
    await manager.query(
      `UPDATE sla_deadlines SET
         running_since = $2, consumed_ms = $3, paused_since = $4, paused_ms = $5, warn_at = $6, due_at = $7,
         next_kind = $8, next_fire_at = $9, status = $10, warned_at = $11, breached_at = $12, closed_at = $13,
         version = $14, updated_at = now()
       WHERE id = $1`,
      [
        d.id, d.runningSince, d.consumedMs, d.pausedSince, d.pausedMs, d.warnAt, d.dueAt, d.nextAlarm?.kind ?? null,
        d.nextAlarm?.at ?? null, d.status, d.warnedAt, d.breachedAt, d.closedAt, d.version,
      ],
    );
  }

  /** Reads and locks a deadline for the rest of the caller's transaction. */
  async lock(manager: EntityManager, id: string): Promise<SlaDeadline | undefined> {
    const rows = (await manager.query(`${SELECT} WHERE id = $1 FOR UPDATE`, [id])) as DeadlineRow[];
    return rows[0] && fromRow(rows[0]);
  }

  async findMany(manager: EntityManager, ids: readonly string[]): Promise<SlaDeadline[]> {
    if (ids.length === 0) return [];
    const rows = (await manager.query(`${SELECT} WHERE id = ANY($1::uuid[])`, [ids])) as DeadlineRow[];
    return rows.map(fromRow);
  }

  /** Which of these deadlines exist. */
  async existingIds(manager: EntityManager, ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = (await manager.query(`SELECT id FROM sla_deadlines WHERE id = ANY($1::uuid[])`, [ids])) as { id: string }[];
    return rows.map((r) => r.id);
  }

  async find(manager: EntityManager, id: string): Promise<SlaDeadline | undefined> {
    const rows = (await manager.query(`${SELECT} WHERE id = $1`, [id])) as DeadlineRow[];
    return rows[0] && fromRow(rows[0]);
  }

  /** The open deadlines of a grievance, oldest first. */
  async findOpen(manager: EntityManager, grievanceId: string): Promise<SlaDeadline[]> {
    const rows = (await manager.query(`${SELECT} WHERE grievance_id = $1 AND status IN ('running', 'paused', 'breached') ORDER BY started_at, id`, [
      grievanceId,
    ])) as DeadlineRow[];
    return rows.map(fromRow);
  }

  /** The open deadlines of many grievances (an inbox page), oldest first. */
  async findOpenOfMany(manager: EntityManager, grievanceIds: readonly string[]): Promise<SlaDeadline[]> {
    if (grievanceIds.length === 0) return [];
    const rows = (await manager.query(
      `${SELECT} WHERE grievance_id = ANY($1::uuid[]) AND status IN ('running', 'paused', 'breached') ORDER BY started_at, id`,
      [grievanceIds],
    )) as DeadlineRow[];
    return rows.map(fromRow);
  }

  /** Every deadline of a grievance (open and closed), in the order they started. */
  async findByGrievance(manager: EntityManager, grievanceId: string): Promise<SlaDeadline[]> {
    const rows = (await manager.query(`${SELECT} WHERE grievance_id = $1 ORDER BY started_at, id`, [grievanceId])) as DeadlineRow[];
    return rows.map(fromRow);
  }

  /** The open deadline of a grievance for a subject and target, if any. */
  async findOpenFor(manager: EntityManager, grievanceId: string, subject: string, target: SlaTarget): Promise<SlaDeadline | undefined> {
    const rows = (await manager.query(
      `${SELECT} WHERE grievance_id = $1 AND subject = $2 AND target = $3 AND status IN ('running', 'paused', 'breached')`,
      [grievanceId, subject, target],
    )) as DeadlineRow[];
    return rows[0] && fromRow(rows[0]);
  }

  /** Open deadlines due before an instant (running or paused ones with a due moment, and breached ones). */
  async openDueBefore(manager: EntityManager, before: Date, limit = 500): Promise<SlaDeadline[]> {
    const rows = (await manager.query(
      `${SELECT} WHERE status IN ('running', 'paused', 'breached') AND due_at < $1 ORDER BY due_at LIMIT $2`,
      [before, limit],
    )) as DeadlineRow[];
    return rows.map(fromRow);
  }

  /**
   * Alarms ringing in (after, until], earliest first, a page at a time (keyset on
   * next_fire_at and id). `after` null means from the beginning of time (overdue included).
   */
  async alarmsBetween(
    manager: EntityManager,
    after: { at: number; id: string } | null,
    until: number,
    limit: number,
  ): Promise<PendingAlarm[]> {
    const rows = (await (after
      ? manager.query(
          `SELECT id, next_kind, version, next_fire_at FROM sla_deadlines
           WHERE next_fire_at IS NOT NULL AND (next_fire_at, id) > ($1, $2) AND next_fire_at <= $3
           ORDER BY next_fire_at, id LIMIT $4`,
          [new Date(after.at), after.id, new Date(until), limit],
        )
      : manager.query(
          `SELECT id, next_kind, version, next_fire_at FROM sla_deadlines
           WHERE next_fire_at IS NOT NULL AND next_fire_at <= $1
           ORDER BY next_fire_at, id LIMIT $2`,
          [new Date(until), limit],
        ))) as { id: string; next_kind: AlarmKind; version: number; next_fire_at: Date }[];
    return rows.map((r) => ({ deadlineId: r.id, kind: r.next_kind, version: r.version, at: r.next_fire_at.getTime() }));
  }

  /** Alarms ringing in [from, to), earliest first (the deadlines of one slot of the alarm clock). */
  async alarmsIn(manager: EntityManager, from: number, to: number): Promise<PendingAlarm[]> {
    const rows = (await manager.query(
      `SELECT id, next_kind, version, next_fire_at FROM sla_deadlines
       WHERE next_fire_at >= $1 AND next_fire_at < $2 ORDER BY next_fire_at, id`,
      [new Date(from), new Date(to)],
    )) as { id: string; next_kind: AlarmKind; version: number; next_fire_at: Date }[];
    return rows.map((r) => ({ deadlineId: r.id, kind: r.next_kind, version: r.version, at: r.next_fire_at.getTime() }));
  }

  /**
   * The slots (start instants, multiples of `slotMs`) holding at least one alarm ringing
   * in (after, until]; `after` null means from the beginning of time (overdue included).
   */
  async alarmSlots(manager: EntityManager, after: number | null, until: number, slotMs: number): Promise<number[]> {
    const rows = (await manager.query(
      `SELECT DISTINCT (floor(extract(epoch FROM next_fire_at) * 1000 / $3) * $3)::bigint AS slot FROM sla_deadlines
       WHERE next_fire_at IS NOT NULL AND next_fire_at > $1 AND next_fire_at <= $2`,
      [new Date(after ?? 0), new Date(until), slotMs],
    )) as { slot: string }[];
    return rows.map((r) => Number(r.slot)).sort((a, b) => a - b);
  }

  /** The next alarm of each deadline (for an alarm that just rang), without locking. */
  async nextAlarms(manager: EntityManager, ids: readonly string[]): Promise<Map<string, PendingAlarm | null>> {
    const rows = (await manager.query(`SELECT id, next_kind, version, next_fire_at FROM sla_deadlines WHERE id = ANY($1::uuid[])`, [
      ids,
    ])) as { id: string; next_kind: AlarmKind | null; version: number; next_fire_at: Date | null }[];
    const found = new Map<string, PendingAlarm | null>();
    for (const r of rows) {
      found.set(r.id, r.next_kind && r.next_fire_at ? { deadlineId: r.id, kind: r.next_kind, version: r.version, at: r.next_fire_at.getTime() } : null);
    }
    return found;
  }

  /**
   * Fires, in one statement, what is due among the requested alarms: locks each row,
   * re-checks it (version, status, moment) and marks it warned or breached at `firedAt`.
   * The conditions are those of `decide()` in alarm/firing.ts: a breach once due (even for
   * a warning alarm that rang late), else a pending warning once its moment has come.
   * Returns the fired deadlines as they are now; rows not returned had nothing due.
   */
  async fireDue(
    manager: EntityManager,
    requests: readonly { deadlineId: string; version: number }[],
    firedAt: Date,
  ): Promise<{ kind: AlarmKind; deadline: SlaDeadline }[]> {
    if (requests.length === 0) return [];
    // TypeORM answers an UPDATE with [rows, affected].
    const [rows] = (await manager.query(
      `UPDATE sla_deadlines d SET
         breached_at  = CASE WHEN d.due_at <= $3 THEN $3 ELSE d.breached_at END,
         status       = CASE WHEN d.due_at <= $3 THEN 'breached' ELSE d.status END,
         warned_at    = CASE WHEN d.due_at <= $3 THEN d.warned_at ELSE $3 END,
         next_kind    = CASE WHEN d.due_at <= $3 THEN NULL ELSE 'breach' END,
         next_fire_at = CASE WHEN d.due_at <= $3 THEN NULL ELSE d.due_at END,
         updated_at   = now()
       FROM unnest($1::uuid[], $2::int[]) AS r(id, version)
       WHERE d.id = r.id AND d.version = r.version AND d.status = 'running'
         AND ((d.breached_at IS NULL AND d.due_at <= $3)
           OR (d.warned_at IS NULL AND d.next_kind = 'warn' AND d.next_fire_at <= $3))
       RETURNING ${COLUMNS.map((c) => `d.${c}`).join(', ')}`,
      [requests.map((r) => r.deadlineId), requests.map((r) => r.version), firedAt],
    )) as [DeadlineRow[], number];
    return rows.map((row) => {
      const deadline = fromRow(row);
      return { kind: deadline.breachedAt?.getTime() === firedAt.getTime() && deadline.status === 'breached' ? 'breach' : 'warn', deadline };
    });
  }
}
