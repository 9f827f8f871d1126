import { autoCloseDueAt, autoCloseJobId } from './auto-close.scheduler';

describe('auto-close timing', () => {
  it('is due AUTO_CLOSE_AFTER_MS × SLA_TIME_SCALE after the resolution', () => {
    const resolvedAt = new Date('2026-11-23T10:00:00.000Z');
    expect(autoCloseDueAt(resolvedAt, { AUTO_CLOSE_AFTER_MS: 7 * 86_400_000, SLA_TIME_SCALE: 1 }).toISOString()).toBe('2026-11-30T10:00:00.000Z');
    expect(autoCloseDueAt(resolvedAt, { AUTO_CLOSE_AFTER_MS: 7 * 86_400_000, SLA_TIME_SCALE: 0.001 }).getTime() - resolvedAt.getTime()).toBe(604_800);
  });

  it('gives each resolution of a matter its own deterministic job id', () => {
    expect(autoCloseJobId('0190f1a2-0000-7000-8000-000000000001', 2)).toBe('0190f1a2-0000-7000-8000-000000000001#2');
    expect(autoCloseJobId('g', 1)).not.toBe(autoCloseJobId('g', 2));
  });
});
