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

/**
 * Counts each authenticated caller's requests per bucket, in Redis (so it holds across
 * replicas), and answers 429 with Retry-After past the limit. It runs after the JWT
 * guard (controller-level guards come after global ones), so the caller is the token's
 * `sub`. When Redis is away it lets requests through and says so in the log: refusing
 * every worker's report because a counter is down would hurt more than a burst.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly keyPrefix: string;

  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(RATE_LIMIT_RULES) private readonly rules: Record<string, RateLimitRule>,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
    private readonly logger: PinoLogger,
  ) {
    this.keyPrefix = `rate:${config.KAFKA_TOPIC_PREFIX}${config.SERVICE_NAME}:`;
    this.logger.setContext('rate-limit');
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const bucket = this.reflector.getAllAndOverride<string | undefined>(RATE_LIMIT_BUCKET, [context.getHandler(), context.getClass()]);
    const rule = bucket ? this.rules[bucket] : undefined;
    const caller = context.switchToHttp().getRequest<AuthenticatedRequest>().principal?.sub;
    if (!bucket || !rule || !caller) return true;

    const verdict = await this.take(`${this.keyPrefix}${bucket}:${caller}`, rule);
    if (!verdict) return true;
    const response = context.switchToHttp().getResponse<{ setHeader(name: string, value: string): unknown }>();
    response.setHeader('RateLimit-Limit', String(rule.limit));
    response.setHeader('RateLimit-Remaining', String(verdict.remaining));
    if (verdict.allowed) return true;
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

function describeWindow(ms: number): string {
  if (ms % 3_600_000 === 0) return ms === 3_600_000 ? 'hour' : `${ms / 3_600_000} hours`;
  if (ms % 60_000 === 0) return ms === 60_000 ? 'minute' : `${ms / 60_000} minutes`;
  return `${ms / 1000} s`;
}
