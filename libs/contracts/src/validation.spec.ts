import { createEnvelope, SYSTEM_ACTOR } from './envelope';
import { GrievanceSubmittedV1 } from './events/grievance-submitted.v1';
import { departmentIssuesTopic, topicSpec } from './topics';
import { decodeEvent, MAX_EVENT_BYTES } from './validation';

const GRIEVANCE = '0195a3c2-8f00-7abc-9def-0123456789ab';

function submitted(overrides: Partial<GrievanceSubmittedV1> = {}): GrievanceSubmittedV1 {
  return {
    trackingNo: 'NC-20261123-000042',
    kind: 'hazard',
    category: 'manhole_cover_missing',
    title: 'Manhole cover missing at the crossroads',
    description: 'Open manhole on the east side of the crossing, riders swerve around it.',
    urgency: 'urgent',
    location: { lat: 28.6829, lng: 115.8579, address: 'Bayi Avenue / Zhongshan Road' },
    attachmentIds: ['0195a3c2-8f00-7abc-9def-0123456789ac'],
    reporter: { id: 'worker-1', occupation: 'rider' },
    submittedAt: '2026-11-23T08:30:00.000Z',
    ...overrides,
  };
}

const encode = (value: unknown) => Buffer.from(JSON.stringify(value));

describe('decodeEvent', () => {
  it('accepts a well-formed event and gives back its typed payload', () => {
    const envelope = createEnvelope({
      topic: 'grievance.submitted.v1',
      grievanceId: GRIEVANCE,
      actor: { id: 'worker-1', role: 'worker' },
      correlationId: 'req-1',
      payload: submitted(),
    });
    const result = decodeEvent('grievance.submitted.v1', encode(envelope));
    expect(result).toMatchObject({ ok: true });
    if (result.ok) {
      expect(result.envelope.payload.location?.lat).toBe(28.6829);
      expect(result.envelope.type).toBe('grievance.submitted');
      expect(result.envelope.version).toBe(1);
    }
  });

  it('refuses a payload that breaks its contract and names the field', () => {
    const envelope = createEnvelope({
      topic: 'grievance.submitted.v1',
      grievanceId: GRIEVANCE,
      actor: SYSTEM_ACTOR,
      correlationId: 'req-1',
      payload: submitted({ location: { lat: 123, lng: 115.8 } }),
    });
    const result = decodeEvent('grievance.submitted.v1', encode(envelope));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('payload.location.lat');
  });

  it('refuses text that is not JSON, an empty message and an envelope without an event id', () => {
    expect(decodeEvent('grievance.submitted.v1', Buffer.from('not json{'))).toMatchObject({ ok: false });
    expect(decodeEvent('grievance.submitted.v1', null)).toMatchObject({ ok: false, reason: 'empty message' });
    const { eventId: _dropped, ...rest } = createEnvelope({
      topic: 'grievance.submitted.v1',
      grievanceId: GRIEVANCE,
      actor: SYSTEM_ACTOR,
      correlationId: 'c',
      payload: submitted(),
    });
    const result = decodeEvent('grievance.submitted.v1', encode(rest));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('eventId');
  });

  it('refuses an event published on a topic that does not carry its type', () => {
    const envelope = createEnvelope({
      topic: 'grievance.submitted.v1',
      grievanceId: GRIEVANCE,
      actor: SYSTEM_ACTOR,
      correlationId: 'c',
      payload: submitted(),
    });
    const result = decodeEvent('grievance.routed.v1', encode(envelope));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('grievance.submitted.v1');
  });
});

describe('decodeEvent on hostile bytes', () => {
  const good = () =>
    createEnvelope({ topic: 'grievance.submitted.v1', grievanceId: GRIEVANCE, actor: { id: 'worker-1', role: 'worker' }, correlationId: 'c', payload: submitted() });
  const reasonFor = (raw: Buffer | string) => {
    const result = decodeEvent('grievance.submitted.v1', raw);
    return result.ok ? 'accepted' : result.reason;
  };

  it('refuses a message over MAX_EVENT_BYTES before parsing it', () => {
    const huge = encode({ ...good(), payload: submitted({ description: 'x'.repeat(MAX_EVENT_BYTES) }) });
    expect(reasonFor(huge)).toMatch(/^oversized: \d+ bytes, at most 262144$/);
  });

  it('refuses bytes that are not UTF-8 instead of reading them with replacement characters', () => {
    const bytes = encode(good());
    const broken = Buffer.concat([bytes.subarray(0, 40), Buffer.from([0xc3, 0x28]), bytes.subarray(40)]);
    expect(reasonFor(broken)).toBe('not valid UTF-8');
  });

  it('refuses prototype keys anywhere, naming where', () => {
    const text = JSON.stringify(good()).replace('"location":{', '"location":{"__proto__":{"isAdmin":true},');
    expect(reasonFor(text)).toBe('unsafe JSON: payload.location.__proto__ is not an allowed property name');
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('refuses runaway nesting and numbers that lost their value', () => {
    const deep = { ...good(), extra: JSON.parse('['.repeat(40) + ']'.repeat(40)) as unknown };
    expect(reasonFor(encode(deep))).toMatch(/^unsafe JSON: extra(\[0\])+ nests deeper than 16 levels$/);
    const lossy = JSON.stringify(good()).replace('"lat":28.6829', '"lat":1e400');
    expect(reasonFor(lossy)).toMatch(/^unsafe JSON: payload.location.lat must be a number between/);
  });

  it('still accepts the same event once it is well formed', () => {
    expect(reasonFor(encode(good()))).toBe('accepted');
  });
});

describe('department topics', () => {
  it('names a department topic after its code and validates it as a department issue', () => {
    expect(departmentIssuesTopic('municipal_works')).toBe('department.municipal_works.issues.v1');
    expect(topicSpec('department.municipal_works.issues.v1')?.type).toBe('department.municipal_works.issues');
  });

  it('refuses a department code that would make an unsafe topic name', () => {
    expect(() => departmentIssuesTopic('../etc')).toThrow(/department code/);
    expect(() => departmentIssuesTopic('Fire Dept')).toThrow(/department code/);
  });
});
