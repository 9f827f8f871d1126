import type { RateLimitRule } from '@grievance/platform';
import type { IntakeConfig } from '../config';

/**
 * The Open311 routes' own limits. Reads are public, so a client is its address (as the app's
 * trust-proxy setting reads it); a post counts against its partner's api_key, and one with an
 * unknown api_key against its address.
 */
export const OPEN311_READ_BUCKET = 'open311-read';
export const OPEN311_POST_BUCKET = 'open311-post';

export const open311RateLimits = (config: IntakeConfig): Record<string, RateLimitRule> => ({
  [OPEN311_READ_BUCKET]: { limit: config.OPEN311_RATE_LIMIT_READS_PER_MINUTE, windowMs: 60_000, noun: 'Open311 reads', by: 'address' },
  [OPEN311_POST_BUCKET]: { limit: config.OPEN311_RATE_LIMIT_POSTS_PER_MINUTE, windowMs: 60_000, noun: 'Open311 requests' },
});
