/**
 * kafkajs 2.2.4 re-arms a check of its request queue with a negative delay whenever the
 * queue is empty, so every idle broker connection wakes its process about once a millisecond
 * forever (kafkajs#1556, #1704; upstream has not released a fix). patches/kafkajs+2.2.4.patch
 * fixes it at install time (npm's postinstall runs patch-package); this checks it is applied.
 * The same patch checks in-flight requests for their timeout once a second instead of every
 * 100 ms, which woke every connection ten times a second at rest.
 */
interface RequestQueueLike {
  checkPendingRequests(): void;
  scheduleRequestTimeoutCheck(): void;
  destroy(): void;
  inflight: Map<number, { sentAt: number; requestTimeout: number; timeoutRequest(): void }>;
  throttleCheckTimeoutId: unknown;
  throttledUntil: number;
  pending: unknown[];
}
const RequestQueue = require('kafkajs/src/network/requestQueue') as new (options: object) => RequestQueueLike;

const quietLogger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

function idleQueue(): RequestQueueLike {
  return new RequestQueue({
    instrumentationEmitter: null,
    maxInFlightRequests: 1,
    requestTimeout: 1000,
    enforceRequestTimeout: true,
    clientId: 'idle-check',
    broker: '127.0.0.1:9092',
    logger: quietLogger,
    isConnected: () => true,
  });
}

describe('an idle kafkajs connection (with the request-queue patch)', () => {
  it('arms no timer when nothing waits to be sent and nothing is throttled', () => {
    const queue = idleQueue();
    queue.checkPendingRequests();
    expect(queue.throttleCheckTimeoutId).toBeNull();
  });

  it('still checks again later while the broker throttles requests that wait', () => {
    const queue = idleQueue();
    queue.throttledUntil = Date.now() + 60_000;
    queue.pending.push({});
    queue.checkPendingRequests();
    expect(queue.throttleCheckTimeoutId).not.toBeNull();
    clearTimeout(queue.throttleCheckTimeoutId as NodeJS.Timeout);
  });

  describe('the check of in-flight requests for their timeout', () => {
    beforeEach(() => jest.useFakeTimers({ now: 0 }));
    afterEach(() => jest.useRealTimers());

    it('runs once a second, not ten times', () => {
      const queue = idleQueue();
      const interval = jest.spyOn(global, 'setInterval');
      queue.scheduleRequestTimeoutCheck();
      expect(interval).toHaveBeenCalledWith(expect.any(Function), 1000);
      queue.destroy();
    });

    it('still times out a request that gets no answer, within a second of its timeout', () => {
      const queue = idleQueue();
      const timedOut = jest.fn();
      queue.inflight.set(1, { sentAt: 0, requestTimeout: 1000, timeoutRequest: timedOut });
      queue.scheduleRequestTimeoutCheck();
      jest.advanceTimersByTime(1000);
      expect(timedOut).not.toHaveBeenCalled();
      jest.advanceTimersByTime(1000);
      expect(timedOut).toHaveBeenCalledTimes(1);
      queue.destroy();
    });
  });
});
