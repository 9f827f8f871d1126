import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { MatterEntity, MatterStatus } from './matter.entity';

/** The only code that touches the routing_matters table. */
@Injectable()
export class MatterRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The matter, locked for update until the transaction ends. */
  findForUpdate(manager: EntityManager, grievanceId: string): Promise<MatterEntity | null> {
    return manager.getRepository(MatterEntity).findOne({ where: { grievanceId }, lock: { mode: 'pessimistic_write' } });
  }

  async insert(manager: EntityManager, matter: Omit<MatterEntity, 'createdAt' | 'updatedAt' | 'version'>): Promise<void> {
    await manager.getRepository(MatterEntity).insert(matter);
  }

  async save(manager: EntityManager, matter: MatterEntity): Promise<void> {
    await manager.getRepository(MatterEntity).save(matter);
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
