import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import pino from 'pino';
import { loadConsoleConfig } from './config';
import { demoPersonas } from './personas';
import { ConsoleServer, startConsoleServer } from './server';

const silent = pino({ level: 'silent' });
const listen = async (server: http.Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};
const cookiesOf = (response: Response) => response.headers.getSetCookie();
const jar = (setCookies: string[]) => setCookies.map((c) => c.split(';')[0]).join('; ');
const value = (setCookies: string[], name: string) => setCookies.find((c) => c.startsWith(`${name}=`))?.split(';')[0]!.slice(name.length + 1);

/**
 * The console's server on its own: a stand-in service behind it records what it is sent
 * and answers with an event stream; in production mode, a local identity provider.
 */
describe('the console server', () => {
  const seen: { method: string; url: string; headers: http.IncomingHttpHeaders; body: string }[] = [];
  let upstream: http.Server;
  let upstreamUrl: string;
  let webDir: string;

  beforeAll(async () => {
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'console-web-'));
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>console</title>');
    upstream = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({ method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString('latin1') });
        if (req.url === '/v1/tickets/stream') {
          res.writeHead(200, { 'content-type': 'text/event-stream' });
          res.write('event: ticket\ndata: {"n":1}\n\n');
          return; // stays open, as a real stream does
        }
        res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'upstream=1' });
        res.end('{"ok":true}');
      });
    });
    upstreamUrl = await listen(upstream);
  });
  afterAll(async () => {
    upstream.closeAllConnections();
    await new Promise((resolve) => upstream.close(resolve));
  });

  describe('in development', () => {
    let consoleServer: ConsoleServer;
    beforeAll(async () => {
      const config = loadConsoleConfig({ PORT: '0', HOST: '127.0.0.1', INTAKE_URL: upstreamUrl, GRID_DISPATCH_URL: upstreamUrl, CONSOLE_WEB_DIR: webDir });
      consoleServer = await startConsoleServer({ config, personas: demoPersonas(path.join(__dirname, '..', '..', '..', 'deploy', 'seed', 'demo-city')), logger: silent });
    });
    afterAll(() => consoleServer.close());

    async function signedIn(personaId = 'rider-1'): Promise<{ cookie: string; csrf: string }> {
      const first = await fetch(`${consoleServer.url}/api/config`);
      const csrf = value(cookiesOf(first), 'gr_csrf')!;
      const response = await fetch(`${consoleServer.url}/api/dev/sign-in`, {
        method: 'POST',
        headers: { cookie: `gr_csrf=${csrf}`, 'x-csrf-token': csrf, 'content-type': 'application/json' },
        body: JSON.stringify({ personaId }),
      });
      expect(response.status).toBe(200);
      const set = cookiesOf(response);
      return { cookie: jar(set), csrf: value(set, 'gr_csrf')! };
    }

    it('lists the demo city\'s personas and signs one in with an httpOnly, SameSite session cookie page scripts cannot read', async () => {
      const personas = (await (await fetch(`${consoleServer.url}/api/dev/personas`)).json()) as { group: string }[];
      expect(new Set(personas.map((p) => p.group))).toEqual(new Set(['worker', 'grid_worker', 'department', 'station_staff', 'member', 'branch', 'industry_committee', 'two_new_committee', 'auditor', 'admin']));
      const first = await fetch(`${consoleServer.url}/api/config`);
      const csrf = value(cookiesOf(first), 'gr_csrf')!;
      const response = await fetch(`${consoleServer.url}/api/dev/sign-in`, {
        method: 'POST',
        headers: { cookie: `gr_csrf=${csrf}`, 'x-csrf-token': csrf, 'content-type': 'application/json' },
        body: JSON.stringify({ personaId: 'gw-xiangyun-yuhua-g1-1' }),
      });
      const session = cookiesOf(response).find((c) => c.startsWith('gr_session='))!;
      expect(session).toMatch(/HttpOnly/);
      expect(session).toMatch(/SameSite=Strict/);
      expect(cookiesOf(response).find((c) => c.startsWith('gr_csrf='))).not.toMatch(/HttpOnly/);
      const me = await fetch(`${consoleServer.url}/api/session`, { headers: { cookie: jar(cookiesOf(response)) } });
      expect(await me.json()).toMatchObject({ principal: { sub: 'gw-xiangyun-yuhua-g1-1', role: 'grid_worker', gridId: 'xiangyun-yuhua-g1' } });
    });

    it('refuses a state change without the CSRF token, and an unknown persona, and says who is not signed in', async () => {
      const { cookie } = await signedIn();
      expect((await fetch(`${consoleServer.url}/api/intake/v1/grievances`, { method: 'POST', headers: { cookie }, body: '{}' })).status).toBe(403);
      expect((await fetch(`${consoleServer.url}/api/sign-out`, { method: 'POST', headers: { cookie, 'x-csrf-token': 'forged' } })).status).toBe(403);
      const csrf = value(cookiesOf(await fetch(`${consoleServer.url}/api/config`)), 'gr_csrf')!;
      const unknown = await fetch(`${consoleServer.url}/api/dev/sign-in`, { method: 'POST', headers: { cookie: `gr_csrf=${csrf}`, 'x-csrf-token': csrf }, body: '{"personaId":"mallory"}' });
      expect(unknown.status).toBe(400);
      expect((await fetch(`${consoleServer.url}/api/session`)).status).toBe(401);
    });

    it('passes a multipart upload through as sent, with the session as the bearer and without the browser\'s cookies', async () => {
      const { cookie, csrf } = await signedIn();
      const form = new FormData();
      form.append('file', new Blob([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255])], { type: 'image/png' }), 'hole.png');
      seen.length = 0;
      const response = await fetch(`${consoleServer.url}/api/intake/v1/attachments?x=1`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrf }, body: form });
      expect(response.status).toBe(200);
      expect(response.headers.get('set-cookie')).toBeNull();
      const [request] = seen;
      expect(request).toMatchObject({ method: 'POST', url: '/v1/attachments?x=1' });
      expect(request!.headers.authorization).toMatch(/^Bearer ey/);
      expect(request!.headers.cookie).toBeUndefined();
      expect(request!.headers['x-csrf-token']).toBeUndefined();
      expect(request!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
      expect(request!.body).toContain('\x89PNG\x00\x01\x02\xff');
    });

    it('streams server-sent events as they come', async () => {
      const { cookie } = await signedIn('gw-xiangyun-yuhua-g1-1');
      const controller = new AbortController();
      const response = await fetch(`${consoleServer.url}/api/grid-dispatch/v1/tickets/stream`, { headers: { cookie }, signal: controller.signal });
      expect(response.headers.get('content-type')).toBe('text/event-stream');
      const reader = response.body!.getReader();
      const { value: chunk } = await reader.read();
      expect(Buffer.from(chunk!).toString()).toContain('event: ticket');
      controller.abort();
    });

    it('serves the app for any other path, with a CSP that runs only its own scripts', async () => {
      const response = await fetch(`${consoleServer.url}/rider/grievances?branch=br-1`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>console</title>');
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    });
  });

  describe('in production', () => {
    let idp: http.Server;
    let issuer: string;
    let consoleServer: ConsoleServer;
    let challenge = '';

    beforeAll(async () => {
      const { publicKey, privateKey } = await generateKeyPair('ES256');
      const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
      idp = http.createServer((req, res) => {
        const url = new URL(req.url!, issuer);
        if (url.pathname === '/.well-known/openid-configuration') {
          res.writeHead(200, { 'content-type': 'application/json' });
          return res.end(JSON.stringify({ issuer, authorization_endpoint: `${issuer}/authorize`, token_endpoint: `${issuer}/token`, jwks_uri: `${issuer}/jwks` }));
        }
        if (url.pathname === '/jwks') {
          res.writeHead(200, { 'content-type': 'application/json' });
          return res.end(JSON.stringify({ keys: [jwk] }));
        }
        if (url.pathname === '/token') {
          let body = '';
          req.on('data', (c) => (body += c));
          req.on('end', () => {
            const form = new URLSearchParams(body);
            // PKCE: the verifier must hash to the challenge the browser was sent with.
            const verifierOk = createHash('sha256').update(form.get('code_verifier') ?? '').digest('base64url') === challenge;
            if (form.get('code') !== 'the-code' || !verifierOk) {
              res.writeHead(400, { 'content-type': 'application/json' });
              return res.end('{"error":"invalid_grant"}');
            }
            void new SignJWT({ role: 'department', departmentCode: 'municipal_works' })
              .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
              .setSubject('officer-7')
              .setIssuer(issuer)
              .setAudience('grievance-api')
              .setIssuedAt()
              .setExpirationTime('10m')
              .sign(privateKey)
              .then((token) => {
                res.writeHead(200, { 'content-type': 'application/json' });
                res.end(JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: 600 }));
              });
          });
          return;
        }
        res.writeHead(404).end();
      });
      issuer = await listen(idp);
      const config = loadConsoleConfig({
        PORT: '0',
        HOST: '127.0.0.1',
        AUTH_MODE: 'production',
        AUTH_ISSUER: issuer,
        AUTH_JWKS_URL: `${issuer}/jwks`,
        OIDC_ISSUER_URL: issuer,
        OIDC_CLIENT_ID: 'console',
        OIDC_REDIRECT_URL: 'https://console.example/api/auth/callback',
        CONSOLE_WEB_DIR: webDir,
      });
      consoleServer = await startConsoleServer({ config, personas: [], logger: silent });
    });
    afterAll(async () => {
      await consoleServer.close();
      idp.closeAllConnections();
      await new Promise((resolve) => idp.close(resolve));
    });

    it('has no development sign-in; signs in through the identity provider with the code and PKCE, into the same httpOnly cookie', async () => {
      expect((await fetch(`${consoleServer.url}/api/dev/personas`)).status).toBe(404);
      const login = await fetch(`${consoleServer.url}/api/auth/login?returnTo=/queue`, { redirect: 'manual' });
      expect(login.status).toBe(302);
      const authorize = new URL(login.headers.get('location')!);
      expect(authorize.origin + authorize.pathname).toBe(`${issuer}/authorize`);
      expect(Object.fromEntries(authorize.searchParams)).toMatchObject({ response_type: 'code', client_id: 'console', code_challenge_method: 'S256', redirect_uri: 'https://console.example/api/auth/callback' });
      challenge = authorize.searchParams.get('code_challenge')!;
      const pending = jar(cookiesOf(login));
      const state = authorize.searchParams.get('state')!;

      const forged = await fetch(`${consoleServer.url}/api/auth/callback?code=the-code&state=other`, { headers: { cookie: pending }, redirect: 'manual' });
      expect(forged.status).toBe(400);
      const back = await fetch(`${consoleServer.url}/api/auth/callback?code=the-code&state=${state}`, { headers: { cookie: pending }, redirect: 'manual' });
      expect(back.status).toBe(302);
      expect(back.headers.get('location')).toBe('/queue');
      const session = cookiesOf(back).find((c) => c.startsWith('gr_session='))!;
      expect(session).toMatch(/HttpOnly/);
      expect(session).toMatch(/Secure/);
      const me = await fetch(`${consoleServer.url}/api/session`, { headers: { cookie: jar(cookiesOf(back)) } });
      expect(await me.json()).toMatchObject({ principal: { sub: 'officer-7', role: 'department', departmentCode: 'municipal_works' } });
    });
  });
});
