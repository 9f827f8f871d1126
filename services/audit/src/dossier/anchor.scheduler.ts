import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { AuditConfig } from '../config';
import { TakeAnchor } from './take-anchor.use-case';

/** Takes a periodic anchor every ANCHOR_INTERVAL_MS; replicas take turns under the anchor lock. */
@Injectable()
export class AnchorScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly config: AuditConfig,
    private readonly takeAnchor: TakeAnchor,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext('anchor');
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.tick(), this.config.ANCHOR_INTERVAL_MS);
    this.timer.unref();
  }

  private tick(): void {
    if (this.running) return; // one anchor at a time in this process
    this.running = this.takeAnchor
      .execute('periodic')
      .catch((error: unknown) => this.logger.warn({ err: error }, 'periodic anchor failed; the next tick tries again'))
      .finally(() => (this.running = undefined));
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
