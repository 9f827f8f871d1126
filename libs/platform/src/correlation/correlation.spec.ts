import type { IncomingMessage, ServerResponse } from 'node:http';
import { correlationIdForNewWork, currentCorrelationId, requestCorrelationId, runWithCorrelationId } from './correlation';

function exchange(headers: Record<string, string> = {}) {
  const sent: Record<string, string> = {};
  const req = { headers } as unknown as IncomingMessage;
  const res = {
    headersSent: false,
    getHeader: (name: string) => sent[name],
    setHeader: (name: string, value: string) => (sent[name] = value),
  } as unknown as ServerResponse;
  return { req, res, sent };
}

describe('correlation ids', () => {
  it('takes the caller’s x-correlation-id and echoes it', () => {
    const { req, res, sent } = exchange({ 'x-correlation-id': 'req-7' });
    expect(requestCorrelationId(req, res)).toBe('req-7');
    expect(sent['x-correlation-id']).toBe('req-7');
  });

  it('decides once per request', () => {
    const { req, res } = exchange();
    const first = requestCorrelationId(req, res);
    expect(requestCorrelationId(req)).toBe(first);
  });

  it('makes an id current for everything a function awaits, and only there', async () => {
    expect(currentCorrelationId()).toBeUndefined();
    const seen = await runWithCorrelationId('job-1', async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return currentCorrelationId();
    });
    expect(seen).toBe('job-1');
    expect(currentCorrelationId()).toBeUndefined();
  });

  it('gives new work outside any request a fresh id', () => {
    expect(correlationIdForNewWork()).toMatch(/^[0-9a-f-]{36}$/);
    expect(runWithCorrelationId('req-9', correlationIdForNewWork)).toBe('req-9');
  });
});
