import { deadlineNotice } from './grievance-deadlines';

const MIN = 60_000;

describe('the SLA notices of an inbox', () => {
  const deadline = (over: Partial<Parameters<typeof deadlineNotice>[1]>) => ({ target: 'respond' as const, status: 'running' as const, remainingMs: 100 * MIN, warned: false, breached: false, ...over });

  it('say nothing before the warning fires, or while the clock waits for the reporter', () => {
    expect(deadlineNotice('zh-CN', deadline({}))).toBeNull();
    expect(deadlineNotice('zh-CN', deadline({ status: 'paused', warned: true, remainingMs: 5 * MIN }))).toBeNull();
    expect(deadlineNotice('zh-CN', deadline({ remainingMs: null }))).toBeNull();
  });

  it('tell the time left once the warning fired, in Chinese by default and in English when asked', () => {
    expect(deadlineNotice('zh-CN', deadline({ warned: true, remainingMs: 95 * MIN }))).toBe('响应时限还剩 1 小时 35 分钟，即将超时');
    expect(deadlineNotice('en', deadline({ target: 'resolve', warned: true, remainingMs: 20 * MIN }))).toBe('20 min left to resolve: the deadline is near');
  });

  it('tell the time past once the deadline broke', () => {
    expect(deadlineNotice('zh-CN', deadline({ status: 'breached', breached: true, warned: true, remainingMs: -3 * 60 * MIN }))).toBe('已超出响应时限 3 小时 0 分钟');
    expect(deadlineNotice('zh-CN', deadline({ target: 'resolve', remainingMs: -10 * MIN }))).toBe('已超出办结时限 10 分钟');
  });
});
