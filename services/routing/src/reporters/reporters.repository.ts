import { Injectable } from '@nestjs/common';
import { Occupation, Reporter, ReporterProfile } from '@grievance/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { OrgUnitEntity, WorkerRegistrationEntity } from '../directory/directory.entities';
import { managerInUnitOfWork } from '../unit-of-work-manager';

/** A worker's registration (扫码报到) as its row holds it. */
export type Registration = Pick<WorkerRegistrationEntity, 'workerId' | 'occupation' | 'platform' | 'branchId' | 'language'>;

/** A reporter as routing knows them: the profile the events carry on, and the branch they registered with. */
export interface KnownReporter {
  profile: ReporterProfile;
  branchId: string | null;
}

/**
 * The only code of this context that touches its tables, in the unit of work's transaction
 * (a use case's run, a consumer's batch); reads outside one use the data source.
 */
@Injectable()
export class ReportersRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(): EntityManager {
    return managerInUnitOfWork(this.dataSource);
  }

  /** Whether a live branch of the chain has this id. */
  async isBranch(branchId: string): Promise<boolean> {
    return (await this.manager().getRepository(OrgUnitEntity).findOneBy({ id: branchId, level: 'branch', retired: false })) !== null;
  }

  /** Registers the worker, or registers them again (the new registration replaces the old). */
  async save(registration: Registration): Promise<void> {
    await this.manager().getRepository(WorkerRegistrationEntity).upsert(registration, { conflictPaths: ['workerId'] });
  }

  async find(workerId: string): Promise<Registration | undefined> {
    return (await this.manager().getRepository(WorkerRegistrationEntity).findOneBy({ workerId })) ?? undefined;
  }

  /**
   * What is known of the reporter of a submission: their registration (扫码报到) where they
   * registered, else what the submission said (occupation and platform given with it, the
   * language of its Accept-Language).
   */
  async knownReporter(reporter: Reporter): Promise<KnownReporter> {
    // Plain SQL: read for every submission, where TypeORM's query building cost more than the read.
    const [registration] = (await this.manager().query(
      `SELECT occupation, platform, language, branch_id AS "branchId" FROM worker_registrations WHERE worker_id = $1`,
      [reporter.id],
    )) as Pick<WorkerRegistrationEntity, 'occupation' | 'platform' | 'language' | 'branchId'>[];
    const occupation = (registration?.occupation as Occupation | undefined) ?? reporter.occupation;
    const platform = registration?.platform ?? reporter.platform;
    const language = registration?.language ?? reporter.language;
    return {
      profile: { ...(occupation ? { occupation } : {}), ...(platform ? { platform } : {}), ...(language ? { language } : {}) },
      branchId: registration?.branchId ?? null,
    };
  }

  /** The live industry committee a branch belongs to, if any. */
  async committeeOf(branchId: string): Promise<string | null> {
    const rows = (await this.manager().query(
      `SELECT c.id FROM directory_org_units b JOIN directory_org_units c ON c.id = b.parent_id AND c.level = 'industry_committee' AND NOT c.retired
        WHERE b.id = $1`,
      [branchId],
    )) as { id: string }[];
    return rows[0]?.id ?? null;
  }

  /** The fallback branch of the industry committee whose occupations include `occupation`. */
  async fallbackBranchFor(occupation: string): Promise<string | null> {
    const rows = (await this.manager().query(
      `SELECT b.id FROM directory_org_units b
         JOIN directory_org_units c ON c.id = b.parent_id AND c.level = 'industry_committee'
        WHERE b.level = 'branch' AND (b.attributes->>'fallback')::boolean IS TRUE
          AND c.attributes->'occupations' ? $1
          AND NOT b.retired AND NOT c.retired
        ORDER BY b.id LIMIT 1`,
      [occupation],
    )) as { id: string }[];
    return rows[0]?.id ?? null;
  }
}

/** The profile as grievance.routed.v1 carries it: absent when nothing is known. */
export const routedReporter = (known: KnownReporter): { reporter?: ReporterProfile } =>
  Object.keys(known.profile).length > 0 ? { reporter: known.profile } : {};
