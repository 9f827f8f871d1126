import {
  CanActivate,
  ExecutionContext,
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  SetMetadata,
  type Provider,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Redis } from 'ioredis';
import { PinoLogger } from 'nestjs-pino';
import type { AuthenticatedRequest } from '@grievance/auth';
import { REDIS_CLIENT, SERVICE_CONFIG } from '../tokens';
import type { ServiceConfig } from '../config/service-config';

/** How many requests of one kind a caller may make in a window. */
export interface RateLimitRule {
  limit: number;
  windowMs: number;
  /** For the 429 message: "submissions", "uploads". */
  noun: string;
  /** Whom a request counts against: the token's `sub` (the default), or the client's address (public routes). */
  by?: 'caller' | 'address';
}

/** The service's rules by bucket name; provide with `rateLimitRules(...)`. */
export const RATE_LIMIT_RULES = Symbol('RATE_LIMIT_RULES');
const RATE_LIMIT_BUCKET = 'grievance:rate-limit-bucket';

export const rateLimitRules = (rules: Record<string, RateLimitRule>): Provider => ({ provide: RATE_LIMIT_RULES, useValue: rules });

/** The bucket a handler (or every handler of a controller) counts against; use with `@UseGuards(RateLimitGuard)`. */
export const RateLimit = (bucket: string) => SetMetadata(RATE_LIMIT_BUCKET, bucket);

/**
 * GCRA (the generic cell rate algorithm, a token bucket kept as one timestamp): the key
 * holds the theoretical arrival time of the caller's next request. A caller may burst
 * up to `limit` requests, then one every `windowMs / limit`. Redis's own clock decides,
 * so every replica of the service counts against the same bucket.
 * Returns {allowed (1|0), remaining, retryAfterMs}.
 */
const GCRA = `
local key = KEYS[1]
local interval = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = t[1] * 1000 + math.floor(t[2] / 1000)
local tat = tonumber(redis.call('GET', key)) or now
if tat < now then tat = now end
local next_tat = tat + interval
local allow_at = next_tat - window
if now < allow_at then
  return {0, 0, allow_at - now}
end
redis.call('SET', key, next_tat, 'PX', math.ceil(next_tat - now))
return {1, math.floor((window - (next_tat - now)) / interval), 0}
`;

/** A Redis that does not answer this fast does not hold the request up. */
const REDIS_TIMEOUT_MS = 250;

/** Where the RateLimit-* and Retry-After headers go. */
export interface RateLimitHeaders {
  setHeader(name: string, value: string): unknown;
}

/**
 * The address a request came from, as the app's `trust proxy` setting reads it (Express's
 * `req.ip`: the socket's peer unless proxies in front are trusted, then the client they name).
 */
export function clientAddressOf(request: { ip?: string; socket?: { remoteAddress?: string } }): string | undefined {
  return request.ip ?? request.socket?.remoteAddress;
}

/**
 * Counts requests per bucket and key, in Redis (so it holds across replicas), sets the
 * RateLimit-Limit and RateLimit-Remaining headers, and past the limit sets Retry-After and
 * throws 429. For a handler that knows its caller only once it has read the request (a key
 * in a form body); handlers that know it before take RateLimitGuard. When Redis is away it
 * lets requests through and says so in the log: refusing every worker's report because a
 * counter is down would hurt more than a burst.
 */
@Injectable()
export class RateLimiter {
  private readonly keyPrefix: string;

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(RATE_LIMIT_RULES) private readonly rules: Record<string, RateLimitRule>,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
    private readonly logger: PinoLogger,
  ) {
    this.keyPrefix = `rate:${config.KAFKA_TOPIC_PREFIX}${config.SERVICE_NAME}:`;
    this.logger.setContext('rate-limit');
  }

  /** Counts one request of `key` against `bucket` (a bucket without a rule counts nothing); throws 429 past the limit. */
  async enforce(bucket: string, key: string, response: RateLimitHeaders): Promise<void> {
    const rule = this.rules[bucket];
    if (!rule) return;
    const verdict = await this.take(`${this.keyPrefix}${bucket}:${key}`, rule);
    if (!verdict) return;
    response.setHeader('RateLimit-Limit', String(rule.limit));
    response.setHeader('RateLimit-Remaining', String(verdict.remaining));
    if (verdict.allowed) return;
    const retryAfterSec = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
    response.setHeader('Retry-After', String(retryAfterSec));
    throw new HttpException(
      {
        statusCode: 429,
        error: 'Too Many Requests',
        message: [`too many ${rule.noun}: at most ${rule.limit} every ${describeWindow(rule.windowMs)}; try again in ${retryAfterSec} s`],
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }

  private async take(key: string, rule: RateLimitRule): Promise<{ allowed: boolean; remaining: number; retryAfterMs: number } | undefined> {
    const interval = rule.windowMs / rule.limit;
    try {
      const answer = (await Promise.race([
        this.redis.eval(GCRA, 1, key, String(interval), String(rule.windowMs)),
        new Promise((_, reject) => setTimeout(() => reject(new Error(`redis did not answer within ${REDIS_TIMEOUT_MS} ms`)), REDIS_TIMEOUT_MS).unref()),
      ])) as [number, number, number];
      return { allowed: answer[0] === 1, remaining: Math.max(0, answer[1]), retryAfterMs: answer[2] };
    } catch (error) {
      this.logger.warn({ err: error, key }, 'rate limit not checked: redis unavailable; letting the request through');
      return undefined;
    }
  }
}

/**
 * Counts each caller's requests per bucket (see RateLimiter). It runs after the JWT guard
 * (controller-level guards come after global ones), so the caller is the token's `sub`; a
 * rule `by: 'address'` counts by the client's address instead (public routes, no token),
 * as the app's `trust proxy` setting reads it.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly limiter: RateLimiter;

  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(REDIS_CLIENT) redis: Redis,
    @Inject(RATE_LIMIT_RULES) private readonly rules: Record<string, RateLimitRule>,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
    logger: PinoLogger,
  ) {
    this.limiter = new RateLimiter(redis, rules, config, logger);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const bucket = this.reflector.getAllAndOverride<string | undefined>(RATE_LIMIT_BUCKET, [context.getHandler(), context.getClass()]);
    const rule = bucket ? this.rules[bucket] : undefined;
    if (!bucket || !rule) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest & { ip?: string; socket?: { remoteAddress?: string } }>();
    const address = rule.by === 'address' ? clientAddressOf(request) : undefined;
    const caller = rule.by === 'address' ? (address === undefined ? undefined : `address:${address}`) : request.principal?.sub;
    if (!caller) return true;
    await this.limiter.enforce(bucket, caller, context.switchToHttp().getResponse<RateLimitHeaders>());
    return true;
  }
}

function describeWindow(ms: number): string {
  if (ms % 3_600_000 === 0) return ms === 3_600_000 ? 'hour' : `${ms / 3_600_000} hours`;
  if (ms % 60_000 === 0) return ms === 60_000 ? 'minute' : `${ms / 60_000} minutes`;
  return `${ms / 1000} s`;
}
