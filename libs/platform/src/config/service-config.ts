import { Transform } from 'class-transformer';
import {
  ArrayNotEmpty,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  registerDecorator,
  ValidationArguments,
  ValidationOptions,
} from 'class-validator';
import { DEV_AUDIENCE, DEV_ISSUER } from '@grievance/auth';
import {
  DEFAULT_HEARTBEAT_INTERVAL_MS,
  DEFAULT_MAX_BYTES_PER_PARTITION,
  DEFAULT_MAX_WAIT_TIME_MS,
  DEFAULT_OFFSET_COMMIT_INTERVAL_MS,
  DEFAULT_SESSION_TIMEOUT_MS,
  EventConsumerOptions,
} from '@grievance/messaging';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

export const AUTH_MODES = ['development', 'production'] as const;
export type AuthModeSetting = (typeof AUTH_MODES)[number];

/** The development issuer and audience `npm run token` signs with. */
export const DEFAULT_AUTH_ISSUER = DEV_ISSUER;
export const DEFAULT_AUTH_AUDIENCE = DEV_AUDIENCE;

const HOST_PORT = /^[A-Za-z0-9.-]+:\d{1,5}$|^\[[0-9A-Fa-f:.]+\]:\d{1,5}$/;

/** Environment strings arrive as strings; integers are parsed strictly ("12abc" stays invalid). */
const toInteger = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : value;

const toList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item.length > 0)
    : value;

/** A URL whose scheme is one of `protocols` and which the WHATWG parser accepts. */
export function IsUrlWithScheme(protocols: string[], options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isUrlWithScheme',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [protocols],
      options: {
        message: (args: ValidationArguments) =>
          `${args.property} must be a URL starting with ${(args.constraints[0] as string[]).map((p) => `${p}//`).join(' or ')}`,
        ...options,
      },
      validator: {
        validate(value: unknown): boolean {
          if (typeof value !== 'string') return false;
          try {
            return protocols.includes(new URL(value).protocol);
          } catch {
            return false;
          }
        },
      },
    });
}

/** Parses an integer variable (pair with a validator such as IsIntegerBetween). */
export const EnvInteger = (): PropertyDecorator => Transform(toInteger);

/** Parses a decimal variable such as SLA_TIME_SCALE=0.001 (pair with IsNumber, Min, Max). */
export const EnvNumber = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^\s*\d+(\.\d+)?([eE]-?\d+)?\s*$/.test(value) ? Number(value.trim()) : value));

/** Parses a comma-separated variable into a list of trimmed, non-empty items. */
export const EnvList = (): PropertyDecorator => Transform(toList);

/** Parses true/false/1/0/yes/no (pair with IsBoolean). */
export const EnvBoolean = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => {
    if (typeof value !== 'string') return value;
    const normalized = value.trim().toLowerCase();
    if (['true', '1', 'yes'].includes(normalized)) return true;
    if (['false', '0', 'no'].includes(normalized)) return false;
    return value;
  });

/** An integer within [min, max], with one message for every way of missing it. */
export function IsIntegerBetween(min: number, max: number, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isIntegerBetween',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [min, max],
      options: { message: (args: ValidationArguments) => `${args.property} must be an integer from ${min} to ${max}`, ...options },
      validator: {
        validate: (value: unknown) => Number.isInteger(value) && (value as number) >= min && (value as number) <= max,
      },
    });
}

/**
 * The environment every service reads: one typed, validated object. Each service
 * subclasses it (`class IntakeConfig extends ServiceConfig`), gives its own defaults
 * (`override PORT = 3001`) and adds its own variables with class-validator decorators.
 * Build it with `loadConfig`, the only code that reads `process.env`.
 *
 * Empty strings count as unset, so `FOO=` in an env file falls back to the default.
 */
export class ServiceConfig {
  /** The service's name in logs, Kafka client ids and the OpenAPI title. */
  @IsString()
  @Matches(/^[a-z][a-z0-9-]*$/, { message: 'SERVICE_NAME must be lower-case letters, digits and dashes' })
  SERVICE_NAME!: string;

  /** The HTTP port. 0 picks a free one (tests). */
  @EnvInteger()
  @IsIntegerBetween(0, 65535)
  PORT!: number;

  @IsString()
  @IsNotEmpty()
  HOST = '0.0.0.0';

  /** postgres://user:password@host:port/database; the database is created when missing. */
  @IsUrlWithScheme(['postgres:', 'postgresql:'])
  DATABASE_URL!: string;

  /** Connections in the service's Postgres pool. */
  @EnvInteger()
  @IsIntegerBetween(1, 200)
  DATABASE_POOL_SIZE = 10;

  /** While more queries than this wait for a pooled connection, HTTP requests are refused with 503 and Retry-After (health and docs excepted). */
  @EnvInteger()
  @IsIntegerBetween(1, 100_000)
  DATABASE_QUEUE_LIMIT = 20;

  /**
   * Parameterised queries run as named prepared statements, parsed and planned once per
   * connection. Turn off behind a pooler in transaction mode that cannot keep them.
   */
  @EnvBoolean()
  @IsBoolean()
  DATABASE_PREPARED_STATEMENTS = true;

  /**
   * A pooled connection is retired once released after this many seconds (0 keeps it), so its
   * prepared plans are made again from the tables as they have grown.
   */
  @EnvInteger()
  @IsIntegerBetween(0, 86_400)
  DATABASE_CONNECTION_MAX_LIFETIME_S = 300;

  @IsUrlWithScheme(['redis:', 'rediss:'])
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Comma-separated host:port list. */
  @EnvList()
  @ArrayNotEmpty({ message: 'KAFKA_BROKERS must list at least one host:port' })
  @Matches(HOST_PORT, { each: true, message: 'KAFKA_BROKERS must be a comma-separated list of host:port' })
  KAFKA_BROKERS: string[] = ['127.0.0.1:9092'];

  /** Defaults to SERVICE_NAME. */
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9._-]+$/, { message: 'KAFKA_CLIENT_ID must be letters, digits, dots, dashes and underscores' })
  KAFKA_CLIENT_ID?: string;

  /**
   * A consumer commits the offsets of what it applied at most this often (the newest of each
   * partition, in one request); 0 commits after every applied group. Later commits mean fewer
   * broker requests and, after a crash, a little more redelivery, which the inbox drops.
   */
  @EnvInteger()
  @IsIntegerBetween(0, 60_000)
  KAFKA_OFFSET_COMMIT_INTERVAL_MS = DEFAULT_OFFSET_COMMIT_INTERVAL_MS;

  /**
   * After a fetch that brought events, a consumer fetches again no sooner than this (ms), so
   * the events that come meanwhile arrive together: fewer broker requests, and each fetch
   * applied in one transaction (readers see all of its events or none), for up to this much
   * delay. 0 (default): at once.
   */
  @EnvInteger()
  @IsIntegerBetween(0, 5000)
  KAFKA_FETCH_GATHER_MS = 0;

  /**
   * How long the broker holds a consumer's fetch that finds nothing new. It answers as soon
   * as a message arrives, so a longer wait costs no latency, only idle requests fewer.
   */
  @EnvInteger()
  @IsIntegerBetween(100, 60_000)
  KAFKA_FETCH_MAX_WAIT_MS = DEFAULT_MAX_WAIT_TIME_MS;

  /** The most one fetch brings of one partition (bytes; an event is at most 256 KiB). */
  @EnvInteger()
  @IsIntegerBetween(262_144, 104_857_600)
  KAFKA_FETCH_MAX_BYTES_PER_PARTITION = DEFAULT_MAX_BYTES_PER_PARTITION;

  /**
   * A consumer that sends no heartbeat for this long is dropped from its group and its
   * partitions move to another replica: how soon a crashed replica's work is taken over.
   * Heartbeats go out between fetches, so it must exceed KAFKA_FETCH_MAX_WAIT_MS by a second.
   */
  @EnvInteger()
  @IsIntegerBetween(6000, 300_000)
  KAFKA_SESSION_TIMEOUT_MS = DEFAULT_SESSION_TIMEOUT_MS;

  /** Consumers send heartbeats at most this often. */
  @EnvInteger()
  @IsIntegerBetween(100, 60_000)
  KAFKA_HEARTBEAT_INTERVAL_MS = DEFAULT_HEARTBEAT_INTERVAL_MS;

  /** Prepended to every topic name; empty in production, unique per suite in tests. */
  @IsString()
  @MaxLength(100)
  @Matches(/^[A-Za-z0-9._-]*$/, { message: 'KAFKA_TOPIC_PREFIX must be letters, digits, dots, dashes and underscores' })
  KAFKA_TOPIC_PREFIX = '';

  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'info';

  @IsIn(NODE_ENVS, { message: `NODE_ENV must be one of ${NODE_ENVS.join(', ')}` })
  NODE_ENV: NodeEnv = 'development';

  /** development: a local signing key (`npm run token`); production: the identity provider's JWKS. */
  @IsIn(AUTH_MODES, { message: `AUTH_MODE must be one of ${AUTH_MODES.join(', ')}` })
  AUTH_MODE: AuthModeSetting = 'development';

  /** Expected `iss` claim. */
  @IsString()
  @IsNotEmpty()
  AUTH_ISSUER = DEFAULT_AUTH_ISSUER;

  /** Expected `aud` claim. */
  @IsString()
  @IsNotEmpty()
  AUTH_AUDIENCE = DEFAULT_AUTH_AUDIENCE;

  /** The identity provider's JWKS endpoint; required when AUTH_MODE=production. */
  @IsOptional()
  @IsUrlWithScheme(['https:', 'http:'])
  AUTH_JWKS_URL?: string;

  /**
   * Browser origins allowed to call the API (CORS), comma-separated, e.g.
   * `https://report.example.gov.cn`. Empty: no cross-origin browser calls at all.
   */
  @EnvList()
  @Matches(/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/, { each: true, message: 'CORS_ALLOWED_ORIGINS must be a comma-separated list of origins such as https://app.example.org' })
  CORS_ALLOWED_ORIGINS: string[] = [];

  /**
   * Which proxies in front of the service are trusted to name the client (X-Forwarded-For),
   * as Express's `trust proxy` reads it: empty (the default) trusts none and the client is the
   * socket's peer; a number trusts that many hops; otherwise addresses, CIDRs or `loopback`,
   * `linklocal`, `uniquelocal`, comma-separated (e.g. the Ingress's pod network `10.0.0.0/8`).
   * Per-address rate limits count by the client it gives.
   */
  @IsString()
  @MaxLength(1000)
  @Matches(/^$|^\d{1,3}$|^[A-Za-z0-9.:/]+(\s*,\s*[A-Za-z0-9.:/]+)*$/, { message: 'TRUST_PROXY must be empty, a number of hops, or comma-separated addresses, CIDRs or loopback/linklocal/uniquelocal' })
  TRUST_PROXY = '';

  /** Development only; defaults to .cache/dev-keys under the working directory (the repository root). */
  @IsOptional()
  @IsString()
  AUTH_DEV_KEY_DIR?: string;

  /**
   * Rules that span variables, checked after each variable on its own. Subclasses
   * extend it: `return [...super.crossCheck(), ...mine]`.
   */
  crossCheck(): ConfigProblem[] {
    const problems: ConfigProblem[] = [];
    if (this.NODE_ENV === 'production' && this.AUTH_MODE !== 'production') {
      problems.push({ variable: 'AUTH_MODE', reasons: ['AUTH_MODE must be production when NODE_ENV is production'] });
    }
    if (this.AUTH_MODE === 'production' && this.AUTH_JWKS_URL === undefined) {
      problems.push({ variable: 'AUTH_JWKS_URL', reasons: ['AUTH_JWKS_URL is required when AUTH_MODE is production'] });
    }
    if (this.AUTH_MODE === 'production' && this.AUTH_DEV_KEY_DIR !== undefined) {
      problems.push({ variable: 'AUTH_DEV_KEY_DIR', reasons: ['AUTH_DEV_KEY_DIR must not be set when AUTH_MODE is production'] });
    }
    if (this.KAFKA_SESSION_TIMEOUT_MS < this.KAFKA_FETCH_MAX_WAIT_MS + 1000) {
      problems.push({ variable: 'KAFKA_SESSION_TIMEOUT_MS', reasons: ['KAFKA_SESSION_TIMEOUT_MS must exceed KAFKA_FETCH_MAX_WAIT_MS by 1000 at least'] });
    }
    if (this.KAFKA_HEARTBEAT_INTERVAL_MS >= this.KAFKA_SESSION_TIMEOUT_MS) {
      problems.push({ variable: 'KAFKA_HEARTBEAT_INTERVAL_MS', reasons: ['KAFKA_HEARTBEAT_INTERVAL_MS must be less than KAFKA_SESSION_TIMEOUT_MS'] });
    }
    return problems;
  }

  /** What every consumer of the service takes from the environment. */
  consumerSettings(): Pick<
    EventConsumerOptions,
    'offsetCommitIntervalMs' | 'fetchGatherMs' | 'maxWaitTimeInMs' | 'maxBytesPerPartition' | 'sessionTimeoutMs' | 'heartbeatIntervalMs'
  > {
    return {
      offsetCommitIntervalMs: this.KAFKA_OFFSET_COMMIT_INTERVAL_MS,
      fetchGatherMs: this.KAFKA_FETCH_GATHER_MS,
      maxWaitTimeInMs: this.KAFKA_FETCH_MAX_WAIT_MS,
      maxBytesPerPartition: this.KAFKA_FETCH_MAX_BYTES_PER_PARTITION,
      sessionTimeoutMs: this.KAFKA_SESSION_TIMEOUT_MS,
      heartbeatIntervalMs: this.KAFKA_HEARTBEAT_INTERVAL_MS,
    };
  }
}

/** One bad variable and what is wrong with it. */
export interface ConfigProblem {
  variable: string;
  reasons: string[];
}
