import { resolveTestInfra } from './global-setup';

// testcontainers' own runtime detection against an address where nothing answers: the jest
// global setup forced into containers fails at once with one line, and auto falls back to local.
describe('TEST_INFRA where no container runtime answers', () => {
  const saved = process.env.DOCKER_HOST;

  beforeAll(() => {
    // testcontainers reads DOCKER_HOST from process.env (once per module registry: this file's).
    process.env.DOCKER_HOST = 'tcp://127.0.0.1:1';
  });

  afterAll(() => {
    if (saved === undefined) delete process.env.DOCKER_HOST;
    else process.env.DOCKER_HOST = saved;
  });

  it('containers: fails within seconds with one line saying no container runtime answered', async () => {
    const started = Date.now();
    const error = await resolveTestInfra({ ...process.env, TEST_INFRA: 'containers' }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^TEST_INFRA=containers: no container runtime answered \(.+\); start a Docker engine or run with TEST_INFRA=local$/);
    expect((error as Error).message).not.toContain('\n');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('auto: picks the local infrastructure', async () => {
    await expect(resolveTestInfra({ ...process.env, TEST_INFRA: 'auto' })).resolves.toBe('local');
  });

  it('local: picks the local infrastructure without asking', async () => {
    await expect(resolveTestInfra({ ...process.env, TEST_INFRA: 'local' })).resolves.toBe('local');
  });
});
