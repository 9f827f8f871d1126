import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { managerInUnitOfWork } from '../unit-of-work-manager';
import { GrievanceEntity, GrievanceStatus, WORKED_STATUSES } from './grievance.entity';

/** A grievance as first stored; the chain's fields default to "not on the chain". */
export type NewGrievance = Omit<GrievanceEntity, 'createdAt' | 'updatedAt' | 'version' | 'level' | 'owner' | 'chain' | 'bounces' | 'underSupervision' | 'reopenings' | 'supervisionRound' | 'supervisor'> &
  Partial<Pick<GrievanceEntity, 'level' | 'owner' | 'chain' | 'bounces' | 'underSupervision' | 'reopenings' | 'supervisionRound' | 'supervisor'>>;

/** The only code that touches the routing_grievances table; its writes go through the unit of work's transaction. */
@Injectable()
export class GrievanceRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** What each grievance read for update held then (or at its last save), column by column, to write only what changed. */
  private readonly asRead = new WeakMap<GrievanceEntity, Map<string, string>>();

  /** The grievance, locked for update until the transaction ends. */
  async findForUpdate(grievanceId: string): Promise<GrievanceEntity | null> {
    const manager = this.manager();
    const grievance = await manager.getRepository(GrievanceEntity).findOne({ where: { grievanceId }, lock: { mode: 'pessimistic_write' } });
    if (grievance) this.asRead.set(grievance, columnValues(manager, grievance));
    return grievance;
  }

  /**
   * Inserts a new grievance and returns it as stored; undefined when it is kept already (its
   * submission was applied before), which it leaves as it is. One statement, no read first.
   */
  async insert(grievance: NewGrievance): Promise<GrievanceEntity | undefined> {
    const manager = this.manager();
    const row = Object.assign(new GrievanceEntity(), {
      level: null, owner: null, chain: {}, bounces: 0, underSupervision: false, reopenings: 0, supervisionRound: 0, supervisor: null, ...grievance,
    });
    const columns = updatableColumns(manager);
    const params: unknown[] = [row.grievanceId, ...columns.map((c) => databaseValue(c, row))];
    const [stored] = (await manager.query(
      `INSERT INTO routing_grievances (grievance_id, ${columns.map((c) => `"${c.databaseName}"`).join(', ')}, "version")
       VALUES (${params.map((_, i) => `$${i + 1}`).join(', ')}, 1)
       ON CONFLICT (grievance_id) DO NOTHING
       RETURNING "version", "created_at", "updated_at"`,
      params,
    )) as { version: number; created_at: Date; updated_at: Date }[];
    if (!stored) return undefined;
    row.version = stored.version;
    row.createdAt = new Date(stored.created_at);
    row.updatedAt = new Date(stored.updated_at);
    return row;
  }

  /**
   * Writes what changed in the grievance. One read for update earlier in the transaction holds
   * the row as it was read, so its changed columns are written with one statement (as
   * TypeORM's save would, without reading the row again first); another grievance is saved by TypeORM.
   */
  async save(grievance: GrievanceEntity): Promise<void> {
    const manager = this.manager();
    const before = this.asRead.get(grievance);
    if (!before) {
      await manager.getRepository(GrievanceEntity).save(grievance);
      return;
    }
    const now = columnValues(manager, grievance);
    const changed = updatableColumns(manager).filter((c) => now.get(c.databaseName) !== before.get(c.databaseName));
    if (changed.length === 0) return;
    const params: unknown[] = [grievance.grievanceId];
    const sets = changed.map((c) => {
      params.push(databaseValue(c, grievance));
      return `"${c.databaseName}" = $${params.length}`;
    });
    // An UPDATE answers its rows and its count.
    const [rows] = (await manager.query(
      `UPDATE routing_grievances SET ${sets.join(', ')}, "version" = "version" + 1, "updated_at" = CURRENT_TIMESTAMP WHERE grievance_id = $1 RETURNING "version", "updated_at"`,
      params,
    )) as [{ version: number; updated_at: Date }[], number];
    const returned = rows[0];
    if (returned) {
      grievance.version = returned.version;
      grievance.updatedAt = new Date(returned.updated_at);
    }
    this.asRead.set(grievance, columnValues(manager, grievance));
  }

  private manager(): EntityManager {
    return managerInUnitOfWork(this.dataSource);
  }

  /** A rung's inbox: the open appeals its unit owns now, oldest first. */
  rungInbox(unitId: string, limit: number): Promise<GrievanceEntity[]> {
    return this.dataSource
      .getRepository(GrievanceEntity)
      .createQueryBuilder('m')
      .where(`m.owner->>'id' = :unitId`, { unitId })
      .andWhere({ status: In([...WORKED_STATUSES]) })
      .orderBy('m.updatedAt', 'ASC')
      .addOrderBy('m.grievanceId', 'ASC')
      .limit(limit)
      .getMany();
  }

  /** A department's inbox: the grievances it holds now, oldest first. */
  departmentInbox(departmentCode: string, statuses: GrievanceStatus[], limit: number): Promise<GrievanceEntity[]> {
    return this.dataSource
      .getRepository(GrievanceEntity)
      .createQueryBuilder('m')
      .where('m.departmentCode = :departmentCode', { departmentCode })
      .andWhere({ status: In(statuses) })
      .andWhere(`m.holder->>'type' = 'department'`)
      .orderBy('m.updatedAt', 'ASC')
      .addOrderBy('m.grievanceId', 'ASC')
      .limit(limit)
      .getMany();
  }
}

/** The columns a save may change (not the key, nor those TypeORM keeps: created, updated, version). */
function updatableColumns(manager: EntityManager): ColumnMetadata[] {
  return manager.connection.getMetadata(GrievanceEntity).columns.filter((c) => !c.isPrimary && !c.isCreateDate && !c.isUpdateDate && !c.isVersion);
}

/** A column's value as a statement's parameter (jsonb as its JSON text). */
function databaseValue(column: ColumnMetadata, grievance: GrievanceEntity): unknown {
  const value: unknown = column.getEntityValue(grievance);
  return column.type === 'jsonb' && value !== null && value !== undefined ? JSON.stringify(value) : (value ?? null);
}

/** Each updatable column's value, as JSON (to compare with what was read). */
function columnValues(manager: EntityManager, grievance: GrievanceEntity): Map<string, string> {
  return new Map(updatableColumns(manager).map((c) => [c.databaseName, JSON.stringify(c.getEntityValue(grievance) ?? null)]));
}
