import { Body, Controller, Get, Injectable, Module, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags, PickType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { CurrentPrincipal, Principal, Roles } from '@grievance/auth';
import { OCCUPATIONS, Occupation, Reporter, ReporterProfile } from '@grievance/contracts';
import { TransactionalOutbox } from '@grievance/messaging';
import { DomainError } from '@grievance/platform';
import { DataSource, EntityManager } from 'typeorm';
import { OrgUnitEntity, WorkerRegistrationEntity } from '../directory/directory.entities';
import { ORG_UNIT_ID } from '../directory/directory-admin.dto';

/** `platform` and `language` are validated as in the events' reporter. */
export class RegisterWorkerDto extends PickType(ReporterProfile, ['platform', 'language'] as const) {
  @IsIn(OCCUPATIONS)
  occupation!: Occupation;

  @IsOptional()
  @IsString()
  @Matches(ORG_UNIT_ID, { message: 'branchId must be a branch id' })
  branchId?: string;
}

export interface WorkerRegistrationView {
  workerId: string;
  occupation: string;
  platform: string | null;
  /** The language their notifications are written in; null: as each submission's Accept-Language asks (Chinese without one). */
  language: string | null;
  /** The branch the worker registered with (扫码报到), if any. */
  branchId: string | null;
  /** Where the worker's appeals start: their branch, else the fallback branch of their occupation's committee (兜底). */
  effectiveBranchId: string | null;
  registered: boolean;
}

/** 扫码报到: a worker registers with a branch; unregistered workers fall back to their committee's fallback branch. */
@Injectable()
export class WorkerRegistrations {
  constructor(
    private readonly outbox: TransactionalOutbox,
    private readonly dataSource: DataSource,
  ) {}

  register(workerId: string, dto: RegisterWorkerDto): Promise<WorkerRegistrationView> {
    return this.outbox.run(async (tx) => {
      if (dto.branchId) {
        const branch = await tx.manager.getRepository(OrgUnitEntity).findOneBy({ id: dto.branchId, level: 'branch' });
        if (!branch) throw DomainError.invalid(`branchId ${dto.branchId} is not a branch`, { field: 'branchId' });
      }
      const repo = tx.manager.getRepository(WorkerRegistrationEntity);
      await repo.upsert(
        { workerId, occupation: dto.occupation, platform: dto.platform ?? null, branchId: dto.branchId ?? null, language: dto.language ?? null },
        { conflictPaths: ['workerId'] },
      );
      return this.view(tx.manager, workerId, await repo.findOneByOrFail({ workerId }));
    });
  }

  async get(workerId: string): Promise<WorkerRegistrationView> {
    const registration = await this.dataSource.getRepository(WorkerRegistrationEntity).findOneBy({ workerId });
    if (!registration) throw DomainError.notFound('registration of worker', workerId);
    return this.view(this.dataSource.manager, workerId, registration);
  }

  private async view(manager: EntityManager, workerId: string, r: WorkerRegistrationEntity): Promise<WorkerRegistrationView> {
    return {
      workerId,
      occupation: r.occupation,
      platform: r.platform,
      language: r.language,
      branchId: r.branchId,
      effectiveBranchId: r.branchId ?? (await fallbackBranchFor(manager, r.occupation)),
      registered: true,
    };
  }
}

/** A reporter as routing knows them: the profile the events carry on, and the branch they registered with. */
export interface KnownReporter {
  profile: ReporterProfile;
  branchId: string | null;
}

/**
 * What is known of the reporter of a submission: their registration (扫码报到) where they
 * registered, else what the submission said (occupation and platform given with it, the
 * language of its Accept-Language).
 */
export async function knownReporter(manager: EntityManager, reporter: Reporter): Promise<KnownReporter> {
  const registration = await manager.getRepository(WorkerRegistrationEntity).findOneBy({ workerId: reporter.id });
  const occupation = (registration?.occupation as Occupation | undefined) ?? reporter.occupation;
  const platform = registration?.platform ?? reporter.platform;
  const language = registration?.language ?? reporter.language;
  return {
    profile: { ...(occupation ? { occupation } : {}), ...(platform ? { platform } : {}), ...(language ? { language } : {}) },
    branchId: registration?.branchId ?? null,
  };
}

/** The profile as grievance.routed.v1 carries it: absent when nothing is known. */
export const routedReporter = (known: KnownReporter): { reporter?: ReporterProfile } =>
  Object.keys(known.profile).length > 0 ? { reporter: known.profile } : {};

/** The fallback branch of the industry committee whose occupations include `occupation`. */
export async function fallbackBranchFor(manager: EntityManager, occupation: string): Promise<string | null> {
  const rows = (await manager.query(
    `SELECT b.id FROM directory_org_units b
       JOIN directory_org_units c ON c.id = b.parent_id AND c.level = 'industry_committee'
      WHERE b.level = 'branch' AND (b.attributes->>'fallback')::boolean IS TRUE
        AND c.attributes->'occupations' ? $1
      ORDER BY b.id LIMIT 1`,
    [occupation],
  )) as { id: string }[];
  return rows[0]?.id ?? null;
}

@ApiTags('workers')
@ApiBearerAuth()
@Controller('v1/workers')
export class WorkersController {
  constructor(private readonly registrations: WorkerRegistrations) {}

  /** Registers (or re-registers) the calling worker. */
  @Put('me')
  @Roles('worker')
  register(@CurrentPrincipal() principal: Principal, @Body() body: RegisterWorkerDto): Promise<WorkerRegistrationView> {
    return this.registrations.register(principal.sub, body);
  }

  /** The calling worker's registration; 404 before they registered. */
  @Get('me')
  @Roles('worker')
  me(@CurrentPrincipal() principal: Principal): Promise<WorkerRegistrationView> {
    return this.registrations.get(principal.sub);
  }
}

@Module({ controllers: [WorkersController], providers: [WorkerRegistrations], exports: [WorkerRegistrations] })
export class WorkersModule {}
