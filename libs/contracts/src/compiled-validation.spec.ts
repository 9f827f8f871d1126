import { createEnvelope, EventEnvelope, SYSTEM_ACTOR } from './envelope';
import { DirectoryEntryChangedV1 } from './events/directory-entry-changed.v1';
import { GrievanceRoutedV1 } from './events/grievance-routed.v1';
import { GrievanceSubmittedV1 } from './events/grievance-submitted.v1';
import { CATALOGUE_TOPICS, DEPARTMENT_TOPIC_SPEC, departmentIssuesTopic, TopicName, TOPICS } from './topics';
import { isCompilable, passes } from './compiled-validation';
import { decodeEvent, decodeEventWithClassValidator } from './validation';

const GRIEVANCE = '0195a3c2-8f00-7abc-9def-0123456789ab';

const submitted: GrievanceSubmittedV1 = {
  trackingNo: 'NC-20261123-000042',
  kind: 'hazard',
  category: 'manhole_cover_missing',
  title: 'Manhole cover missing at the crossroads',
  description: 'Open manhole on the east side of the crossing.',
  urgency: 'urgent',
  location: { lat: 28.6829, lng: 115.8579, address: 'Bayi Avenue / Zhongshan Road' },
  attachmentIds: ['0195a3c2-8f00-7abc-9def-0123456789ac'],
  reporter: { id: 'worker-1', occupation: 'rider' },
  submittedAt: '2026-11-23T08:30:00.000Z',
};

const routed: GrievanceRoutedV1 = {
  kind: 'hazard',
  category: 'manhole_cover_missing',
  districtId: 'donghu',
  level: 'member',
  holder: { type: 'member', id: 'member-7', name: 'Member 7', level: 'member' },
  fallback: false,
};

const directoryEntry: DirectoryEntryChangedV1 = {
  kind: 'grid',
  id: 'dh-01-g3',
  version: 3,
  retired: false,
  changedAt: '2026-11-23T08:30:00.000Z',
  name: 'Grid 3',
  parentId: null,
  polygon: { type: 'Polygon', coordinates: [[[115.8, 28.6], [115.9, 28.6], [115.9, 28.7], [115.8, 28.6]]] },
  attributes: { note: { nested: ['x'] } },
};

const samples: { topic: TopicName; payload: object }[] = [
  { topic: 'grievance.submitted.v1', payload: submitted },
  { topic: 'grievance.routed.v1', payload: routed },
  { topic: 'directory.entry-changed.v1', payload: directoryEntry },
];

const envelopeOf = (topic: TopicName, payload: object) =>
  JSON.parse(JSON.stringify(createEnvelope({ topic, grievanceId: GRIEVANCE, actor: SYSTEM_ACTOR, correlationId: 'req-1', payload: payload as never }))) as Record<string, unknown>;

const both = (topic: string, message: unknown) => {
  const raw = Buffer.from(JSON.stringify(message));
  return { compiled: decodeEvent(topic, raw), reference: decodeEventWithClassValidator(topic, raw) };
};

/** Every way to break one value: gone, null, each wrong JSON type, empty, too long, an enum's stranger, an array of itself, an object with an extra key. */
function variants(value: unknown): unknown[] {
  const out: unknown[] = [undefined, null, 0, -1, 1.5, 42, '', 'x', 'x'.repeat(5000), true, false, {}, [], [value], { unexpected: 1 }, 'not-one-of-them'];
  if (value && typeof value === 'object' && !Array.isArray(value)) out.push({ ...value, unexpected: 1 }, { ...value, toString: 'shadow' });
  if (typeof value === 'string') out.push(`${value} `, value.toUpperCase());
  if (typeof value === 'number') out.push(String(value), -value, value + 0.5, 1e9);
  return out;
}

/** Each path to a value inside a JSON value (objects and arrays), the root excluded. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (!value || typeof value !== 'object') return [];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return keys.flatMap((key) => [[...prefix, key], ...paths((value as Record<string | number, unknown>)[key], [...prefix, key])]);
}

function replaced(root: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (value === undefined && !Array.isArray(at)) delete at[last];
  else at[last] = value;
  return copy;
}

describe('the compiled envelope and payload checks', () => {
  it('compile for the envelope and every payload class of the catalogue', () => {
    expect(isCompilable(EventEnvelope)).toBe(true);
    const notCompiled = [...CATALOGUE_TOPICS.map((t) => TOPICS[t].payload), DEPARTMENT_TOPIC_SPEC.payload].filter((cls) => !isCompilable(cls as new () => object));
    expect(notCompiled.map((cls) => cls.name)).toEqual([]);
  });

  it('give back what class-transformer gave: the same instances, fields and values', () => {
    for (const { topic, payload } of samples) {
      const { compiled, reference } = both(topic, envelopeOf(topic, payload));
      expect({ topic, reference: reference.ok ? 'ok' : reference.reason }).toEqual({ topic, reference: 'ok' });
      expect(compiled).toStrictEqual(reference);
      if (compiled.ok) expect(compiled.envelope.payload).toBeInstanceOf(TOPICS[topic as keyof typeof TOPICS].payload);
    }
    const issue = envelopeOf(departmentIssuesTopic('municipal_works'), { ...submitted, routedAt: '2026-11-23T08:31:00.000Z', reason: 'routed' });
    const { compiled, reference } = both(departmentIssuesTopic('municipal_works'), issue);
    expect(compiled).toStrictEqual(reference);
  });

  it('refuse a missing field, a wrong type, a bad enum and a nested error with the same field paths as class-validator', () => {
    const cases: [string, unknown][] = [
      ['missing field', replaced(envelopeOf('grievance.submitted.v1', submitted), ['payload', 'title'], undefined)],
      ['wrong type', replaced(envelopeOf('grievance.submitted.v1', submitted), ['payload', 'attachmentIds'], 'one')],
      ['bad enum', replaced(envelopeOf('grievance.submitted.v1', submitted), ['payload', 'urgency'], 'whenever')],
      ['nested error', replaced(envelopeOf('grievance.submitted.v1', submitted), ['payload', 'location', 'lat'], 123)],
      ['nested in an array', replaced(envelopeOf('directory.entry-changed.v1', directoryEntry), ['payload', 'polygon', 'type'], 'Circle')],
      ['envelope field', replaced(envelopeOf('grievance.submitted.v1', submitted), ['actor', 'role'], 'emperor')],
    ];
    const reasons = cases.map(([name, message]) => {
      const topic = (message as { type: string }).type.startsWith('directory') ? 'directory.entry-changed.v1' : 'grievance.submitted.v1';
      const { compiled, reference } = both(topic, message);
      expect({ name, compiled }).toStrictEqual({ name, compiled: reference });
      return compiled.ok ? 'accepted' : compiled.reason;
    });
    expect(reasons).toEqual([
      'invalid payload: payload.title: title must be shorter than or equal to 200 characters; payload.title: title should not be empty; payload.title: title must be a string',
      expect.stringMatching(/^invalid payload: payload\.attachmentIds: /),
      expect.stringMatching(/^invalid payload: payload\.urgency: urgency must be one of the following values: /),
      'invalid payload: payload.location.lat: lat must be a latitude string or number',
      expect.stringMatching(/^invalid payload: payload\.polygon\.type: type must be one of the following values: Polygon$/),
      expect.stringMatching(/^invalid envelope: actor\.role: /),
    ]);
  });

  it('accept and refuse exactly what class-validator does, value by value, with the same reason', () => {
    let checked = 0;
    let accepted = 0;
    const differences: string[] = [];
    for (const { topic, payload } of samples) {
      const message = envelopeOf(topic, payload);
      for (const path of paths(message)) {
        for (const value of variants(path.reduce<unknown>((at, key) => (at as Record<string | number, unknown>)[key], message))) {
          const variant = replaced(message, path, value) as Record<string, unknown>;
          const { compiled, reference } = both(topic, variant);
          checked += 1;
          // The checks themselves, not only decodeEvent (which asks class-validator whenever they refuse): the same verdict.
          const payloadClass = TOPICS[topic as keyof typeof TOPICS].payload as new () => object;
          const verdict =
            passes(EventEnvelope, variant) &&
            variant.type === topic.replace(/\.v1$/, '') &&
            variant.version === 1 &&
            passes(payloadClass, variant.payload as object);
          if (verdict !== reference.ok) differences.push(`${topic} ${path.join('.')} = ${JSON.stringify(value)?.slice(0, 40)}: compiled says ${verdict}`);
          if (reference.ok) accepted += 1;
          if (JSON.stringify(compiled) !== JSON.stringify(reference) || compiled.ok !== reference.ok) {
            differences.push(`${topic} ${path.join('.')} = ${JSON.stringify(value)?.slice(0, 40)}: ${JSON.stringify(compiled).slice(0, 200)} vs ${JSON.stringify(reference).slice(0, 200)}`);
          }
          if (compiled.ok && reference.ok) expect(compiled).toStrictEqual(reference);
        }
      }
    }
    expect(differences).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
    // Optional fields, free text and extra keys: a good share of the variants is valid.
    expect(accepted).toBeGreaterThan(100);
  });

  it('refuse every topic’s empty payload, and another topic’s payload, as class-validator does', () => {
    for (const topic of CATALOGUE_TOPICS) {
      for (const payload of [{}, submitted, routed, directoryEntry]) {
        const message = { ...envelopeOf('grievance.submitted.v1', submitted), type: topic.replace(/\.v1$/, ''), payload };
        const { compiled, reference } = both(topic, message);
        expect({ topic, compiled }).toStrictEqual({ topic, compiled: reference });
      }
    }
  });
});
