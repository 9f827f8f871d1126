import { Transform } from 'class-transformer';
import { IsNumber, IsOptional, IsString, Max, Min } from 'class-validator';
import { EnvInteger, IsIntegerBetween, IsUrlWithScheme, ServiceConfig } from '@grievance/platform';

/** Environment strings arrive as strings; decimals are parsed strictly ("0.5x" stays invalid). */
const toDecimal = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\d+(\.\d+)?(e-?\d+)?$/i.test(value.trim()) ? Number(value.trim()) : value;

const SEVEN_DAYS_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * The feedback service's environment: the shared variables of ServiceConfig with this
 * service's defaults and its own (documented in services/feedback/.env.example).
 */
export class FeedbackConfig extends ServiceConfig {
  override SERVICE_NAME = 'feedback';
  override PORT = 3004;
  override DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/grievance_feedback';
  /**
   * Nobody waits on feedback's groups the way a grid worker waits for a ticket: a reporter's
   * notice or a staff bell a quarter second later, for a fraction of the broker reads and
   * transactions. A reporter who rates (or contests) what intake already shows them before
   * feedback has it waits for it (grievanceCaughtUp) instead of being refused.
   */
  override KAFKA_FETCH_GATHER_MS = 250;

  /** Where notifications are POSTed as JSON; empty turns outbound sending off (the inbox still fills). */
  @IsOptional()
  @IsString()
  @IsUrlWithScheme(['https:', 'http:'])
  NOTIFY_WEBHOOK_URL?: string;

  /** Points for the reporter of a report the grid worker confirmed on site. */
  @EnvInteger()
  @IsIntegerBetween(0, 10_000)
  POINTS_VERIFIED_REPORT = 10;

  /** The share of POINTS_VERIFIED_REPORT each co-reporter earns (rounded down). */
  @Transform(toDecimal)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'POINTS_CO_REPORTER_SHARE must be a number from 0 to 1' })
  @Min(0, { message: 'POINTS_CO_REPORTER_SHARE must be a number from 0 to 1' })
  @Max(1, { message: 'POINTS_CO_REPORTER_SHARE must be a number from 0 to 1' })
  POINTS_CO_REPORTER_SHARE = 0.5;

  /** The most volunteering points station staff may award one worker in a day (Asia/Shanghai), across every station. */
  @EnvInteger()
  @IsIntegerBetween(0, 10_000)
  VOLUNTEERING_DAILY_CAP = 20;

  /** The balance a worker needs to apply for a public-service benefit (五入: 入学, 入医, 入职, 入托, 入网); applying spends nothing. */
  @EnvInteger()
  @IsIntegerBetween(0, 1_000_000)
  BENEFITS_POINTS_THRESHOLD = 100;

  /** How long a resolved grievance waits for its rating before it closes by itself (before SLA_TIME_SCALE). */
  @EnvInteger()
  @IsIntegerBetween(1, 365 * 24 * 60 * 60 * 1000)
  AUTO_CLOSE_AFTER_MS = SEVEN_DAYS_MS;

  /** How long after a grid worker's invalid verdict its reporter may contest it (once); a rule checked on request, not a timer. */
  @EnvInteger()
  @IsIntegerBetween(1, 365 * 24 * 60 * 60 * 1000)
  CONTEST_WINDOW_MS = SEVEN_DAYS_MS;

  /** Multiplies every deadline (1 = real time; tests use a small one). */
  @Transform(toDecimal)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'SLA_TIME_SCALE must be a number from 0.0000001 to 1000' })
  @Min(0.0000001, { message: 'SLA_TIME_SCALE must be a number from 0.0000001 to 1000' })
  @Max(1000, { message: 'SLA_TIME_SCALE must be a number from 0.0000001 to 1000' })
  SLA_TIME_SCALE = 1;

  /** How often pending notifications are handed to the sender (when NOTIFY_WEBHOOK_URL is set). */
  @EnvInteger()
  @IsIntegerBetween(50, 60_000)
  NOTIFY_POLL_INTERVAL_MS = 1000;
}
