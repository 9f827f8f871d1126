import { Injectable } from '@nestjs/common';
import { Language } from '@grievance/i18n';
import { createEnvelope, Occupation, pointsAccountId } from '@grievance/contracts';
import { UnitOfWork } from '@grievance/messaging';
import { correlationIdForNewWork, DomainError } from '@grievance/platform';
import { ReportersRepository } from './reporters.repository';
import { toRegistrationView, WorkerRegistrationView } from './registration-view';

export interface RegisterReporterCommand {
  workerId: string;
  occupation: Occupation;
  platform?: string;
  language?: Language;
  branchId?: string;
}

/**
 * 扫码报到: a worker registers with a branch (or with none: their appeals then start at the
 * fallback branch of their occupation's committee). Registering again replaces the old one.
 * worker.registered.v1 tells the other services which industry committee owns the worker
 * (feedback sends their benefit applications there, 五入积分法).
 */
@Injectable()
export class RegisterReporter {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly reporters: ReportersRepository,
  ) {}

  execute(command: RegisterReporterCommand): Promise<WorkerRegistrationView> {
    const { workerId, branchId } = command;
    return this.unitOfWork.run(async () => {
      if (branchId && !(await this.reporters.isBranch(branchId))) throw DomainError.invalid(`branchId ${branchId} is not a branch`, { field: 'branchId' }, { key: 'error.reporter.notBranch', params: { branchId } });
      await this.reporters.save({
        workerId,
        occupation: command.occupation,
        platform: command.platform ?? null,
        branchId: branchId ?? null,
        language: command.language ?? null,
      });
      const saved = await this.reporters.find(workerId);
      if (!saved) throw new Error(`the registration of ${workerId} was not saved`);
      const view = await toRegistrationView(this.reporters, saved);
      const committeeId = view.effectiveBranchId ? await this.reporters.committeeOf(view.effectiveBranchId) : null;
      await this.unitOfWork.transaction().publish(
        'worker.registered.v1',
        createEnvelope({
          topic: 'worker.registered.v1',
          grievanceId: pointsAccountId(workerId),
          actor: { id: workerId, role: 'worker' },
          correlationId: correlationIdForNewWork(),
          payload: {
            workerId,
            occupation: command.occupation,
            ...(saved.branchId ? { branchId: saved.branchId } : {}),
            ...(view.effectiveBranchId ? { effectiveBranchId: view.effectiveBranchId } : {}),
            ...(committeeId ? { committeeId } : {}),
          },
        }),
      );
      return view;
    });
  }
}
