import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { base64url, SignJWT } from 'jose';
import { getDevKeyPair } from './dev-keys';
import { signDevToken } from './dev-token';
import type { Principal } from './principal';
import { AuthConfigError, developmentAuthSettings, type AuthSettings } from './settings';
import { JwtVerifier, TokenRejectedError } from './verifier';

describe('JwtVerifier', () => {
  let dir: string;
  let settings: AuthSettings;
  let verifier: JwtVerifier;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'auth-verifier-'));
    settings = developmentAuthSettings({ devKeyDir: join(dir, 'keys') });
    verifier = new JwtVerifier(settings);
    await verifier.init();
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const sign = (claims: Principal, options: Parameters<typeof signDevToken>[1] = {}) =>
    signDevToken(claims, { settings, ...options });

  async function rejection(token: string): Promise<TokenRejectedError> {
    const error = await verifier.verify(token).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TokenRejectedError);
    return error as TokenRejectedError;
  }

  it('turns a valid development token into its principal', async () => {
    const token = await sign({ sub: 'member-7', role: 'member', orgUnitId: 'branch-3' });
    await expect(verifier.verify(token)).resolves.toEqual({ sub: 'member-7', role: 'member', orgUnitId: 'branch-3' });
  });

  it('gives each role the scope claim it needs and drops the ones it does not', async () => {
    const gridWorker = await sign({ sub: 'g-1', role: 'grid_worker', gridId: 'grid-9', orgUnitId: 'branch-3' });
    await expect(verifier.verify(gridWorker)).resolves.toEqual({ sub: 'g-1', role: 'grid_worker', gridId: 'grid-9' });
    const department = await sign({ sub: 'd-1', role: 'department', departmentCode: 'HOUSING' });
    await expect(verifier.verify(department)).resolves.toEqual({
      sub: 'd-1',
      role: 'department',
      departmentCode: 'HOUSING',
    });
    const auditor = await sign({ sub: 'a-1', role: 'auditor' });
    await expect(verifier.verify(auditor)).resolves.toEqual({ sub: 'a-1', role: 'auditor' });
  });

  it('rejects an expired token', async () => {
    const token = await sign(
      { sub: 'w-1', role: 'worker' },
      { issuedAt: new Date(Date.now() - 2 * 3600_000), ttlSeconds: 3600 },
    );
    expect((await rejection(token)).reason).toBe('token expired');
  });

  it('rejects a token that is not valid yet', async () => {
    const token = await sign({ sub: 'w-1', role: 'worker' }, { notBefore: new Date(Date.now() + 3600_000) });
    expect((await rejection(token)).reason).toBe('token not yet valid');
  });

  it('accepts a token a few seconds past expiry within the clock tolerance', async () => {
    const token = await sign({ sub: 'w-1', role: 'worker' }, { issuedAt: new Date(Date.now() - 62_000), ttlSeconds: 60 });
    await expect(verifier.verify(token)).resolves.toMatchObject({ sub: 'w-1' });
  });

  it('takes a token it verified again until it expires, and refuses it after, as the first time', async () => {
    let now = Date.now();
    const clocked = new JwtVerifier(settings, () => now);
    const token = await sign({ sub: 'w-2', role: 'worker' }, { issuedAt: new Date(now), ttlSeconds: 30 });
    await expect(clocked.verify(token)).resolves.toEqual({ sub: 'w-2', role: 'worker' });
    now += 29_000;
    await expect(clocked.verify(token)).resolves.toEqual({ sub: 'w-2', role: 'worker' });
    now += 2_000 + clocked.settings.clockToleranceSec * 1000;
    await expect(clocked.verify(token)).rejects.toMatchObject({ reason: 'token expired' });
  });

  it('checks a token that differs by one character from one it verified afresh', async () => {
    const token = await sign({ sub: 'w-3', role: 'worker' });
    await expect(verifier.verify(token)).resolves.toMatchObject({ sub: 'w-3' });
    // A character inside the signature (the last one holds padding bits too).
    const at = token.length - 10;
    const other = token[at] === 'A' ? 'B' : 'A';
    expect((await rejection(token.slice(0, at) + other + token.slice(at + 1))).reason).toBe('invalid token');
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    const forged = [token.split('.')[0], base64url.encode(JSON.stringify({ ...claims, role: 'auditor' })), token.split('.')[2]].join('.');
    expect((await rejection(forged)).reason).toBe('invalid token');
  });

  it('rejects a token from another issuer', async () => {
    const token = await sign({ sub: 'w-1', role: 'worker' }, { settings: { ...settings, issuer: 'someone-else' } });
    expect((await rejection(token)).reason).toBe('invalid token');
  });

  it('rejects a token meant for another audience', async () => {
    const token = await sign({ sub: 'w-1', role: 'worker' }, { settings: { ...settings, audience: 'other-api' } });
    expect((await rejection(token)).reason).toBe('invalid token');
  });

  it('rejects an HS256 token signed with a shared secret', async () => {
    const token = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('intruder')
      .setIssuer(settings.issuer)
      .setAudience(settings.audience)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('a-secret-that-is-at-least-32-bytes-long!'));
    const error = await rejection(token);
    expect(error.reason).toBe('invalid token');
  });

  it('rejects an unsigned token (alg: none)', async () => {
    const part = (value: object) => base64url.encode(JSON.stringify(value));
    const now = Math.floor(Date.now() / 1000);
    const token = `${part({ alg: 'none', typ: 'JWT' })}.${part({
      sub: 'intruder',
      role: 'admin',
      iss: settings.issuer,
      aud: settings.audience,
      iat: now,
      exp: now + 3600,
    })}.`;
    expect((await rejection(token)).reason).toBe('invalid token');
  });

  it('rejects a token signed with a different ES256 key', async () => {
    const otherSettings = developmentAuthSettings({ devKeyDir: join(dir, 'other-keys') });
    const token = await signDevToken({ sub: 'w-1', role: 'worker' }, { settings: otherSettings });
    expect((await rejection(token)).reason).toBe('invalid token');
  });

  it('rejects a token without an expiry', async () => {
    const { privateKey } = await getDevKeyPair(join(dir, 'keys'));
    const token = await new SignJWT({ role: 'worker' })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('w-1')
      .setIssuer(settings.issuer)
      .setAudience(settings.audience)
      .setIssuedAt()
      .sign(privateKey);
    expect((await rejection(token)).reason).toBe('invalid token');
  });

  it('rejects garbage', async () => {
    expect((await rejection('not.a.jwt')).reason).toBe('invalid token');
    expect((await rejection('')).reason).toBe('missing bearer token');
  });

  it.each([
    ['member', 'orgUnitId'],
    ['branch', 'orgUnitId'],
    ['industry_committee', 'orgUnitId'],
    ['two_new_committee', 'orgUnitId'],
    ['grid_worker', 'gridId'],
    ['department', 'departmentCode'],
  ] as const)('rejects a %s token without its %s claim', async (role, claim) => {
    const error = await rejection(await sign({ sub: 'x-1', role }));
    expect(error.reason).toBe('invalid token');
    expect(error.detail).toContain(claim);
  });

  it('rejects an unknown role', async () => {
    const error = await rejection(await sign({ sub: 'x-1', role: 'superuser' } as unknown as Principal));
    expect(error.reason).toBe('invalid token');
    expect(error.detail).toContain('role');
  });

  it('rejects an empty subject', async () => {
    expect((await rejection(await sign({ sub: '', role: 'worker' }))).reason).toBe('invalid token');
  });
});

describe('JwtVerifier in production mode', () => {
  const base = { mode: 'production', issuer: 'https://idp.example', audience: 'grievance-api' } as const;

  it('refuses to start without a JWKS URL', () => {
    expect(() => new JwtVerifier(base)).toThrow(AuthConfigError);
    expect(() => new JwtVerifier(base)).toThrow(/jwksUrl is required/);
  });

  it('refuses to start when told to use the development key', () => {
    expect(() => new JwtVerifier({ ...base, jwksUrl: 'https://idp.example/jwks', devKeyDir: '/tmp/keys' })).toThrow(
      /devKeyDir is for development only/,
    );
  });

  it('refuses to fetch keys over plain HTTP from another host', () => {
    expect(() => new JwtVerifier({ ...base, jwksUrl: 'http://idp.example/jwks' })).toThrow(/must use https/);
  });

  it('refuses to sign development tokens', async () => {
    await expect(
      signDevToken({ sub: 'w-1', role: 'worker' }, { settings: { ...base, jwksUrl: 'https://idp.example/jwks' } }),
    ).rejects.toThrow(AuthConfigError);
  });

  describe('against an identity provider JWKS', () => {
    let dir: string;
    let server: Server;
    let jwksUrl: string;

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'auth-idp-'));
      // Stands in for the identity provider: publishes one ES256 key as a JWKS.
      const { publicJwk } = await getDevKeyPair(dir);
      server = createServer((_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ keys: [publicJwk] }));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
    });
    afterAll(async () => {
      await new Promise((resolve) => server.close(resolve));
      await rm(dir, { recursive: true, force: true });
    });

    async function idpToken(claims: Record<string, unknown>): Promise<string> {
      const { privateKey, kid } = await getDevKeyPair(dir);
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256', kid })
        .setIssuer(base.issuer)
        .setAudience(base.audience)
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(privateKey);
    }

    it('verifies a token signed by a key in the JWKS', async () => {
      const verifier = new JwtVerifier({ ...base, jwksUrl });
      const token = await idpToken({ sub: 'a-1', role: 'auditor' });
      await expect(verifier.verify(token)).resolves.toEqual({ sub: 'a-1', role: 'auditor' });
    });

    it('does not blame the caller when the JWKS cannot be fetched', async () => {
      const verifier = new JwtVerifier({ ...base, jwksUrl: 'http://127.0.0.1:1/jwks' });
      const token = await idpToken({ sub: 'a-1', role: 'auditor' });
      await expect(verifier.verify(token)).rejects.not.toBeInstanceOf(TokenRejectedError);
    });
  });
});
