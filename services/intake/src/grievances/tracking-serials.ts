import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Pool } from 'pg';
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
    this.pool = new Pool({ connectionString: config.DATABASE_URL, max: 2, connectionTimeoutMillis: 5_000, application_name: 'intake:tracking-serials' });
    // A connection that breaks while idle is dropped by the pool; the next serial opens another.
    this.pool.on('error', () => undefined);
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
