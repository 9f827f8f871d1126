import { Transform } from 'class-transformer';
import { IsNumber, Max, Min } from 'class-validator';
import { EnvInteger, IsIntegerBetween, ServiceConfig } from '@grievance/platform';

const toNumber = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\s*\d+(\.\d+)?([eE]-?\d+)?\s*$/.test(value) ? Number(value.trim()) : value;

/**
 * The grid-dispatch service's environment: the shared variables of ServiceConfig with this
 * service's defaults (documented in services/grid-dispatch/.env.example).
 */
export class GridDispatchConfig extends ServiceConfig {
  override SERVICE_NAME = 'grid-dispatch';
  override PORT = 3003;
  override DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/grievance_grid_dispatch';

  /**
   * Multiplies every SLA deadline (tests and demos shrink time with e.g. 0.001); the same
   * bounds as the engine's parseTimeScale. The budgets themselves come from the SLA policies.
   */
  @Transform(toNumber)
  @IsNumber({}, { message: 'SLA_TIME_SCALE must be a number' })
  @Min(1e-7)
  @Max(1000)
  SLA_TIME_SCALE = 1;

  /** How far from the reported location a `confirmed` on-site check may be made. */
  @EnvInteger()
  @IsIntegerBetween(1, 100_000)
  VERIFY_MAX_DISTANCE_M = 200;
}
