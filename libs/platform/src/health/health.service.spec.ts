import { runHealthChecks } from './health.service';

const never = () => new Promise<never>(() => undefined);

describe('runHealthChecks', () => {
  it('reports ok when every dependency answers', async () => {
    const { report } = await runHealthChecks({ postgres: async () => 1, redis: async () => 'PONG', kafka: async () => undefined });
    expect(report).toEqual({ status: 'ok', checks: { postgres: 'up', redis: 'up', kafka: 'up' } });
  });

  it('names every dependency that failed or did not answer in time, and why', async () => {
    const { report, failures } = await runHealthChecks(
      { postgres: async () => 1, redis: async () => Promise.reject(new Error('ECONNREFUSED')), kafka: never },
      50,
    );
    expect(report).toEqual({
      status: 'error',
      checks: { postgres: 'up', redis: 'down', kafka: 'down' },
      down: ['redis', 'kafka'],
      message: ['redis is down', 'kafka is down'],
    });
    expect(failures).toEqual({ redis: 'ECONNREFUSED', kafka: 'kafka did not answer within 50 ms' });
  });

  it('asks all three at once, so a hung one costs one deadline, not three', async () => {
    const started = Date.now();
    await runHealthChecks({ postgres: never, redis: never, kafka: never }, 200);
    expect(Date.now() - started).toBeLessThan(500);
  });
});
