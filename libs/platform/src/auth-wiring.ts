import { AuthModule, AuthSettings } from '@grievance/auth';
import type { DynamicModule } from '@nestjs/common';
import type { ServiceConfig } from './config/service-config';

/** The JWT settings a service's config describes (see `@grievance/auth`). */
export function authSettingsFrom(config: ServiceConfig): AuthSettings {
  return {
    mode: config.AUTH_MODE,
    issuer: config.AUTH_ISSUER,
    audience: config.AUTH_AUDIENCE,
    jwksUrl: config.AUTH_JWKS_URL,
    devKeyDir: config.AUTH_DEV_KEY_DIR,
  };
}

/**
 * The one place the chassis wires authentication: a global guard that wants a bearer
 * JWT on every route not marked `@Public()` (from `@grievance/auth`).
 */
export function authModuleFor(config: ServiceConfig): DynamicModule {
  return AuthModule.forRoot(authSettingsFrom(config));
}
