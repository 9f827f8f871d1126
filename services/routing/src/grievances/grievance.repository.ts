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

  /** Inserts a new grievance and returns it as stored. */
  async insert(grievance: NewGrievance): Promise<GrievanceEntity> {
    const manager = this.manager();
    const row = { level: null, owner: null, chain: {}, bounces: 0, underSupervision: false, reopenings: 0, supervisionRound: 0, supervisor: null, ...grievance };
    await manager.getRepository(GrievanceEntity).insert(row);
    return Object.assign(new GrievanceEntity(), row);
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
      const value: unknown = c.getEntityValue(grievance);
      params.push(c.type === 'jsonb' && value !== null && value !== undefined ? JSON.stringify(value) : (value ?? null));
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

/** Each updatable column's value, as JSON (to compare with what was read). */
function columnValues(manager: EntityManager, grievance: GrievanceEntity): Map<string, string> {
  return new Map(updatableColumns(manager).map((c) => [c.databaseName, JSON.stringify(c.getEntityValue(grievance) ?? null)]));
}
