import { existsSync } from 'node:fs';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { findRepoRoot } from '@grievance/auth';
import { demoCitySeedFile } from '@grievance/directory-seed';
import { ServiceConfig } from '@grievance/platform';

/**
 * The routing service's environment: the shared variables of ServiceConfig with this
 * service's defaults (documented in services/routing/.env.example).
 */
export class RoutingConfig extends ServiceConfig {
  override SERVICE_NAME = 'routing';
  override PORT = 3002;
  override DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/grievance_routing';

  /**
   * A directory seed file (JSON, the shape of deploy/seed/demo-city.json) upserted into the
   * directory at start. Unset: the demo city in development, nothing otherwise.
   */
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  DIRECTORY_SEED_FILE?: string;

  /** The seed file to load at start, if any. */
  seedFile(): string | undefined {
    if (this.DIRECTORY_SEED_FILE) return this.DIRECTORY_SEED_FILE;
    if (this.NODE_ENV !== 'development') return undefined;
    try {
      const demo = demoCitySeedFile(findRepoRoot());
      return existsSync(demo) ? demo : undefined;
    } catch {
      return undefined;
    }
  }
}
