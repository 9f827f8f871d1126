import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { GrievanceEntity, GrievanceStatus, WORKED_STATUSES } from './grievance.entity';

/** A grievance as first stored; the chain's fields default to "not on the chain". */
export type NewGrievance = Omit<GrievanceEntity, 'createdAt' | 'updatedAt' | 'version' | 'level' | 'owner' | 'chain' | 'bounces' | 'underSupervision' | 'reopenings' | 'supervisionRound' | 'supervisor'> &
  Partial<Pick<GrievanceEntity, 'level' | 'owner' | 'chain' | 'bounces' | 'underSupervision' | 'reopenings' | 'supervisionRound' | 'supervisor'>>;

/** The only code that touches the routing_grievances table. */
@Injectable()
export class GrievanceRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The grievance, locked for update until the transaction ends. */
  findForUpdate(manager: EntityManager, grievanceId: string): Promise<GrievanceEntity | null> {
    return manager.getRepository(GrievanceEntity).findOne({ where: { grievanceId }, lock: { mode: 'pessimistic_write' } });
  }

  /** Inserts a new grievance and returns it as stored. */
  async insert(manager: EntityManager, grievance: NewGrievance): Promise<GrievanceEntity> {
    const row = { level: null, owner: null, chain: {}, bounces: 0, underSupervision: false, reopenings: 0, supervisionRound: 0, supervisor: null, ...grievance };
    await manager.getRepository(GrievanceEntity).insert(row);
    return Object.assign(new GrievanceEntity(), row);
  }

  async save(manager: EntityManager, grievance: GrievanceEntity): Promise<void> {
    await manager.getRepository(GrievanceEntity).save(grievance);
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
