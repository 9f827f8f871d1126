import { ServiceConfig } from '@grievance/platform';

/**
 * The feedback service's environment: the shared variables of ServiceConfig with this
 * service's defaults (documented in services/feedback/.env.example).
 */
export class FeedbackConfig extends ServiceConfig {
  override SERVICE_NAME = 'feedback';
  override PORT = 3004;
  override DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/grievance_feedback';
}
