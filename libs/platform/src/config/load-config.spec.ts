import { IsInt, Min } from 'class-validator';
import { ConfigError, loadConfig } from './load-config';
import { EnvInteger, ServiceConfig } from './service-config';

class ExampleConfig extends ServiceConfig {
  override SERVICE_NAME = 'example';
  override PORT = 3999;
  override DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/grievance_example';

  @EnvInteger()
  @IsInt()
  @Min(1)
  EXAMPLE_BATCH_SIZE = 50;
}

function problemsOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(ExampleConfig, env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('loadConfig accepted a bad environment');
}

describe('loadConfig', () => {
  it('fills every variable that is not set with its default', () => {
    const config = loadConfig(ExampleConfig, {});
    expect(config).toBeInstanceOf(ExampleConfig);
    expect(config).toMatchObject({
      SERVICE_NAME: 'example',
      PORT: 3999,
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/grievance_example',
      REDIS_URL: 'redis://127.0.0.1:6379',
      KAFKA_BROKERS: ['127.0.0.1:9092'],
      KAFKA_TOPIC_PREFIX: '',
      LOG_LEVEL: 'info',
      NODE_ENV: 'development',
      AUTH_MODE: 'development',
      AUTH_ISSUER: 'grievance-dev',
      AUTH_AUDIENCE: 'grievance-api',
      EXAMPLE_BATCH_SIZE: 50,
    });
    expect(config.AUTH_JWKS_URL).toBeUndefined();
  });

  it('parses numbers and broker lists from their strings', () => {
    const config = loadConfig(ExampleConfig, { PORT: '8080', KAFKA_BROKERS: ' k1:9092, k2:9093 ,', EXAMPLE_BATCH_SIZE: '7' });
    expect(config.PORT).toBe(8080);
    expect(config.KAFKA_BROKERS).toEqual(['k1:9092', 'k2:9093']);
    expect(config.EXAMPLE_BATCH_SIZE).toBe(7);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig(ExampleConfig, { REDIS_URL: '', PORT: '' })).toMatchObject({ REDIS_URL: 'redis://127.0.0.1:6379', PORT: 3999 });
  });

  it('keeps only the variables the class declares', () => {
    const config = loadConfig(ExampleConfig, { PATH: '/usr/bin', HOME: '/root' }) as unknown as Record<string, unknown>;
    expect(config.PATH).toBeUndefined();
    expect(config.HOME).toBeUndefined();
  });

  it('lists every bad variable at once, each with its reason', () => {
    const error = problemsOf({
      PORT: '12abc',
      DATABASE_URL: 'mysql://localhost/x',
      REDIS_URL: 'localhost:6379',
      KAFKA_BROKERS: 'no-port',
      LOG_LEVEL: 'loud',
      NODE_ENV: 'staging',
      AUTH_MODE: 'none',
      EXAMPLE_BATCH_SIZE: '0',
    });
    expect(error.problems.map((p) => p.variable).sort()).toEqual(
      ['AUTH_MODE', 'DATABASE_URL', 'EXAMPLE_BATCH_SIZE', 'KAFKA_BROKERS', 'LOG_LEVEL', 'NODE_ENV', 'PORT', 'REDIS_URL'].sort(),
    );
    expect(error.message).toContain('invalid configuration for example: 8 bad variables');
    expect(error.message).toContain('PORT: PORT must be an integer from 0 to 65535\n');
    expect(error.message).toContain('DATABASE_URL: DATABASE_URL must be a URL starting with postgres:// or postgresql://');
    expect(error.message).toContain('REDIS_URL: REDIS_URL must be a URL starting with redis:// or rediss://');
    expect(error.message).toContain('KAFKA_BROKERS: KAFKA_BROKERS must be a comma-separated list of host:port');
    expect(error.message).toContain('LOG_LEVEL: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent');
    expect(error.message).toContain('EXAMPLE_BATCH_SIZE: EXAMPLE_BATCH_SIZE must not be less than 1');
  });

  it('takes the proxies to trust as hops, addresses, CIDRs or names, and refuses anything else', () => {
    expect(loadConfig(ExampleConfig, {}).TRUST_PROXY).toBe('');
    for (const value of ['1', 'loopback', '10.0.0.0/8, 192.168.1.7', 'uniquelocal,fd00::/8']) expect(loadConfig(ExampleConfig, { TRUST_PROXY: value }).TRUST_PROXY).toBe(value);
    expect(problemsOf({ TRUST_PROXY: 'yes please' }).problems.map((p) => p.variable)).toEqual(['TRUST_PROXY']);
    expect(problemsOf({ TRUST_PROXY: '10.0.0.0/8;rm' }).problems.map((p) => p.variable)).toEqual(['TRUST_PROXY']);
  });

  it('never echoes the values it refuses', () => {
    const error = problemsOf({ DATABASE_URL: 'mysql://admin:s3cret@db/x' });
    expect(error.message).not.toContain('s3cret');
  });

  it('refuses production without production auth and its JWKS URL', () => {
    const error = problemsOf({ NODE_ENV: 'production', AUTH_DEV_KEY_DIR: '/keys' });
    expect(error.problems).toEqual([{ variable: 'AUTH_MODE', reasons: ['AUTH_MODE must be production when NODE_ENV is production'] }]);

    const missingJwks = problemsOf({ NODE_ENV: 'production', AUTH_MODE: 'production', AUTH_DEV_KEY_DIR: '/keys' });
    expect(missingJwks.problems.map((p) => p.variable)).toEqual(['AUTH_JWKS_URL', 'AUTH_DEV_KEY_DIR']);
  });

  it('hands every consumer its fetch and group settings, and refuses a session an idle consumer would outlive', () => {
    expect(loadConfig(ExampleConfig, {}).consumerSettings()).toEqual({
      offsetCommitIntervalMs: 1000,
      fetchGatherMs: 0,
      maxWaitTimeInMs: 5000,
      maxBytesPerPartition: 1048576,
      sessionTimeoutMs: 6000,
      heartbeatIntervalMs: 1000,
    });
    const longPoll = loadConfig(ExampleConfig, { KAFKA_FETCH_MAX_WAIT_MS: '10000', KAFKA_SESSION_TIMEOUT_MS: '15000', KAFKA_HEARTBEAT_INTERVAL_MS: '3000' });
    expect(longPoll.consumerSettings()).toMatchObject({ maxWaitTimeInMs: 10000, sessionTimeoutMs: 15000, heartbeatIntervalMs: 3000 });

    expect(problemsOf({ KAFKA_FETCH_MAX_WAIT_MS: '10000' }).problems).toEqual([
      { variable: 'KAFKA_SESSION_TIMEOUT_MS', reasons: ['KAFKA_SESSION_TIMEOUT_MS must exceed KAFKA_FETCH_MAX_WAIT_MS by 1000 at least'] },
    ]);
    expect(problemsOf({ KAFKA_HEARTBEAT_INTERVAL_MS: '6000' }).problems.map((p) => p.variable)).toEqual(['KAFKA_HEARTBEAT_INTERVAL_MS']);
    expect(problemsOf({ KAFKA_SESSION_TIMEOUT_MS: '3000', KAFKA_FETCH_MAX_BYTES_PER_PARTITION: '1000' }).problems.map((p) => p.variable).sort()).toEqual([
      'KAFKA_FETCH_MAX_BYTES_PER_PARTITION',
      'KAFKA_SESSION_TIMEOUT_MS',
    ]);
  });

  it('accepts a production configuration', () => {
    const config = loadConfig(ExampleConfig, {
      NODE_ENV: 'production',
      AUTH_MODE: 'production',
      AUTH_JWKS_URL: 'https://idp.example.cn/.well-known/jwks.json',
      DATABASE_URL: 'postgresql://svc:pw@db.internal:5432/grievance_example',
    });
    expect(config.AUTH_JWKS_URL).toBe('https://idp.example.cn/.well-known/jwks.json');
  });
});
