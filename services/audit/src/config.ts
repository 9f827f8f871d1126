import { ServiceConfig } from '@grievance/platform';

/**
 * The audit service's environment: the shared variables of ServiceConfig with this
 * service's defaults (documented in services/audit/.env.example).
 */
export class AuditConfig extends ServiceConfig {
  override SERVICE_NAME = 'audit';
  override PORT = 3005;
  override DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/grievance_audit';
}
