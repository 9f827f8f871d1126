import { ServiceConfig } from '@grievance/platform';

/**
 * The grid-dispatch service's environment: the shared variables of ServiceConfig with this
 * service's defaults (documented in services/grid-dispatch/.env.example).
 */
export class GridDispatchConfig extends ServiceConfig {
  override SERVICE_NAME = 'grid-dispatch';
  override PORT = 3003;
  override DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/grievance_grid_dispatch';
}
