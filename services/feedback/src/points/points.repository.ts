import { Injectable } from '@nestjs/common';
import { CatalogueItemKind, uuidv7 } from '@grievance/contracts';
import { DataSource } from 'typeorm';
import { databaseOf } from '../shared/database';
import { PointsEntryEntity } from '../grievances/entities';
import { balanceOf, REASON_REDEMPTION, REASON_VOLUNTEERING } from './points-rules';

/** One volunteering award in the ledger. */
export interface VolunteeringEntry {
  id: string;
  workerId: string;
  points: number;
  stationId: string;
  note: string;
  causeEventId: string;
  idempotencyKey?: string;
  at: Date;
}

export interface CatalogueItem {
  id: string;
  stationId: string;
  name: string;
  kind: CatalogueItemKind;
  cost: number;
  stock: number;
  updatedAt: Date;
}

export type RedemptionState = 'awaiting_hand_over' | 'handed_over';

export interface Redemption {
  id: string;
  workerId: string;
  stationId: string;
  itemId: string;
  itemName: string;
  kind: CatalogueItemKind;
  cost: number;
  entryId: string;
  /** The worker's balance right after the debit. */
  balanceAfter: number;
  idempotencyKey: string;
  state: RedemptionState;
  handedOverBy: string | null;
  handedOverAt: Date | null;
  createdAt: Date;
}

interface ItemRow {
  id: string;
  station_id: string;
  name: string;
  kind: CatalogueItemKind;
  cost: number;
  stock: number;
  updated_at: Date;
}

interface RedemptionRow {
  id: string;
  worker_id: string;
  station_id: string;
  item_id: string;
  item_name: string;
  kind: CatalogueItemKind;
  cost: number;
  entry_id: string;
  balance_after: number;
  idempotency_key: string;
  state: RedemptionState;
  handed_over_by: string | null;
  handed_over_at: Date | null;
  created_at: Date;
}

const toItem = (r: ItemRow): CatalogueItem => ({
  id: r.id,
  stationId: r.station_id,
  name: r.name,
  kind: r.kind,
  cost: Number(r.cost),
  stock: Number(r.stock),
  updatedAt: new Date(r.updated_at),
});

const toRedemption = (r: RedemptionRow): Redemption => ({
  id: r.id,
  workerId: r.worker_id,
  stationId: r.station_id,
  itemId: r.item_id,
  itemName: r.item_name,
  kind: r.kind,
  cost: Number(r.cost),
  entryId: r.entry_id,
  balanceAfter: Number(r.balance_after),
  idempotencyKey: r.idempotency_key,
  state: r.state,
  handedOverBy: r.handed_over_by,
  handedOverAt: r.handed_over_at ? new Date(r.handed_over_at) : null,
  createdAt: new Date(r.created_at),
});

const ITEM_COLUMNS = 'id, station_id, name, kind, cost, stock, updated_at';

/**
 * The only code that touches the station catalogues, the redemptions and the ledger entries
 * that belong to no grievance. Its writes and locked reads run in the unit of work's transaction
 * (taken from its context); the lists outside one read on the data source.
 */
@Injectable()
export class PointsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The unit of work's transaction, or the data source outside one. */
  private get db() {
    return databaseOf(this.dataSource);
  }

  /**
   * Serialises every movement of one worker's points until the transaction ends: a balance
   * read under it stays true until the debit is written (two redemptions at once cannot both
   * spend the same points), and a daily cap read under it holds until the award is written.
   */
  async lockWorker(workerId: string): Promise<void> {
    await this.db.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`feedback-points:${workerId}`]);
  }

  async balanceOf(workerId: string): Promise<number> {
    const [row] = (await this.db.query(`SELECT COALESCE(SUM(points), 0)::int AS balance FROM feedback_points_ledger WHERE worker_id = $1`, [workerId])) as {
      balance: number;
    }[];
    return row?.balance ?? 0;
  }

  /**
   * A worker's balance and ledger entries, newest first. The balance is the sum of the very
   * entries listed: summed by a second query, an entry committed between the two showed in
   * the balance and not in the list.
   */
  async pointsOf(workerId: string): Promise<{ balance: number; entries: PointsEntryEntity[] }> {
    const entries = await this.dataSource.getRepository(PointsEntryEntity).find({
      where: { workerId },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
    return { balance: balanceOf(entries), entries };
  }

  async catalogueOf(stationId: string): Promise<CatalogueItem[]> {
    const rows = (await this.dataSource.query(`SELECT ${ITEM_COLUMNS} FROM feedback_station_items WHERE station_id = $1 ORDER BY created_at, id`, [
      stationId,
    ])) as ItemRow[];
    return rows.map(toItem);
  }

  async insertItem(item: Omit<CatalogueItem, 'id' | 'updatedAt'>, by: string): Promise<CatalogueItem> {
    const [row] = (await this.db.query(
      `INSERT INTO feedback_station_items (id, station_id, name, kind, cost, stock, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${ITEM_COLUMNS}`,
      [uuidv7(), item.stationId, item.name, item.kind, item.cost, item.stock, by],
    )) as ItemRow[];
    return toItem(row!);
  }

  /** Changes the fields given of an item of `stationId`; undefined when that station has no such item. */
  async updateItem(
    stationId: string,
    itemId: string,
    change: Partial<Pick<CatalogueItem, 'name' | 'kind' | 'cost' | 'stock'>>,
    by: string,
  ): Promise<CatalogueItem | undefined> {
    const params: unknown[] = [itemId, stationId, by];
    const sets = ['updated_at = now()', 'updated_by = $3'];
    // Only these columns, whatever else the object holds.
    for (const column of ['name', 'kind', 'cost', 'stock'] as const) {
      const value = change[column];
      if (value === undefined) continue;
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    }
    const rows = (await this.db.query(
      `UPDATE feedback_station_items SET ${sets.join(', ')} WHERE id = $1 AND station_id = $2 RETURNING ${ITEM_COLUMNS}`,
      params,
    )) as [ItemRow[], number] | ItemRow[];
    const list = (Array.isArray(rows[0]) ? rows[0] : rows) as ItemRow[];
    return list[0] ? toItem(list[0]) : undefined;
  }

  async findItem(stationId: string, itemId: string): Promise<CatalogueItem | undefined> {
    const [row] = (await this.db.query(`SELECT ${ITEM_COLUMNS} FROM feedback_station_items WHERE id = $1 AND station_id = $2`, [itemId, stationId])) as ItemRow[];
    return row ? toItem(row) : undefined;
  }

  /**
   * Takes one of the item, only if one is left: a conditional UPDATE, so of two takers of
   * the last one the second waits for the first's row lock, reads stock 0 and takes nothing.
   */
  async takeOne(itemId: string): Promise<boolean> {
    const rows = (await this.db.query(`UPDATE feedback_station_items SET stock = stock - 1, updated_at = now() WHERE id = $1 AND stock > 0 RETURNING id`, [
      itemId,
    ])) as [unknown[], number] | unknown[];
    const list = Array.isArray(rows[0]) ? (rows[0] as unknown[]) : rows;
    return list.length > 0;
  }

  async findRedemptionByKey(workerId: string, idempotencyKey: string): Promise<Redemption | undefined> {
    const [row] = (await this.db.query(`SELECT * FROM feedback_redemptions WHERE worker_id = $1 AND idempotency_key = $2`, [
      workerId,
      idempotencyKey,
    ])) as RedemptionRow[];
    return row ? toRedemption(row) : undefined;
  }

  /** A redemption at `stationId`, locked for the hand-over; undefined when that station has none by this id. */
  async findRedemptionAt(stationId: string, redemptionId: string): Promise<Redemption | undefined> {
    const [row] = (await this.db.query(`SELECT * FROM feedback_redemptions WHERE id = $1 AND station_id = $2 FOR UPDATE`, [
      redemptionId,
      stationId,
    ])) as RedemptionRow[];
    return row ? toRedemption(row) : undefined;
  }

  async insertRedemption(redemption: Omit<Redemption, 'state' | 'handedOverBy' | 'handedOverAt' | 'createdAt'>, at: Date): Promise<Redemption> {
    const [row] = (await this.db.query(
      `INSERT INTO feedback_redemptions (id, worker_id, station_id, item_id, item_name, kind, cost, entry_id, balance_after, idempotency_key, state, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'awaiting_hand_over', $11) RETURNING *`,
      [
        redemption.id,
        redemption.workerId,
        redemption.stationId,
        redemption.itemId,
        redemption.itemName,
        redemption.kind,
        redemption.cost,
        redemption.entryId,
        redemption.balanceAfter,
        redemption.idempotencyKey,
        at,
      ],
    )) as RedemptionRow[];
    return toRedemption(row!);
  }

  async markHandedOver(redemptionId: string, by: string, at: Date): Promise<Redemption> {
    const rows = (await this.db.query(
      `UPDATE feedback_redemptions SET state = 'handed_over', handed_over_by = $2, handed_over_at = $3 WHERE id = $1 RETURNING *`,
      [redemptionId, by, at],
    )) as [RedemptionRow[], number] | RedemptionRow[];
    const list = (Array.isArray(rows[0]) ? rows[0] : rows) as RedemptionRow[];
    return toRedemption(list[0]!);
  }

  /** A worker's redemptions, newest first. */
  async redemptionsOf(workerId: string): Promise<Redemption[]> {
    const rows = (await this.dataSource.query(`SELECT * FROM feedback_redemptions WHERE worker_id = $1 ORDER BY created_at DESC, id DESC`, [
      workerId,
    ])) as RedemptionRow[];
    return rows.map(toRedemption);
  }

  /** A station's redemptions in one state, oldest first (what its staff still has to hand over). */
  async redemptionsAt(stationId: string, state: RedemptionState): Promise<Redemption[]> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM feedback_redemptions WHERE station_id = $1 AND state = $2 ORDER BY created_at, id LIMIT 500`,
      [stationId, state],
    )) as RedemptionRow[];
    return rows.map(toRedemption);
  }

  /** The debit of a redemption: a negative entry, caused by the points.redeemed.v1 event. */
  async appendDebit(
    entry: { id: string; workerId: string; points: number; stationId: string; redemptionId: string; causeEventId: string; at: Date },
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO feedback_points_ledger (id, worker_id, points, reason, grievance_id, cause_event_id, station_id, redemption_id, created_at)
       VALUES ($1, $2, $3, $4, NULL, $5, $6, $7, $8)`,
      [entry.id, entry.workerId, -Math.abs(entry.points), REASON_REDEMPTION, entry.causeEventId, entry.stationId, entry.redemptionId, entry.at],
    );
  }

  /** A volunteering award, caused by its points.awarded.v1 event; with the counter's Idempotency-Key when it sent one. */
  async appendVolunteering(entry: VolunteeringEntry): Promise<void> {
    await this.db.query(
      `INSERT INTO feedback_points_ledger (id, worker_id, points, reason, grievance_id, cause_event_id, station_id, note, idempotency_key, created_at)
       VALUES ($1, $2, $3, $4, NULL, $5, $6, $7, $8, $9)`,
      [entry.id, entry.workerId, entry.points, REASON_VOLUNTEERING, entry.causeEventId, entry.stationId, entry.note, entry.idempotencyKey ?? null, entry.at],
    );
  }

  /** The volunteering award a station already made under this Idempotency-Key, if any. */
  async findVolunteeringByKey(stationId: string, idempotencyKey: string): Promise<VolunteeringEntry | undefined> {
    const [row] = (await this.db.query(
      `SELECT id, worker_id, points, station_id, note, cause_event_id, idempotency_key, created_at FROM feedback_points_ledger
        WHERE station_id = $1 AND idempotency_key = $2 AND reason = $3`,
      [stationId, idempotencyKey, REASON_VOLUNTEERING],
    )) as { id: string; worker_id: string; points: number; station_id: string; note: string | null; cause_event_id: string; idempotency_key: string; created_at: Date }[];
    if (!row) return undefined;
    return {
      id: row.id,
      workerId: row.worker_id,
      points: row.points,
      stationId: row.station_id,
      note: row.note ?? '',
      causeEventId: row.cause_event_id,
      idempotencyKey: row.idempotency_key,
      at: new Date(row.created_at),
    };
  }

  /** The volunteering points a worker was awarded since `since` (the start of their day). */
  async volunteeringSince(workerId: string, since: Date): Promise<number> {
    const [row] = (await this.db.query(
      `SELECT COALESCE(SUM(points), 0)::int AS total FROM feedback_points_ledger WHERE worker_id = $1 AND reason = $2 AND created_at >= $3`,
      [workerId, REASON_VOLUNTEERING, since],
    )) as { total: number }[];
    return row?.total ?? 0;
  }
}
