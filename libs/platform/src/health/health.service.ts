import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import type { Redis } from 'ioredis';
import type { Pool } from 'pg';
import { KafkaConnection, withTimeout } from '@grievance/messaging';
import { ServiceConfig } from '../config/service-config';
import { openSidePool } from '../database/side-pool';
import { REDIS_CLIENT, SERVICE_CONFIG } from '../tokens';
import { ensureRedisConnected } from '../redis/redis-client';

export const HEALTH_CHECK_TIMEOUT_MS = 1_500;

export type Dependency = 'postgres' | 'redis' | 'kafka';
export type DependencyState = 'up' | 'down';

export type HealthReport =
  | { status: 'ok'; checks: Record<Dependency, DependencyState> }
  | { status: 'error'; checks: Record<Dependency, DependencyState>; down: Dependency[]; message: string[] };

/** A named probe that resolves when the dependency answers and throws otherwise. */
export type HealthProbe = () => Promise<unknown>;

/**
 * Asks Postgres, Redis and Kafka in parallel, each with its own deadline, and reports
 * which are down. It never throws.
 */
export async function runHealthChecks(
  probes: Record<Dependency, HealthProbe>,
  timeoutMs = HEALTH_CHECK_TIMEOUT_MS,
): Promise<{ report: HealthReport; failures: Partial<Record<Dependency, string>> }> {
  const names = Object.keys(probes) as Dependency[];
  const results = await Promise.allSettled(names.map((name) => withTimeout(probes[name](), timeoutMs, `${name} did not answer`)));
  const checks = {} as Record<Dependency, DependencyState>;
  const failures: Partial<Record<Dependency, string>> = {};
  results.forEach((result, index) => {
    const name = names[index]!;
    checks[name] = result.status === 'fulfilled' ? 'up' : 'down';
    if (result.status === 'rejected') failures[name] = describe(result.reason);
  });
  const down = names.filter((name) => checks[name] === 'down');
  const report: HealthReport =
    down.length === 0
      ? { status: 'ok', checks }
      : { status: 'error', checks, down, message: down.map((name) => `${name} is down`) };
  return { report, failures };
}

@Injectable()
export class HealthService implements OnApplicationShutdown {
  /**
   * Postgres is asked on a connection of its own: through the service's pool, a busy service's
   * probe would wait behind its own queries and be reported as a database that is down.
   */
  private readonly probe: Pool;

  constructor(
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    private readonly kafka: KafkaConnection,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext('health');
    this.probe = openSidePool({ url: config.DATABASE_URL, applicationName: `${config.SERVICE_NAME}:health`, max: 1, connectTimeoutMs: HEALTH_CHECK_TIMEOUT_MS });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.probe.end().catch(() => undefined);
  }

  async check(): Promise<HealthReport> {
    const { report, failures } = await runHealthChecks({
      postgres: () => this.probe.query('SELECT 1'),
      redis: async () => {
        await ensureRedisConnected(this.redis);
        const answer = await this.redis.ping();
        if (answer !== 'PONG') throw new Error(`redis answered ${answer}`);
      },
      kafka: () => this.kafka.ping(HEALTH_CHECK_TIMEOUT_MS),
    });
    if (report.status === 'error') this.logger.warn({ down: report.down, reasons: failures }, 'health check failed');
    return report;
  }
}

function describe(reason: unknown): string {
  return reason instanceof Error ? reason.message : String(reason);
}
