import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { JwtVerifier, TokenRejectedError, signDevToken, type Principal } from '@grievance/auth';
import pino, { type Logger } from 'pino';
import { ConsoleConfig, UPSTREAMS, UpstreamName } from './config';
import { appendSetCookie, CSRF_COOKIE, CSRF_HEADER, newCsrfToken, OIDC_COOKIE, readCookies, sameToken, serializeCookie, SESSION_COOKIE } from './cookies';
import { OidcClient, PendingSignIn } from './oidc';
import { Persona } from './personas';
import { proxyRequest } from './proxy';
import { serveStatic } from './static-files';

export interface ConsoleServerOptions {
  config: ConsoleConfig;
  /** The development sign-in page's people; ignored in production. */
  personas: Persona[];
  logger?: Logger;
}

export interface ConsoleServer {
  server: http.Server;
  url: string;
  close(): Promise<void>;
}

const SESSION_TTL_SEC = 12 * 3600;
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The console's one origin: the built app, `/api/<service>/…` passed through to the five
 * services with the session's token as the bearer, and the session itself (development
 * personas or OIDC sign-in, `/api/session`, sign-out).
 */
export async function startConsoleServer(options: ConsoleServerOptions): Promise<ConsoleServer> {
  const { config } = options;
  const logger = options.logger ?? pino({ level: config.logLevel, base: { service: 'console' }, redact: ['req.headers.cookie', 'req.headers.authorization'] });
  const verifier = new JwtVerifier(
    config.authMode === 'production'
      ? { mode: 'production', issuer: config.authIssuer, audience: config.authAudience, jwksUrl: config.authJwksUrl }
      : { mode: 'development', issuer: config.authIssuer, audience: config.authAudience, devKeyDir: config.authDevKeyDir },
  );
  await verifier.init();
  const development = config.authMode === 'development';
  const personas = new Map(development ? options.personas.map((p) => [p.id, p]) : []);
  const oidc = config.oidc ? new OidcClient(config.oidc) : undefined;
  const cookie = (httpOnly: boolean, maxAgeSec?: number) => ({ httpOnly, secure: config.secureCookies, maxAgeSec });

  const json = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
    res.end(JSON.stringify(body));
  };
  const refuse = (res: http.ServerResponse, status: number, message: string) =>
    json(res, status, { statusCode: status, error: http.STATUS_CODES[status], message: [message] });

  /** Every page gets a CSRF token to send back; a new one only when it has none. */
  const ensureCsrf = (req: http.IncomingMessage, res: http.ServerResponse): string => {
    const existing = readCookies(req)[CSRF_COOKIE];
    if (existing) return existing;
    const token = newCsrfToken();
    appendSetCookie(res, serializeCookie(CSRF_COOKIE, token, cookie(false)));
    return token;
  };
  const csrfOk = (req: http.IncomingMessage) => sameToken(String(req.headers[CSRF_HEADER] ?? ''), readCookies(req)[CSRF_COOKIE]);
  const setSession = (res: http.ServerResponse, token: string, maxAgeSec: number) => {
    appendSetCookie(res, serializeCookie(SESSION_COOKIE, token, cookie(true, maxAgeSec)));
    // A fresh CSRF token with every new session.
    appendSetCookie(res, serializeCookie(CSRF_COOKIE, newCsrfToken(), cookie(false)));
  };
  const clearSession = (res: http.ServerResponse) => appendSetCookie(res, serializeCookie(SESSION_COOKIE, '', cookie(true, 0)));

  async function principalOf(req: http.IncomingMessage): Promise<Principal | undefined> {
    const token = readCookies(req)[SESSION_COOKIE];
    if (!token) return undefined;
    try {
      return await verifier.verify(token);
    } catch (error) {
      if (error instanceof TokenRejectedError) return undefined;
      throw error;
    }
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://console');
    const method = req.method ?? 'GET';
    securityHeaders(res, config.tileUrl);
    if (url.pathname === '/health') return json(res, 200, { status: 'ok' });
    if (!url.pathname.startsWith('/api/')) {
      if (method !== 'GET' && method !== 'HEAD') return refuse(res, 405, 'only GET and HEAD outside /api');
      ensureCsrf(req, res);
      return serveStatic(req, res, config.webDir);
    }
    if (STATE_CHANGING.has(method) && !csrfOk(req)) return refuse(res, 403, `${CSRF_HEADER} must carry the ${CSRF_COOKIE} cookie's value`);

    const [, , first, ...rest] = url.pathname.split('/');
    if (first && first in UPSTREAMS) {
      const target = new URL(`/${rest.join('/')}${url.search}`, config.upstreams[first as UpstreamName]);
      return proxyRequest(req, res, target, readCookies(req)[SESSION_COOKIE], logger);
    }
    const route = `${method} ${url.pathname}`;
    switch (route) {
      case 'GET /api/config':
        ensureCsrf(req, res);
        return json(res, 200, { authMode: config.authMode, tileUrl: config.tileUrl || null });
      case 'GET /api/session': {
        ensureCsrf(req, res);
        const principal = await principalOf(req);
        if (!principal) return refuse(res, 401, 'not signed in');
        const persona = development ? [...personas.values()].find((p) => p.principal.sub === principal.sub) : undefined;
        return json(res, 200, { principal, name: persona?.name ?? principal.sub });
      }
      case 'POST /api/sign-out': {
        clearSession(res);
        const endSession = oidc ? await oidc.signOutUrl().catch(() => undefined) : undefined;
        return json(res, 200, { signedOut: true, endSessionUrl: endSession ?? null });
      }
    }
    if (development) {
      if (route === 'GET /api/dev/personas') {
        ensureCsrf(req, res);
        return json(res, 200, [...personas.values()].map(({ id, name, group, principal }) => ({ id, name, group, principal })));
      }
      if (route === 'POST /api/dev/sign-in') {
        const body = await readJson(req);
        const persona = typeof body?.personaId === 'string' ? personas.get(body.personaId) : undefined;
        if (!persona) return refuse(res, 400, 'personaId must be one of the demo personas');
        setSession(res, await signDevToken(persona.principal, { ttlSeconds: SESSION_TTL_SEC }), SESSION_TTL_SEC);
        return json(res, 200, { principal: persona.principal, name: persona.name });
      }
    } else if (oidc) {
      if (route === 'GET /api/auth/login') {
        const returnTo = url.searchParams.get('returnTo') ?? '/';
        const { url: location, pending } = await oidc.begin(returnTo.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/');
        appendSetCookie(res, serializeCookie(OIDC_COOKIE, JSON.stringify(pending), { httpOnly: true, secure: config.secureCookies, maxAgeSec: 600, path: '/api/auth' }));
        res.writeHead(302, { location });
        return void res.end();
      }
      if (route === 'GET /api/auth/callback') {
        let pending: PendingSignIn | undefined;
        try {
          pending = JSON.parse(readCookies(req)[OIDC_COOKIE] ?? '') as PendingSignIn;
        } catch {
          pending = undefined;
        }
        const code = url.searchParams.get('code');
        if (!pending || !code || url.searchParams.get('state') !== pending.state) return refuse(res, 400, 'state does not match a sign-in this browser started');
        const { accessToken, expiresInSec } = await oidc.finish(code, pending);
        // The services will verify it too; checked here so a bad token never becomes a session.
        await verifier.verify(accessToken);
        appendSetCookie(res, serializeCookie(OIDC_COOKIE, '', { httpOnly: true, secure: config.secureCookies, maxAgeSec: 0, path: '/api/auth' }));
        setSession(res, accessToken, expiresInSec ?? 3600);
        res.writeHead(302, { location: pending.returnTo });
        return void res.end();
      }
    }
    return refuse(res, 404, `no ${route}`);
  }

  const server = http.createServer((req, res) => {
    const started = Date.now();
    res.once('finish', () => logger.info({ method: req.method, path: req.url?.split('?')[0], status: res.statusCode, ms: Date.now() - started }, 'request'));
    handle(req, res).catch((error: unknown) => {
      logger.error({ err: error }, 'request failed');
      if (error instanceof TokenRejectedError) return refuse(res, 401, error.message);
      if (!res.headersSent) refuse(res, 500, 'the console could not answer');
      else res.destroy();
    });
  });
  // Event streams stay open for as long as the page does.
  server.requestTimeout = 0;
  server.headersTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${address.port}`;
  logger.info({ url, authMode: config.authMode }, 'console listening');
  return {
    server,
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The page runs only its own scripts; styles inline (the component library injects them); pictures from here, data: and blob: (previews) and the tile server. */
function securityHeaders(res: http.ServerResponse, tileUrl: string): void {
  const tiles = tileUrl ? ` ${new URL(tileUrl.replace(/\{[a-z]\}/g, '0')).origin}` : '';
  res.setHeader(
    'content-security-policy',
    `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:${tiles}; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'`,
  );
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'same-origin');
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('permissions-policy', 'geolocation=(self), camera=(self)');
}

async function readJson(req: http.IncomingMessage): Promise<Record<string, unknown> | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 16 * 1024) return undefined;
    chunks.push(chunk as Buffer);
  }
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
