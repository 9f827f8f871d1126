import { EnvInteger, IsIntegerBetween, ServiceConfig } from '@grievance/platform';

/**
 * The audit service's environment: the shared variables of ServiceConfig with this
 * service's defaults and its own (documented in services/audit/.env.example).
 */
export class AuditConfig extends ServiceConfig {
  override SERVICE_NAME = 'audit';
  override PORT = 3005;
  override DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/grievance_audit';
  /**
   * Nobody waits on the audit trail, and this one group reads every topic: gathering a
   * quarter of a second of events per fetch spares the broker a read of every partition per
   * event and the database a transaction per event. A fetch is applied in one transaction, so
   * a trace never shows a later step without an earlier one.
   */
  override KAFKA_FETCH_GATHER_MS = 250;

  /** How often an anchor over every chain's head is taken (skipped when nothing was appended since the last one). */
  @EnvInteger()
  @IsIntegerBetween(1000, 24 * 60 * 60 * 1000)
  ANCHOR_INTERVAL_MS = 5 * 60 * 1000;

  /** The UTC offset, in minutes, that months of the rankings are cut in (480: China Standard Time). */
  @EnvInteger()
  @IsIntegerBetween(-720, 840)
  REPORTING_UTC_OFFSET_MINUTES = 480;
}
