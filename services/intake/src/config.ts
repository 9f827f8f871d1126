import { ServiceConfig } from '@grievance/platform';

/**
 * The intake service's environment: the shared variables of ServiceConfig with this
 * service's defaults (documented in services/intake/.env.example).
 */
export class IntakeConfig extends ServiceConfig {
  override SERVICE_NAME = 'intake';
  override PORT = 3001;
  override DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/grievance_intake';
}
