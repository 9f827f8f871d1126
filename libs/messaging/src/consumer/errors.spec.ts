import {
  classifyFailure,
  DEFAULT_RETRY_POLICY,
  IgnoreEventError,
  isInfrastructureFailure,
  PermanentEventError,
  retryDelay,
} from './errors';

describe('classifyFailure', () => {
  it('parks a permanent failure at once, skips an ignorable one and retries anything else', () => {
    expect(classifyFailure(new PermanentEventError('category is not routable'))).toBe('dead-letter');
    expect(classifyFailure(new IgnoreEventError('not ours'))).toBe('ignore');
    expect(classifyFailure(new Error('deadlock detected'))).toBe('retry');
    expect(classifyFailure('a string thrown by mistake')).toBe('retry');
  });
});

describe('isInfrastructureFailure', () => {
  it('recognises an unreachable or restarting database', () => {
    expect(isInfrastructureFailure(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isInfrastructureFailure(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
    expect(isInfrastructureFailure(Object.assign(new Error('connection failure'), { code: '08006' }))).toBe(true);
    expect(isInfrastructureFailure(new Error('Connection terminated unexpectedly'))).toBe(true);
  });

  it('recognises a pool with no connection free in time (a busy service, not a bad message)', () => {
    expect(isInfrastructureFailure(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isInfrastructureFailure(Object.assign(new Error('canceling statement due to lock timeout'), { code: '55P03' }))).toBe(false);
  });

  it('does not blame the infrastructure for a broken rule or bad data', () => {
    expect(isInfrastructureFailure(Object.assign(new Error('duplicate key value'), { code: '23505' }))).toBe(false);
    expect(isInfrastructureFailure(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
  });
});

describe('retryDelay', () => {
  it('grows exponentially, never beyond the cap, and never below half the step', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, initialDelayMs: 100, maxDelayMs: 1000 };
    expect(retryDelay(policy, 1, () => 0)).toBe(50);
    expect(retryDelay(policy, 1, () => 1)).toBe(100);
    expect(retryDelay(policy, 3, () => 1)).toBe(400);
    expect(retryDelay(policy, 10, () => 1)).toBe(1000);
    expect(retryDelay(policy, 10, () => 0)).toBe(500);
  });
});
