import { Injectable, OnModuleDestroy } from '@nestjs/common';
import type { Pool } from 'pg';
import { openSidePool } from '@grievance/platform';
import { IntakeConfig } from '../config';

/**
 * Hands out the serials of tracking numbers from each day's counter row, on a small pool of
 * its own and outside the submission's transaction: the row is locked for one statement, not
 * until a submission commits, so submissions do not queue behind one another on it. A
 * submission that fails after taking its serial leaves a gap, as a sequence would; a serial is
 * never handed out twice.
 */
@Injectable()
export class TrackingSerials implements OnModuleDestroy {
  private readonly pool: Pool;

  constructor(config: IntakeConfig) {
    this.pool = openSidePool({ url: config.DATABASE_URL, applicationName: 'intake:tracking-serials', max: 2, connectTimeoutMs: 5_000 });
  }

  /** The next serial of a day (1 for its first submission). */
  async next(day: string): Promise<number> {
    const { rows } = await this.pool.query<{ last: string }>(
      `INSERT INTO intake_tracking_counters (day, last) VALUES ($1, 1)
       ON CONFLICT (day) DO UPDATE SET last = intake_tracking_counters.last + 1 RETURNING last`,
      [day],
    );
    return Number(rows[0]!.last);
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.end();
  }
}
