import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { FeedbackConfig } from '../config';
import { FeedbackRepository } from '../matters/feedback.repository';
import { AutoCloseScheduler } from './auto-close.scheduler';
import { CloseUnrated } from './close-unrated.use-case';

/**
 * Starts the auto-close worker and, from Postgres (the source of truth), re-arms the
 * timer of every resolved matter still unrated: on start, then every
 * AUTO_CLOSE_REARM_INTERVAL_MS (re-adding an armed job is harmless: its id is
 * deterministic), so neither a lost Redis nor one that was away when a matter was
 * resolved loses a deadline.
 */
@Injectable()
export class AutoCloseLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private sweep?: NodeJS.Timeout;

  constructor(
    private readonly config: FeedbackConfig,
    private readonly scheduler: AutoCloseScheduler,
    private readonly closeUnrated: CloseUnrated,
    private readonly repository: FeedbackRepository,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext('auto-close');
  }

  async onApplicationBootstrap(): Promise<void> {
    this.scheduler.start(async (job) => {
      const outcome = await this.closeUnrated.execute(job);
      this.logger.info({ grievanceId: job.grievanceId, resolutionNo: job.resolutionNo, outcome }, 'auto-close fired');
    });
    await this.rearmLogged();
    this.sweep = setInterval(() => void this.rearmLogged(), this.config.AUTO_CLOSE_REARM_INTERVAL_MS);
    this.sweep.unref();
  }

  onApplicationShutdown(): void {
    if (this.sweep) clearInterval(this.sweep);
  }

  private async rearmLogged(): Promise<void> {
    await this.rearm().catch((error: unknown) => this.logger.warn({ err: error }, 'could not re-arm the auto-close timers'));
  }

  async rearm(): Promise<number> {
    const due = await this.repository.resolvedUnrated();
    for (const matter of due) {
      await this.scheduler.arm({ grievanceId: matter.grievanceId, resolutionNo: matter.resolutionNo }, matter.resolvedAt);
    }
    if (due.length > 0) this.logger.debug({ count: due.length }, 're-armed auto-close timers');
    return due.length;
  }
}
