import * as path from 'node:path';

/** The five services the console passes `/api/<service>/…` through to, with their default URLs. */
export const UPSTREAMS = {
  intake: 'http://127.0.0.1:3001',
  routing: 'http://127.0.0.1:3002',
  'grid-dispatch': 'http://127.0.0.1:3003',
  feedback: 'http://127.0.0.1:3004',
  audit: 'http://127.0.0.1:3005',
} as const;
export type UpstreamName = keyof typeof UPSTREAMS;

/** The environment variable holding a service's URL: INTAKE_URL, GRID_DISPATCH_URL, … */
export const upstreamVariable = (name: UpstreamName): string => `${name.toUpperCase().replace(/-/g, '_')}_URL`;

export interface ConsoleConfig {
  port: number;
  host: string;
  upstreams: Record<UpstreamName, URL>;
  /** Where the built single-page app is (index.html and assets/). */
  webDir: string;
  authMode: 'development' | 'production';
  authIssuer: string;
  authAudience: string;
  authJwksUrl?: string;
  authDevKeyDir?: string;
  /** OIDC (production): the identity provider's issuer URL, the console's client id and secret, where it comes back to. */
  oidc?: { issuerUrl: URL; clientId: string; clientSecret?: string; redirectUrl: URL; scope: string };
  /** Cookies carry Secure (always in production: the console is behind HTTPS there). */
  secureCookies: boolean;
  /** Map tiles (`https://tile.example/{z}/{x}/{y}.png`); empty: grid polygons on a plain background. */
  tileUrl: string;
  logLevel: string;
}

export class ConsoleConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid console configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

/** Reads and checks the environment; every problem at once. */
export function loadConsoleConfig(env: NodeJS.ProcessEnv = process.env): ConsoleConfig {
  const problems: string[] = [];
  const value = (name: string) => (env[name] === undefined || env[name] === '' ? undefined : env[name]);
  const url = (name: string, fallback?: string): URL | undefined => {
    const raw = value(name) ?? fallback;
    if (raw === undefined) return undefined;
    try {
      const parsed = new URL(raw);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('not http');
      return parsed;
    } catch {
      problems.push(`${name} must be an http(s) URL, got "${raw}"`);
      return undefined;
    }
  };
  const portRaw = value('PORT') ?? '3000';
  const port = Number(portRaw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`PORT must be a port number, got "${portRaw}"`);
  const upstreams = {} as Record<UpstreamName, URL>;
  for (const [name, fallback] of Object.entries(UPSTREAMS) as [UpstreamName, string][]) {
    upstreams[name] = url(upstreamVariable(name), fallback) ?? new URL(fallback);
  }
  const nodeEnv = value('NODE_ENV') ?? 'development';
  const authMode = value('AUTH_MODE') ?? 'development';
  if (authMode !== 'development' && authMode !== 'production') problems.push(`AUTH_MODE must be development or production, got "${authMode}"`);
  if (nodeEnv === 'production' && authMode !== 'production') problems.push('NODE_ENV=production requires AUTH_MODE=production');
  let oidc: ConsoleConfig['oidc'];
  if (authMode === 'production') {
    const issuerUrl = url('OIDC_ISSUER_URL');
    const redirectUrl = url('OIDC_REDIRECT_URL');
    const clientId = value('OIDC_CLIENT_ID');
    if (!value('OIDC_ISSUER_URL')) problems.push('OIDC_ISSUER_URL is required when AUTH_MODE=production');
    if (!value('OIDC_REDIRECT_URL')) problems.push('OIDC_REDIRECT_URL is required when AUTH_MODE=production (https://<console>/api/auth/callback)');
    if (!clientId) problems.push('OIDC_CLIENT_ID is required when AUTH_MODE=production');
    if (!value('AUTH_JWKS_URL')) problems.push('AUTH_JWKS_URL is required when AUTH_MODE=production');
    if (issuerUrl && redirectUrl && clientId) {
      oidc = { issuerUrl, redirectUrl, clientId, clientSecret: value('OIDC_CLIENT_SECRET'), scope: value('OIDC_SCOPE') ?? 'openid profile' };
    }
  }
  const tileUrl = value('MAP_TILE_URL') ?? '';
  if (tileUrl && !/^https?:\/\/[^\s]+\{z\}[^\s]*\{x\}[^\s]*\{y\}/.test(tileUrl)) problems.push(`MAP_TILE_URL must be an http(s) URL with {z}, {x} and {y}, got "${tileUrl}"`);
  if (problems.length) throw new ConsoleConfigError(problems);
  return {
    port,
    host: value('HOST') ?? '0.0.0.0',
    upstreams,
    webDir: path.resolve(value('CONSOLE_WEB_DIR') ?? path.join(__dirname, '..', 'dist', 'web')),
    authMode: authMode as ConsoleConfig['authMode'],
    authIssuer: value('AUTH_ISSUER') ?? 'grievance-dev',
    authAudience: value('AUTH_AUDIENCE') ?? 'grievance-api',
    authJwksUrl: value('AUTH_JWKS_URL'),
    authDevKeyDir: value('AUTH_DEV_KEY_DIR'),
    oidc,
    secureCookies: authMode === 'production' || value('COOKIE_SECURE') === 'true',
    tileUrl,
    logLevel: value('LOG_LEVEL') ?? 'info',
  };
}
