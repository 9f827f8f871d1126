import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { uuidv7 } from '@grievance/contracts';
import { TransactionalOutbox } from '@grievance/messaging';
import { PinoLogger } from 'nestjs-pino';
import { FeedbackRepository } from '../matters/feedback.repository';
import { RatingWindows } from './rating-window';

/**
 * On start, every resolved matter still unrated in Postgres (the source of truth) gets its
 * rating window if it has none: the matters resolved before the windows were deadlines of
 * the SLA engine (the timers of a deployed system carry over), and any row written without
 * one. The engine itself re-arms every open window whatever Redis lost.
 */
@Injectable()
export class AutoCloseLifecycle implements OnApplicationBootstrap {
  constructor(
    private readonly outbox: TransactionalOutbox,
    private readonly repository: FeedbackRepository,
    private readonly windows: RatingWindows,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext('auto-close');
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.rearm();
  }

  /** Opens the missing windows, each with its matter locked (a resolution being consumed meanwhile wins); returns how many. */
  async rearm(): Promise<number> {
    const missing = await this.windows.missing(await this.repository.resolvedUnrated());
    let opened = 0;
    for (const grievanceId of missing) {
      const didOpen = await this.outbox.run(async (tx) => {
        const matter = await this.repository.findMatter(tx.manager, grievanceId, { lock: true });
        if (!matter || matter.status !== 'resolved' || !matter.resolvedBy || !matter.resolvedAt) return false;
        if ((await this.windows.missing([matter], tx)).length === 0) return false;
        await this.windows.open(tx, {
          grievanceId,
          resolutionNo: matter.resolutionNo,
          resolvedBy: matter.resolvedBy,
          resolvedAt: matter.resolvedAt,
          kind: matter.kind,
          correlationId: uuidv7(),
        });
        return true;
      });
      if (didOpen) opened++;
    }
    if (opened > 0) this.logger.info({ count: opened }, 'opened the rating windows of resolved matters that had none');
    return opened;
  }
}
