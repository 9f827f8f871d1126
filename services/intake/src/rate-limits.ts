import type { Provider } from '@nestjs/common';
import { RATE_LIMIT_RULES, RateLimitGuard, type RateLimitRule } from '@grievance/platform';
import { IntakeConfig } from './config';

/** The limits of intake's own API (Open311 has its own): submissions, uploads and reads per caller and minute. */
export const intakeRateLimits = (config: IntakeConfig): Record<string, RateLimitRule> => ({
  submit: { limit: config.RATE_LIMIT_SUBMISSIONS_PER_MINUTE, windowMs: 60_000, noun: 'submissions' },
  upload: { limit: config.RATE_LIMIT_UPLOADS_PER_MINUTE, windowMs: 60_000, noun: 'uploads' },
  read: { limit: config.RATE_LIMIT_READS_PER_MINUTE, windowMs: 60_000, noun: 'reads' },
});

/** What a context module with controllers of intake's own API provides for `@UseGuards(RateLimitGuard)`; the buckets live in Redis, so every module's guard counts against the same ones. */
export const INTAKE_RATE_LIMITING: Provider[] = [{ provide: RATE_LIMIT_RULES, useFactory: intakeRateLimits, inject: [IntakeConfig] }, RateLimitGuard];
