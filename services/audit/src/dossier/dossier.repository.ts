import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@grievance/contracts';
import { BatchWriter, currentTransaction, readConsistently } from '@grievance/messaging';
import { DataSource, EntityManager } from 'typeorm';
import { databaseOf } from '../shared/database';
import { grievanceIndexRow, UPSERT_GRIEVANCE_ROWS } from '../grievances/grievances.repository';
import { summariseGrievance } from '../grievances/grievance-row';
import { AnchoredHeadCheck, ChainHead, GENESIS_HASH, linkHash, StoredLink } from './chain';

/**
 * Advisory lock (two-int key space) between appends and anchoring: appends hold it
 * shared, an anchor exclusive, so an anchor never reads a chain with a row still in flight.
 */
const ANCHOR_LOCK: readonly [number, number] = [0x41554454, 1];

export type AnchorReason = 'periodic' | 'on_demand';

export interface AnchorRow {
  id: string;
  anchoredAt: string;
  reason: AnchorReason;
  matters: number;
  events: number;
  root: string;
  prevAnchorHash: string;
  anchorHash: string;
}

export interface AnchoredState {
  /** The latest anchor, if any. */
  latest: AnchorRow | null;
  /** Every anchor, oldest first (for the anchors' own chain). */
  anchors: AnchorRow[];
  /** Each grievance's head as the latest anchor saw it. */
  heads: ChainHead[];
  /** The same heads with what the dossier holds now. */
  checks: AnchoredHeadCheck[];
}

/** A dossier row for the read side: the stored link plus when it was recorded. */
export interface DossierRow extends StoredLink {
  recordedAt: string;
}

interface RawDossierRow {
  seq: string;
  event_id: string;
  grievance_id: string;
  chain_index: number;
  topic: string;
  event_type: string;
  occurred_at: Date;
  envelope: StoredLink['event'];
  prev_hash: string;
  hash: string;
  recorded_at: Date;
}

const DOSSIER_COLUMNS = `seq::text AS seq, event_id, grievance_id, chain_index, topic, event_type, occurred_at, envelope, prev_hash, hash, recorded_at`;

const toDossierRow = (r: RawDossierRow): DossierRow => ({
  seq: r.seq,
  eventId: r.event_id,
  grievanceId: r.grievance_id,
  chainIndex: r.chain_index,
  topic: r.topic,
  eventType: r.event_type,
  occurredAt: new Date(r.occurred_at).toISOString(),
  prevHash: r.prev_hash,
  hash: r.hash,
  event: r.envelope,
  recordedAt: new Date(r.recorded_at).toISOString(),
});

const toAnchorRow = (r: Record<string, unknown>): AnchorRow => ({
  id: String(r.id),
  anchoredAt: new Date(r.anchored_at as Date).toISOString(),
  reason: r.reason as AnchorReason,
  matters: Number(r.matters),
  events: Number(r.events),
  root: String(r.root_hash),
  prevAnchorHash: String(r.prev_anchor_hash),
  anchorHash: String(r.anchor_hash),
});

interface Appended {
  topic: string;
  event: EventEnvelope;
  /** Whether the event is about a grievance, so the grievance's index row follows it (a worker's points account has none). */
  grievance: boolean;
}

/**
 * The events of one transaction (an event consumer's group) waiting to be appended to their
 * chains, written at once before it commits, whatever their number: one statement takes the
 * locks of every chain concerned, one reads what those chains hold, the chains are extended
 * in memory in arrival order, and one statement inserts every new link with the grievances'
 * index rows. An event already stored, in the dossier or earlier in the batch, is left out.
 */
export class DossierAppends implements BatchWriter {
  private pending: Appended[] = [];

  constructor(private readonly manager: Pick<EntityManager, 'query'>) {}

  add(topic: string, envelope: EventEnvelope, grievance: boolean): void {
    // The hash covers the envelope exactly as jsonb will give it back: plain JSON.
    this.pending.push({ topic, event: JSON.parse(JSON.stringify(envelope)) as EventEnvelope, grievance });
  }

  async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    const chains = [...new Set(batch.map((a) => a.event.grievanceId))];
    const grievances = [...new Set(batch.filter((a) => a.grievance).map((a) => a.event.grievanceId))];
    const accounts = chains.filter((id) => !grievances.includes(id));
    // The anchor's lock shared, then each chain's, in one order for every transaction (no two wait on each other).
    await this.manager.query(
      `SELECT pg_advisory_xact_lock_shared($1, $2), pg_advisory_xact_lock(k)
         FROM (SELECT DISTINCT hashtextextended(g, 0) AS k FROM unnest($3::text[]) AS g ORDER BY k) AS keys`,
      [...ANCHOR_LOCK, chains],
    );
    // A statement of its own, so its snapshot is taken after the locks were granted: every link
    // of the grievances (their index row is summarised from them), the head of each points account,
    // and which of the events are stored already.
    const rows = (await this.manager.query(
      `SELECT 'link' AS kind, grievance_id, event_id, chain_index, hash, envelope FROM audit_dossier WHERE grievance_id = ANY($1::uuid[])
       UNION ALL
       SELECT 'head', g, last.event_id, last.chain_index, last.hash, NULL
         FROM unnest($2::uuid[]) AS g
         CROSS JOIN LATERAL (SELECT event_id, chain_index, hash FROM audit_dossier WHERE grievance_id = g ORDER BY chain_index DESC LIMIT 1) AS last
       UNION ALL
       SELECT 'known', grievance_id, event_id, NULL, NULL, NULL FROM audit_dossier WHERE event_id = ANY($3::uuid[])`,
      [grievances, accounts, batch.map((a) => a.event.eventId)],
    )) as { kind: 'link' | 'head' | 'known'; grievance_id: string; event_id: string; chain_index: number | null; hash: string | null; envelope: EventEnvelope | null }[];
    const known = new Set<string>();
    const heads = new Map<string, { chainIndex: number; hash: string }>();
    const events = new Map<string, EventEnvelope[]>(grievances.map((id) => [id, []]));
    for (const row of rows) {
      known.add(row.event_id);
      if (row.kind === 'known') continue;
      const head = heads.get(row.grievance_id);
      if (!head || row.chain_index! > head.chainIndex) heads.set(row.grievance_id, { chainIndex: row.chain_index!, hash: row.hash! });
      if (row.envelope) events.get(row.grievance_id)?.push(row.envelope);
    }
    const links: Record<string, unknown>[] = [];
    const touched = new Set<string>();
    for (const { topic, event, grievance } of batch) {
      if (known.has(event.eventId)) continue;
      known.add(event.eventId);
      const head = heads.get(event.grievanceId);
      const chainIndex = head ? head.chainIndex + 1 : 0;
      const prevHash = head?.hash ?? GENESIS_HASH;
      const hash = linkHash({ topic, chainIndex, prevHash, event });
      heads.set(event.grievanceId, { chainIndex, hash });
      events.get(event.grievanceId)?.push(event);
      if (grievance) touched.add(event.grievanceId);
      links.push({
        event_id: event.eventId,
        grievance_id: event.grievanceId,
        chain_index: chainIndex,
        topic,
        event_type: event.type,
        occurred_at: event.occurredAt,
        actor_id: event.actor.id,
        actor_role: event.actor.role,
        envelope: event,
        prev_hash: prevHash,
        hash,
      });
    }
    if (links.length === 0) return;
    const rowsOfGrievances = [...touched].map((id) => grievanceIndexRow(summariseGrievance(id, events.get(id)!)));
    await this.manager.query(
      `WITH links AS (
         INSERT INTO audit_dossier (event_id, grievance_id, chain_index, topic, event_type, occurred_at, actor_id, actor_role, envelope, prev_hash, hash)
         SELECT event_id, grievance_id, chain_index, topic, event_type, occurred_at, actor_id, actor_role, envelope, prev_hash, hash
           FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (event_id uuid, grievance_id uuid, chain_index integer, topic text, event_type text,
                  occurred_at timestamptz, actor_id text, actor_role text, envelope jsonb, prev_hash text, hash text)) WITH ORDINALITY AS l
          ORDER BY l.ordinality
         RETURNING 1)
       ${UPSERT_GRIEVANCE_ROWS}`,
      [JSON.stringify(links), JSON.stringify(rowsOfGrievances)],
    );
  }
}

/**
 * The only code that touches the dossier and anchor tables, in the current unit of work's
 * transaction (see databaseOf); a read outside one runs on the data source.
 */
@Injectable()
export class DossierRepository {
  constructor(private readonly dataSource: DataSource) {}

  private query<R>(sql: string, params: unknown[] = []): Promise<R[]> {
    return databaseOf(this.dataSource).query(sql, params) as Promise<R[]>;
  }

  /**
   * Appends an event to its chain when the current (inbox) transaction is about to commit,
   * with the other events of that transaction (see DossierAppends); `grievance` false for an
   * event of a worker's points account, which is kept out of the grievance index.
   */
  appendInBatch(topic: string, envelope: EventEnvelope, grievance: boolean): void {
    const tx = currentTransaction(this.dataSource);
    if (!tx) throw new Error('no transaction to append to: an event is appended inside its consumer\'s unit of work');
    tx.batchWriter(DossierAppends, (manager) => new DossierAppends(manager)).add(topic, envelope, grievance);
  }

  /** One grievance's rows in chain (arrival) order. */
  async chainOf(grievanceId: string): Promise<DossierRow[]> {
    const rows = await this.query<RawDossierRow>(`SELECT ${DOSSIER_COLUMNS} FROM audit_dossier WHERE grievance_id = $1 ORDER BY chain_index`, [grievanceId]);
    return rows.map(toDossierRow);
  }

  /** Every points movement (awarded, redeemed, handed over) naming the worker, whichever chain holds it, in time order. */
  async pointsMovementsOf(workerId: string): Promise<DossierRow[]> {
    const rows = await this.query<RawDossierRow>(
      `SELECT ${DOSSIER_COLUMNS} FROM audit_dossier
        WHERE event_type IN ('points.awarded', 'points.redeemed', 'points.handed-over') AND envelope->'payload'->>'workerId' = $1
        ORDER BY occurred_at, event_id LIMIT 5000`,
      [workerId],
    );
    return rows.map(toDossierRow);
  }

  /** What the latest anchor says about one grievance, if any anchor saw it. */
  async anchoredHeadOf(grievanceId: string): Promise<(ChainHead & { anchorId: string; anchoredAt: string }) | null> {
    const [row] = await this.query<{ grievance_id: string; length: number; head_hash: string; anchor_id: string; anchored_at: Date }>(
      `SELECT h.grievance_id, h.length, h.head_hash, a.id::text AS anchor_id, a.anchored_at
         FROM audit_anchor_heads h JOIN audit_anchors a ON a.id = h.anchor_id
        WHERE h.grievance_id = $1 ORDER BY h.anchor_id DESC LIMIT 1`,
      [grievanceId],
    );
    if (!row) return null;
    return { grievanceId: row.grievance_id, length: row.length, headHash: row.head_hash, anchorId: row.anchor_id, anchoredAt: new Date(row.anchored_at).toISOString() };
  }

  /**
   * Every event of the grievances that have at least one event in [from, to) (the whole
   * grievance, events outside the range included), each grievance's events in its own order.
   */
  async eventsOfGrievancesActiveIn(from: Date | undefined, to: Date | undefined): Promise<EventEnvelope[]> {
    const rows = await this.query<{ envelope: EventEnvelope }>(
      `SELECT d.envelope FROM audit_dossier d
        WHERE d.grievance_id IN (
          SELECT DISTINCT grievance_id FROM audit_dossier
           WHERE ($1::timestamptz IS NULL OR occurred_at >= $1) AND ($2::timestamptz IS NULL OR occurred_at < $2))
        ORDER BY d.grievance_id, d.occurred_at, d.event_id`,
      [from ?? null, to ?? null],
    );
    return rows.map((r) => r.envelope);
  }

  /** The anchor's lock, exclusive until the transaction ends: it waits for the appends in flight (they hold it shared). */
  async lockForAnchor(): Promise<void> {
    await this.query(`SELECT pg_advisory_xact_lock($1, $2)`, [...ANCHOR_LOCK]);
  }

  /** Every chain's head as the dossier holds it now. */
  async currentHeads(): Promise<ChainHead[]> {
    const rows = await this.query<{ grievance_id: string; length: number; hash: string }>(
      `SELECT DISTINCT ON (grievance_id) grievance_id, chain_index + 1 AS length, hash FROM audit_dossier ORDER BY grievance_id, chain_index DESC`,
    );
    return rows.map((row) => ({ grievanceId: row.grievance_id, length: Number(row.length), headHash: row.hash }));
  }

  /** The latest anchor, if any. */
  async latestAnchor(): Promise<AnchorRow | null> {
    const [lastRow] = await this.query<Record<string, unknown>>(`SELECT * FROM audit_anchors ORDER BY id DESC LIMIT 1`);
    return lastRow ? toAnchorRow(lastRow) : null;
  }

  /** The id the next anchor takes (its hash covers it, so it is known before the row is written). */
  async nextAnchorId(): Promise<string> {
    const [{ id }] = (await this.query<{ id: string }>(`SELECT nextval(pg_get_serial_sequence('audit_anchors', 'id'))::text AS id`)) as [{ id: string }];
    return id;
  }

  /** Stores an anchor and the heads that changed since the previous one. */
  async saveAnchor(anchor: AnchorRow, changed: readonly ChainHead[]): Promise<void> {
    await this.query(
      `INSERT INTO audit_anchors (id, anchored_at, reason, matters, events, root_hash, prev_anchor_hash, anchor_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [anchor.id, anchor.anchoredAt, anchor.reason, anchor.matters, anchor.events, anchor.root, anchor.prevAnchorHash, anchor.anchorHash],
    );
    if (changed.length > 0) {
      await this.query(
        `INSERT INTO audit_anchor_heads (grievance_id, anchor_id, length, head_hash)
         SELECT grievance_id, $2::bigint, length, head_hash FROM jsonb_to_recordset($1::jsonb) AS h(grievance_id uuid, length integer, head_hash text)`,
        [JSON.stringify(changed.map((h) => ({ grievance_id: h.grievanceId, length: h.length, head_hash: h.headHash }))), anchor.id],
      );
    }
  }

  /** The anchored state and what the dossier holds now, read in one snapshot. */
  anchoredState(): Promise<AnchoredState> {
    return readConsistently(this.dataSource, async () => {
      const anchors = (await this.query<Record<string, unknown>>(`SELECT * FROM audit_anchors ORDER BY id`)).map(toAnchorRow);
      const latest = anchors.length > 0 ? anchors[anchors.length - 1]! : null;
      const heads = latest ? await this.anchoredHeads(latest.id) : [];
      const checks = latest ? await this.headChecks(latest.id) : [];
      return { latest, anchors, heads, checks };
    });
  }

  async listAnchors(limit: number): Promise<AnchorRow[]> {
    const rows = await this.query<Record<string, unknown>>(`SELECT * FROM audit_anchors ORDER BY id DESC LIMIT $1`, [limit]);
    return rows.map(toAnchorRow);
  }

  /** Each grievance's latest anchored head, as of anchor `upTo` (or the latest). */
  async anchoredHeads(upTo?: string): Promise<ChainHead[]> {
    const rows = await this.query<{ grievance_id: string; length: number; head_hash: string }>(
      `SELECT DISTINCT ON (grievance_id) grievance_id, length, head_hash FROM audit_anchor_heads
        WHERE ($1::bigint IS NULL OR anchor_id <= $1) ORDER BY grievance_id, anchor_id DESC`,
      [upTo ?? null],
    );
    return rows.map((r) => ({ grievanceId: r.grievance_id, length: r.length, headHash: r.head_hash }));
  }

  private async headChecks(upTo: string): Promise<AnchoredHeadCheck[]> {
    const rows = await this.query<{ grievance_id: string; length: number; head_hash: string; found_hash: string | null; found_length: number }>(
      `WITH anchored AS (
         SELECT DISTINCT ON (grievance_id) grievance_id, length, head_hash FROM audit_anchor_heads
          WHERE anchor_id <= $1 ORDER BY grievance_id, anchor_id DESC),
       held AS (
         SELECT grievance_id, count(*)::int AS found_length FROM audit_dossier
          WHERE grievance_id IN (SELECT grievance_id FROM anchored) GROUP BY grievance_id)
       SELECT a.grievance_id, a.length, a.head_hash, d.hash AS found_hash, COALESCE(h.found_length, 0) AS found_length
         FROM anchored a
         LEFT JOIN audit_dossier d ON d.grievance_id = a.grievance_id AND d.chain_index = a.length - 1
         LEFT JOIN held h ON h.grievance_id = a.grievance_id
        ORDER BY a.grievance_id`,
      [upTo],
    );
    return rows.map((r) => ({
      grievanceId: r.grievance_id,
      length: r.length,
      headHash: r.head_hash,
      foundHash: r.found_hash,
      foundLength: r.found_length,
    }));
  }
}
