import { ServiceConfig } from '@grievance/platform';

/**
 * The routing service's environment: the shared variables of ServiceConfig with this
 * service's defaults (documented in services/routing/.env.example).
 */
export class RoutingConfig extends ServiceConfig {
  override SERVICE_NAME = 'routing';
  override PORT = 3002;
  override DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/grievance_routing';
}
