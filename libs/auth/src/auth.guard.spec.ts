import { Controller, Get, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { AuthModule } from './auth.module';
import { CurrentPrincipal, Public, Roles } from './decorators';
import { signDevToken } from './dev-token';
import type { Principal } from './principal';
import { developmentAuthSettings, type AuthSettings } from './settings';

@Controller('grievances')
class GrievancesController {
  @Get('mine')
  mine(@CurrentPrincipal() principal: Principal) {
    return principal;
  }

  @Roles('auditor')
  @Get('trace')
  trace() {
    return { events: [] };
  }
}

@Controller('health')
class HealthController {
  @Public()
  @Get()
  health() {
    return { status: 'ok' };
  }
}

@Public()
@Controller('docs')
class DocsController {
  @Get()
  docs() {
    return { openapi: '3.1.0' };
  }
}

@Roles('auditor', 'admin')
@Controller('staff')
class StaffController {
  @Get('report')
  report() {
    return { ok: true };
  }

  // A handler's @Roles replaces its controller's.
  @Roles('worker')
  @Get('worker-only')
  workerOnly() {
    return { ok: true };
  }
}

describe('AuthModule guard over HTTP', () => {
  let dir: string;
  let settings: AuthSettings;
  let app: INestApplication;
  const token = (claims: Principal, options: Parameters<typeof signDevToken>[1] = {}) =>
    signDevToken(claims, { settings, ...options });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'auth-guard-'));
    settings = developmentAuthSettings({ devKeyDir: dir });
    const moduleRef = await Test.createTestingModule({
      imports: [AuthModule.forRoot(settings)],
      controllers: [GrievancesController, HealthController, DocsController, StaffController],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
  });
  afterAll(async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers 401 with the API error shape when there is no token', async () => {
    const response = await request(app.getHttpServer()).get('/grievances/mine').expect(401);
    expect(response.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: ['missing bearer token'] });
    expect(response.headers['www-authenticate']).toMatch(/^Bearer /);
  });

  it('answers 401 to a non-bearer authorization header', async () => {
    const response = await request(app.getHttpServer())
      .get('/grievances/mine')
      .set('Authorization', 'Basic dXNlcjpwYXNz')
      .expect(401);
    expect(response.body.message).toEqual(['missing bearer token']);
  });

  it('answers 401 to a bad token', async () => {
    const response = await request(app.getHttpServer())
      .get('/grievances/mine')
      .set('Authorization', 'Bearer not-a-token')
      .expect(401);
    expect(response.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: ['invalid token'] });
  });

  it('answers 401 to an expired token and says so', async () => {
    const expired = await token({ sub: 'w-1', role: 'worker' }, { issuedAt: new Date(Date.now() - 7200_000), ttlSeconds: 60 });
    const response = await request(app.getHttpServer())
      .get('/grievances/mine')
      .set('Authorization', `Bearer ${expired}`)
      .expect(401);
    expect(response.body.message).toEqual(['token expired']);
  });

  it('answers 401 to a token whose role lacks its scope claim', async () => {
    const response = await request(app.getHttpServer())
      .get('/grievances/mine')
      .set('Authorization', `Bearer ${await token({ sub: 'm-1', role: 'member' })}`)
      .expect(401);
    expect(response.body.message).toEqual(['invalid token']);
  });

  it('lets anyone reach a @Public() handler or controller', async () => {
    await request(app.getHttpServer()).get('/health').expect(200, { status: 'ok' });
    await request(app.getHttpServer()).get('/docs').expect(200, { openapi: '3.1.0' });
  });

  it('gives the handler the caller through @CurrentPrincipal()', async () => {
    const response = await request(app.getHttpServer())
      .get('/grievances/mine')
      .set('authorization', `bearer ${await token({ sub: 'g-7', role: 'grid_worker', gridId: 'grid-2' })}`)
      .expect(200);
    expect(response.body).toEqual({ sub: 'g-7', role: 'grid_worker', gridId: 'grid-2' });
  });

  it('answers 403 when the role is not allowed and 200 when it is', async () => {
    const worker = await token({ sub: 'w-1', role: 'worker' });
    const auditor = await token({ sub: 'a-1', role: 'auditor' });
    const refused = await request(app.getHttpServer())
      .get('/grievances/trace')
      .set('Authorization', `Bearer ${worker}`)
      .expect(403);
    expect(refused.body).toEqual({ statusCode: 403, error: 'Forbidden', message: ['this action needs role auditor'] });
    await request(app.getHttpServer()).get('/grievances/trace').set('Authorization', `Bearer ${auditor}`).expect(200);
  });

  it('applies a controller @Roles() to its handlers unless a handler sets its own', async () => {
    const worker = await token({ sub: 'w-1', role: 'worker' });
    const admin = await token({ sub: 'ad-1', role: 'admin' });
    await request(app.getHttpServer()).get('/staff/report').set('Authorization', `Bearer ${admin}`).expect(200);
    await request(app.getHttpServer()).get('/staff/report').set('Authorization', `Bearer ${worker}`).expect(403);
    await request(app.getHttpServer()).get('/staff/worker-only').set('Authorization', `Bearer ${worker}`).expect(200);
    await request(app.getHttpServer()).get('/staff/worker-only').set('Authorization', `Bearer ${admin}`).expect(403);
  });
});

describe('AuthModule settings', () => {
  it('refuses to start in production without a JWKS URL', () => {
    expect(() => AuthModule.forRoot({ mode: 'production', issuer: 'https://idp', audience: 'api' })).toThrow(
      /jwksUrl is required/,
    );
  });

  it('refuses to start in production when forRootAsync settings lack a JWKS URL', async () => {
    const compiling = Test.createTestingModule({
      imports: [
        AuthModule.forRootAsync({ useFactory: () => ({ mode: 'production', issuer: 'https://idp', audience: 'api' }) }),
      ],
    }).compile();
    await expect(compiling).rejects.toThrow(/jwksUrl is required/);
  });
});
