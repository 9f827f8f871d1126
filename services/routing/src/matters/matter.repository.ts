import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { MatterEntity, MatterStatus, WORKED_STATUSES } from './matter.entity';

/** A matter as first stored; the chain's fields default to "not on the chain". */
export type NewMatter = Omit<MatterEntity, 'createdAt' | 'updatedAt' | 'version' | 'level' | 'owner' | 'chain' | 'bounces' | 'underSupervision' | 'reopenings' | 'supervisionRound' | 'supervisor'> &
  Partial<Pick<MatterEntity, 'level' | 'owner' | 'chain' | 'bounces' | 'underSupervision' | 'reopenings' | 'supervisionRound' | 'supervisor'>>;

/** The only code that touches the routing_matters table. */
@Injectable()
export class MatterRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The matter, locked for update until the transaction ends. */
  findForUpdate(manager: EntityManager, grievanceId: string): Promise<MatterEntity | null> {
    return manager.getRepository(MatterEntity).findOne({ where: { grievanceId }, lock: { mode: 'pessimistic_write' } });
  }

  /** Inserts a new matter and returns it as stored. */
  async insert(manager: EntityManager, matter: NewMatter): Promise<MatterEntity> {
    const row = { level: null, owner: null, chain: {}, bounces: 0, underSupervision: false, reopenings: 0, supervisionRound: 0, supervisor: null, ...matter };
    await manager.getRepository(MatterEntity).insert(row);
    return Object.assign(new MatterEntity(), row);
  }

  async save(manager: EntityManager, matter: MatterEntity): Promise<void> {
    await manager.getRepository(MatterEntity).save(matter);
  }

  /** A rung's inbox: the open appeals its unit owns now, oldest first. */
  rungInbox(unitId: string, limit: number): Promise<MatterEntity[]> {
    return this.dataSource
      .getRepository(MatterEntity)
      .createQueryBuilder('m')
      .where(`m.owner->>'id' = :unitId`, { unitId })
      .andWhere({ status: In([...WORKED_STATUSES]) })
      .orderBy('m.updatedAt', 'ASC')
      .addOrderBy('m.grievanceId', 'ASC')
      .limit(limit)
      .getMany();
  }

  /** A department's inbox: the matters it holds now, oldest first. */
  departmentInbox(departmentCode: string, statuses: MatterStatus[], limit: number): Promise<MatterEntity[]> {
    return this.dataSource
      .getRepository(MatterEntity)
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
