import { IsNumber, Max, Min } from 'class-validator';
import { EnvInteger, EnvNumber, IsIntegerBetween, ServiceConfig } from '@grievance/platform';

/**
 * The routing service's environment: the shared variables of ServiceConfig with this
 * service's defaults (documented in services/routing/.env.example).
 */
export class RoutingConfig extends ServiceConfig {
  override SERVICE_NAME = 'routing';
  override PORT = 3002;
  override DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/grievance_routing';

  /** Multiplies every SLA deadline (1 = real time; 0.001 runs a 24-hour chain in 86 s, for demos and tests). */
  @EnvNumber()
  @IsNumber({}, { message: 'SLA_TIME_SCALE must be a number' })
  @Min(0.0000001)
  @Max(1000)
  SLA_TIME_SCALE = 1;

  /** A grievance returned down the chain (退单) more often than this goes to the 两新工委 for arbitration. */
  @EnvInteger()
  @IsIntegerBetween(0, 100)
  CHAIN_MAX_RETURNS = 2;

  /**
   * How many rounds of supervision (督办) a grievance gets: each follow-up deadline the supervising
   * unit misses supervises it again, up to this round; a miss in the last round is recorded
   * (sla.breached.v1) and logged, no further round.
   */
  @EnvInteger()
  @IsIntegerBetween(1, 20)
  SUPERVISION_MAX_ROUNDS = 3;
}
