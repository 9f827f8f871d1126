import { resolve } from 'node:path';

/**
 * How a service checks who is calling. Development signs and verifies with a local key
 * pair kept under `.cache/dev-keys`; production only trusts an identity provider's JWKS.
 */
export type AuthMode = 'development' | 'production';

export interface AuthSettings {
  mode: AuthMode;
  /** Expected `iss` claim. */
  issuer: string;
  /** Expected `aud` claim. */
  audience: string;
  /** The identity provider's JWKS endpoint; required in production, unused in development. */
  jwksUrl?: string;
  /** Where the development key pair lives; development only (production refuses it). */
  devKeyDir?: string;
  /** Leeway for exp / nbf, in seconds, to absorb clock drift between hosts. */
  clockToleranceSec?: number;
}

/** Settings with every default filled in and every rule checked. */
export type ResolvedAuthSettings =
  | {
      mode: 'development';
      issuer: string;
      audience: string;
      devKeyDir: string;
      clockToleranceSec: number;
    }
  | {
      mode: 'production';
      issuer: string;
      audience: string;
      jwksUrl: URL;
      clockToleranceSec: number;
    };

export const DEV_ISSUER = 'grievance-dev';
export const DEV_AUDIENCE = 'grievance-api';
/** Small on purpose: enough for NTP drift, not enough to keep an expired token useful. */
export const DEFAULT_CLOCK_TOLERANCE_SEC = 5;
/** A working day, so a token from `npm run token` lasts a manual testing session. */
export const DEFAULT_DEV_TOKEN_TTL_SEC = 3600 * 12;

/** Thrown when settings are unsafe or incomplete: the service must not start with them. */
export class AuthConfigError extends Error {
  override readonly name = 'AuthConfigError';
}

/**
 * `.cache/dev-keys` under the working directory: the repository root, where every script,
 * test and service of this checkout is started (a container's is /app), so all of them share
 * the key. Git-ignored.
 */
export function defaultDevKeyDir(): string {
  return resolve('.cache', 'dev-keys');
}

/** Development settings with the documented defaults; anything can be overridden. */
export function developmentAuthSettings(overrides: Partial<Omit<AuthSettings, 'mode'>> = {}): AuthSettings {
  return {
    mode: 'development',
    issuer: DEV_ISSUER,
    audience: DEV_AUDIENCE,
    ...overrides,
  };
}

/**
 * Checks the settings and fills in defaults. Throws AuthConfigError when a service
 * would otherwise start with weaker checks than it believes it has.
 */
export function resolveAuthSettings(settings: AuthSettings): ResolvedAuthSettings {
  const problems: string[] = [];
  if (settings.mode !== 'development' && settings.mode !== 'production') {
    problems.push(`mode must be "development" or "production", got ${JSON.stringify(settings.mode)}`);
  }
  if (!nonEmpty(settings.issuer)) problems.push('issuer must be a non-empty string');
  if (!nonEmpty(settings.audience)) problems.push('audience must be a non-empty string');
  const clockToleranceSec = settings.clockToleranceSec ?? DEFAULT_CLOCK_TOLERANCE_SEC;
  if (!Number.isFinite(clockToleranceSec) || clockToleranceSec < 0 || clockToleranceSec > 300) {
    problems.push('clockToleranceSec must be between 0 and 300 seconds');
  }

  if (settings.mode === 'production') {
    // A production service that quietly fell back to a locally generated key would
    // accept tokens anyone with a checkout can mint.
    if (settings.devKeyDir !== undefined) {
      problems.push('devKeyDir is for development only: production verifies against the identity provider JWKS');
    }
    const jwksUrl = parseJwksUrl(settings.jwksUrl, problems);
    if (problems.length > 0) throw configError(problems);
    return {
      mode: 'production',
      issuer: settings.issuer,
      audience: settings.audience,
      jwksUrl: jwksUrl!,
      clockToleranceSec,
    };
  }

  if (problems.length > 0) throw configError(problems);
  return {
    mode: 'development',
    issuer: settings.issuer,
    audience: settings.audience,
    devKeyDir: settings.devKeyDir ?? defaultDevKeyDir(),
    clockToleranceSec,
  };
}

function parseJwksUrl(raw: string | undefined, problems: string[]): URL | undefined {
  if (!nonEmpty(raw)) {
    problems.push('jwksUrl is required in production mode');
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    problems.push(`jwksUrl is not a URL: ${raw}`);
    return undefined;
  }
  // Keys fetched over plain HTTP could be swapped in transit; loopback is allowed for
  // an identity provider running beside the service.
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    problems.push(`jwksUrl must use https: ${raw}`);
    return undefined;
  }
  return url;
}

function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

function configError(problems: string[]): AuthConfigError {
  return new AuthConfigError(`invalid auth settings: ${problems.join('; ')}`);
}
