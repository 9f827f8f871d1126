import { chooseTestInfra, containerEnvironment, containerRuntimeMayAnswer, noContainerRuntimeMessage, parseTestInfraMode, RuntimeHints, withTimeout } from './test-infra';

describe('TEST_INFRA', () => {
  it('is auto when unset or empty, and takes local, containers and auto in any case', () => {
    expect(parseTestInfraMode(undefined)).toBe('auto');
    expect(parseTestInfraMode('')).toBe('auto');
    expect(parseTestInfraMode('local')).toBe('local');
    expect(parseTestInfraMode(' Containers ')).toBe('containers');
    expect(parseTestInfraMode('AUTO')).toBe('auto');
  });

  it('rejects any other value, naming the variable and the values it takes', () => {
    expect(() => parseTestInfraMode('docker')).toThrow('TEST_INFRA=docker: expected one of auto, local, containers');
  });
});

describe('whether a container runtime may answer (before loading testcontainers)', () => {
  const machine = (files: string[], env: Record<string, string> = {}, platform: NodeJS.Platform = 'linux'): RuntimeHints => ({
    env,
    platform,
    homedir: '/home/dev',
    uid: 1000,
    exists: (file) => files.includes(file),
  });

  it('says no on a machine with no socket, no DOCKER_HOST and no testcontainers settings', () => {
    expect(containerRuntimeMayAnswer(machine([]))).toBe(false);
  });

  it.each([
    ['the Docker socket', machine(['/var/run/docker.sock'])],
    ['DOCKER_HOST', machine([], { DOCKER_HOST: 'tcp://build-host:2375' })],
    ['~/.testcontainers.properties', machine(['/home/dev/.testcontainers.properties'])],
    ['a rootless socket in XDG_RUNTIME_DIR', machine(['/run/user/1000/docker.sock'], { XDG_RUNTIME_DIR: '/run/user/1000' })],
    ['a rootless socket under /run/user/<uid>', machine(['/run/user/1000/docker.sock'])],
    ["Docker Desktop's socket", machine(['/home/dev/.docker/desktop/docker.sock'])],
    ["Docker Desktop's newer socket", machine(['/home/dev/.docker/run/docker.sock'])],
    ["Windows' named pipe", machine([], {}, 'win32')],
  ])('says maybe when it finds %s', (_what, hints) => {
    expect(containerRuntimeMayAnswer(hints)).toBe(true);
  });
});

describe('choosing the infrastructure', () => {
  const runtime = (mayAnswer: boolean, answer: true | string | Error) => {
    const probe = jest.fn(() => (answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer)));
    return { probe, mayAnswer: jest.fn(() => mayAnswer) };
  };

  it('local: never asks a container runtime', async () => {
    const r = runtime(true, true);
    await expect(chooseTestInfra('local', r)).resolves.toBe('local');
    expect(r.mayAnswer).not.toHaveBeenCalled();
    expect(r.probe).not.toHaveBeenCalled();
  });

  it('auto: picks containers when the runtime answers', async () => {
    await expect(chooseTestInfra('auto', runtime(true, true))).resolves.toBe('containers');
  });

  it('auto: picks local without asking when nothing hints at a runtime', async () => {
    const r = runtime(false, true);
    await expect(chooseTestInfra('auto', r)).resolves.toBe('local');
    expect(r.probe).not.toHaveBeenCalled();
  });

  it('auto: picks local when the runtime does not answer or the probe fails', async () => {
    await expect(chooseTestInfra('auto', runtime(true, 'connect ECONNREFUSED /var/run/docker.sock'))).resolves.toBe('local');
    await expect(chooseTestInfra('auto', runtime(true, new Error('the container runtime did not answer within 3000 ms')))).resolves.toBe('local');
  });

  it('containers: asks even without hints, and picks containers when it answers', async () => {
    const r = runtime(false, true);
    await expect(chooseTestInfra('containers', r)).resolves.toBe('containers');
    expect(r.probe).toHaveBeenCalled();
  });

  it('containers: fails with one line saying no container runtime answered, and why', async () => {
    const error = await chooseTestInfra('containers', runtime(false, 'Could not find a working\ncontainer runtime strategy')).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(
      'TEST_INFRA=containers: no container runtime answered (Could not find a working container runtime strategy); start a Docker engine or run with TEST_INFRA=local',
    );
    expect((error as Error).stack).toBe((error as Error).message);
    expect(noContainerRuntimeMessage('x')).not.toContain('\n');
  });
});

describe('the containers as the test environment', () => {
  it('names the broker, the maintenance database with its credentials and Redis at their mapped ports', () => {
    expect(
      containerEnvironment({
        kafka: { host: 'localhost', port: 55001 },
        postgres: { host: 'localhost', port: 55002, user: 'postgres', password: 'postgres' },
        redis: { host: 'localhost', port: 55003 },
      }),
    ).toEqual({
      TEST_KAFKA_BROKERS: 'localhost:55001',
      TEST_POSTGRES_ADMIN_URL: 'postgres://postgres:postgres@localhost:55002/postgres',
      TEST_REDIS_URL: 'redis://localhost:55003',
    });
  });

  it('escapes credentials and brackets an IPv6 host, so the URLs parse back to the same server', () => {
    const env = containerEnvironment({
      kafka: { host: '::1', port: 9093 },
      postgres: { host: 'docker.internal', port: 5432, user: 'test user', password: 'p@ss:w/rd' },
      redis: { host: '::1', port: 6379 },
    });
    const admin = new URL(env.TEST_POSTGRES_ADMIN_URL);
    expect([decodeURIComponent(admin.username), decodeURIComponent(admin.password), admin.hostname, admin.port, admin.pathname]).toEqual([
      'test user',
      'p@ss:w/rd',
      'docker.internal',
      '5432',
      '/postgres',
    ]);
    expect(env.TEST_KAFKA_BROKERS).toBe('[::1]:9093');
    expect(new URL(env.TEST_REDIS_URL).port).toBe('6379');
  });

  it('leaves the password out for trust auth', () => {
    const env = containerEnvironment({ kafka: { host: 'h', port: 1 }, postgres: { host: 'h', port: 2, user: 'postgres' }, redis: { host: 'h', port: 3 } });
    expect(env.TEST_POSTGRES_ADMIN_URL).toBe('postgres://postgres@h:2/postgres');
  });
});

describe('withTimeout', () => {
  it('resolves as the promise does when it is in time', async () => {
    await expect(withTimeout(Promise.resolve(42), 1000, 'the runtime')).resolves.toBe(42);
  });

  it('rejects naming what did not answer once the time is up', async () => {
    await expect(withTimeout(new Promise(() => undefined), 20, 'the container runtime')).rejects.toThrow('the container runtime did not answer within 20 ms');
  });
});
