import { createEnvelope, DIRECTORY_STREAM_ID } from '@grievance/contracts';
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

  it('keys a directory entry by <kind>:<id>, so its compacted topic keeps the latest state of each entry', () => {
    const envelope = createEnvelope({
      topic: 'directory.entry-changed.v1',
      grievanceId: DIRECTORY_STREAM_ID,
      actor: { id: 'admin-1', role: 'admin' },
      correlationId: 'req-1',
      payload: { kind: 'grid', id: 'xiangyun-yuhua-g9', version: 2, retired: false, changedAt: new Date().toISOString() },
    });
    expect(toWireMessage(envelope).key).toBe('grid:xiangyun-yuhua-g9');
  });
});

describe('decodeHeaders', () => {
  it('turns kafka header buffers into strings and drops empty ones', () => {
    expect(decodeHeaders({ a: Buffer.from('x'), b: [Buffer.from('y')], c: undefined })).toEqual({ a: 'x', b: 'y' });
  });
});
