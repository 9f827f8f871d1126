import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { uuidv7 } from '@grievance/contracts';
import { UnitOfWork } from '@grievance/messaging';
import { PinoLogger } from 'nestjs-pino';
import { FeedbackRepository } from '../grievances/feedback.repository';
import { RatingWindows } from './rating-window';

/**
 * On start, every resolved grievance still unrated in Postgres (the source of truth) gets its
 * rating window if it has none: the grievances resolved before the windows were deadlines of
 * the SLA engine (the timers of a deployed system carry over), and any row written without
 * one. The engine itself re-arms every open window whatever Redis lost.
 */
@Injectable()
export class AutoCloseLifecycle implements OnApplicationBootstrap {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly repository: FeedbackRepository,
    private readonly windows: RatingWindows,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext('auto-close');
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.rearm();
  }

  /** Opens the missing windows, each with its grievance locked (a resolution being consumed meanwhile wins); returns how many. */
  async rearm(): Promise<number> {
    const missing = await this.windows.missing(await this.repository.resolvedUnrated());
    let opened = 0;
    for (const grievanceId of missing) {
      const didOpen = await this.unitOfWork.run(async () => {
        const grievance = await this.repository.findGrievance(grievanceId, { lock: true });
        if (!grievance || grievance.status !== 'resolved' || !grievance.resolvedBy || !grievance.resolvedAt) return false;
        if ((await this.windows.missing([grievance])).length === 0) return false;
        await this.windows.open({
          grievanceId,
          resolutionNo: grievance.resolutionNo,
          resolvedBy: grievance.resolvedBy,
          resolvedAt: grievance.resolvedAt,
          kind: grievance.kind,
          correlationId: uuidv7(),
        });
        return true;
      });
      if (didOpen) opened++;
    }
    if (opened > 0) this.logger.info({ count: opened }, 'opened the rating windows of resolved grievances that had none');
    return opened;
  }
}
