import { Injectable, OnModuleDestroy } from '@nestjs/common';
import type { Pool } from 'pg';
import { openSidePool } from '@grievance/platform';
import { IntakeConfig } from '../config';

/**
 * Serials a replica takes from a day's counter at once. Taking them one by one cost every
 * submission a statement and a commit of its own (the wait for the WAL flush on the HTTP
 * path); a block costs one in this many. A replica that stops leaves the rest of its block
 * unused: a gap in the day's numbers, as a cached sequence leaves.
 */
export const TRACKING_SERIAL_BLOCK = 20;

interface Block {
  next: number;
  last: number;
}

/**
 * Hands out the serials of tracking numbers from each day's counter row, a block at a time,
 * on a small pool of its own and outside the submission's transaction: the row is locked for
 * one statement, not until a submission commits, so submissions do not queue behind one
 * another on it. A serial is never handed out twice, across replicas and restarts; with
 * several replicas the day's numbers interleave, and a submission that fails after taking its
 * serial leaves a gap.
 */
@Injectable()
export class TrackingSerials implements OnModuleDestroy {
  private readonly pool: Pool;
  /** This replica's unused serials, by day (only the current day's is kept). */
  private readonly blocks = new Map<string, Block>();
  /** The block being taken for a day: submissions meanwhile wait for it instead of each taking one. */
  private readonly taking = new Map<string, Promise<void>>();

  constructor(config: IntakeConfig) {
    this.pool = openSidePool({ url: config.DATABASE_URL, applicationName: 'intake:tracking-serials', max: 2, connectTimeoutMs: 5_000 });
  }

  /** The next serial of a day (1 for the day's first submission). */
  async next(day: string): Promise<number> {
    for (;;) {
      const block = this.blocks.get(day);
      if (block && block.next <= block.last) return block.next++;
      let taking = this.taking.get(day);
      if (!taking) {
        taking = this.takeBlock(day).finally(() => this.taking.delete(day));
        this.taking.set(day, taking);
      }
      await taking;
    }
  }

  private async takeBlock(day: string): Promise<void> {
    const { rows } = await this.pool.query<{ last: string }>(
      `INSERT INTO intake_tracking_counters (day, last) VALUES ($1, $2)
       ON CONFLICT (day) DO UPDATE SET last = intake_tracking_counters.last + $2 RETURNING last`,
      [day, TRACKING_SERIAL_BLOCK],
    );
    const last = Number(rows[0]!.last);
    for (const other of this.blocks.keys()) if (other !== day) this.blocks.delete(other);
    this.blocks.set(day, { next: last - TRACKING_SERIAL_BLOCK + 1, last });
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.end();
  }
}
