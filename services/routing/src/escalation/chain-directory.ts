import { Injectable } from '@nestjs/common';
import { Holder, Level } from '@grievance/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { OrgUnitEntity } from '../directory/directory.entities';
import type { ChainPath } from '../grievances/grievance.entity';
import { KnownReporter, ReportersRepository } from '../reporters/reporters.repository';
import { managerInUnitOfWork } from '../unit-of-work-manager';
import { firstRung, rungHolder } from './chain-rules';

/** Where a new appeal starts: its rung, who holds it, and the path above it. */
export interface ChainStart {
  path: ChainPath;
  level: Level;
  holder: Holder;
  /** True when the worker is not registered with a branch and the fallback (兜底) took it. */
  fallback: boolean;
}

/** The party chain as routing reads it (in the unit of work's transaction): a worker's branch, its liaison members in turn, and the units above. */
@Injectable()
export class ChainDirectory {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reporters: ReportersRepository,
  ) {}

  /**
   * The first rung of a worker's appeal: a liaison member of their branch, in turn (round
   * robin); an unregistered worker's goes to the fallback branch of their occupation's
   * industry committee (兜底), whether the occupation is registered or came with the
   * submission; with no occupation known either, to the 两新工委.
   */
  async start(reporter: KnownReporter): Promise<ChainStart> {
    const manager = managerInUnitOfWork(this.dataSource);
    const occupation = reporter.profile.occupation;
    const branchId = reporter.branchId ?? (occupation ? await this.reporters.fallbackBranchFor(occupation) : null);
    const path = branchId ? await this.pathFrom(manager, branchId) : {};
    if (!path.two_new_committee) {
      const top = await manager.getRepository(OrgUnitEntity).findOne({ where: { level: 'two_new_committee', retired: false }, order: { id: 'ASC' } });
      if (top) path.two_new_committee = top.id;
    }
    if (branchId) {
      const member = await this.nextMember(manager, branchId);
      if (member) path.member = member;
    }
    const level = firstRung(path);
    return { path, level, holder: await this.holderAt(path, level), fallback: !reporter.branchId };
  }

  /** The holder of a rung on a grievance's path. */
  async holderAt(path: ChainPath, level: Level): Promise<Holder> {
    const manager = managerInUnitOfWork(this.dataSource);
    const id = path[level];
    if (!id) throw new Error(`the grievance's path has no ${level}`);
    const unit = await manager.getRepository(OrgUnitEntity).findOneBy({ id });
    return rungHolder(level, { id, name: unit?.name ?? id });
  }

  /** The branch, its industry committee and the 两新工委 above it. */
  private async pathFrom(manager: EntityManager, branchId: string): Promise<ChainPath> {
    const rows = (await manager.query(
      `WITH RECURSIVE up AS (
         SELECT id, level, parent_id, 0 AS depth FROM directory_org_units WHERE id = $1
         UNION ALL
         SELECT u.id, u.level, u.parent_id, up.depth + 1 FROM directory_org_units u JOIN up ON u.id = up.parent_id WHERE up.depth < 8
       ) SELECT id, level FROM up`,
      [branchId],
    )) as { id: string; level: string }[];
    const path: ChainPath = {};
    for (const row of rows) {
      if (row.level === 'branch' || row.level === 'industry_committee' || row.level === 'two_new_committee') path[row.level] ??= row.id;
    }
    return path;
  }

  /** The branch's liaison members take new appeals in turn; the turn counter lives in the database, so replicas share it. */
  private async nextMember(manager: EntityManager, branchId: string): Promise<string | null> {
    const members = await manager.getRepository(OrgUnitEntity).find({ where: { level: 'member', parentId: branchId, retired: false }, order: { id: 'ASC' }, select: { id: true } });
    if (members.length === 0) return null;
    const [{ turns }] = (await manager.query(
      `INSERT INTO chain_member_cursors (branch_id, turns) VALUES ($1, 1)
       ON CONFLICT (branch_id) DO UPDATE SET turns = chain_member_cursors.turns + 1
       RETURNING turns`,
      [branchId],
    )) as [{ turns: string }];
    return members[(Number(turns) - 1) % members.length]!.id;
  }
}
