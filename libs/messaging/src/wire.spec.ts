import { createEnvelope } from '@grievance/contracts';
import { decodeHeaders, HEADER, toWireMessage } from './wire';

describe('toWireMessage', () => {
  it('keys the message by grievance id and carries the tracing headers', () => {
    const envelope = createEnvelope({
      topic: 'feedback.rated.v1',
      grievanceId: '0195a3c2-8f00-7abc-9def-0123456789ab',
      actor: { id: 'worker-9', role: 'worker' },
      correlationId: 'req-42',
      causationId: 'evt-1',
      payload: { reporterId: 'worker-9', rating: 'unsatisfied', comment: 'still open' },
    });
    const wire = toWireMessage(envelope);
    expect(wire.key).toBe(envelope.grievanceId);
    expect(JSON.parse(wire.value)).toEqual(envelope);
    expect(wire.headers).toMatchObject({
      [HEADER.eventId]: envelope.eventId,
      [HEADER.eventType]: 'feedback.rated',
      [HEADER.eventVersion]: '1',
      [HEADER.correlationId]: 'req-42',
      [HEADER.causationId]: 'evt-1',
    });
  });
});

describe('decodeHeaders', () => {
  it('turns kafka header buffers into strings and drops empty ones', () => {
    expect(decodeHeaders({ a: Buffer.from('x'), b: [Buffer.from('y')], c: undefined })).toEqual({ a: 'x', b: 'y' });
  });
});
