/**
 * Decode cost per consumed event: `npx tsx bench/decode/decode-bench.ts [--events 20000]`.
 * Decodes a realistic message of a few topics over and over, after a warm-up, with the
 * compiled checks consumers use (decodeEvent) and with class-transformer and class-validator
 * on every message (decodeEventWithClassValidator, what consumers did before), and prints µs
 * per event, the median of five runs and their range. A benchmark, not a test.
 */
import { performance } from 'node:perf_hooks';
import { Actor, createEnvelope, DecodeResult, decodeEvent, decodeEventWithClassValidator, PayloadOf, SYSTEM_ACTOR, TopicName } from '@grievance/contracts';

const GRIEVANCE = '0195a3c2-8f00-7abc-9def-0123456789ab';
const TICKET = { ticketId: '0195a3c2-8f00-7abc-9def-0123456789ad', gridId: 'dh-01-g3', gridWorkerId: 'gw-12', attempt: 1, acceptBy: '2026-11-23T09:00:00.000Z' };

/** A message as a consumer reads it off the topic. */
function sample<T extends TopicName>(topic: T, actor: Actor, payload: PayloadOf<T>): { topic: TopicName; value: Buffer } {
  const envelope = createEnvelope({ topic, grievanceId: GRIEVANCE, actor, correlationId: 'req-1', payload });
  return { topic, value: Buffer.from(JSON.stringify(envelope)) };
}

const samples = [
  sample('grievance.submitted.v1', { id: 'worker-1', role: 'worker' }, {
    trackingNo: 'NC-20261123-000001',
    kind: 'hazard',
    category: 'manhole_cover_missing',
    title: 'Manhole cover missing',
    description: 'At the crossroads by the delivery station',
    urgency: 'urgent',
    location: { lat: 28.68, lng: 115.86 },
    attachmentIds: [],
    reporter: { id: 'worker-1', occupation: 'rider' },
    submittedAt: '2026-11-23T08:00:00.000Z',
  }),
  sample('grievance.routed.v1', SYSTEM_ACTOR, {
    kind: 'hazard',
    category: 'manhole_cover_missing',
    districtId: 'donghu',
    gridId: 'dh-01-g3',
    level: 'member',
    holder: { type: 'member', id: 'member-7', name: 'Member 7', level: 'member' },
    fallback: false,
  }),
  sample('ticket.dispatched.v1', SYSTEM_ACTOR, TICKET),
];

function argument(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

type Decoder = (topic: TopicName, raw: Buffer) => DecodeResult<TopicName>;

function measure(decode: Decoder, topic: TopicName, value: Buffer, events: number): string {
  for (let i = 0; i < 2000; i += 1) decode(topic, value);
  const runs: number[] = [];
  for (let run = 0; run < 5; run += 1) {
    const started = performance.now();
    for (let i = 0; i < events; i += 1) decode(topic, value);
    runs.push(((performance.now() - started) * 1000) / events);
  }
  runs.sort((a, b) => a - b);
  return `${runs[2]!.toFixed(1)} µs (${runs[0]!.toFixed(1)}-${runs[4]!.toFixed(1)})`;
}

function main(): void {
  const events = argument('events', 20_000);
  console.log(`µs per event, median of 5 runs of ${events} (range)`);
  for (const { topic, value } of samples) {
    const first = decodeEvent(topic, value);
    if (!first.ok) throw new Error(`sample of ${topic} does not decode: ${first.reason}`);
    const before = measure(decodeEventWithClassValidator, topic, value, events);
    const after = measure(decodeEvent, topic, value, events);
    console.log(`${topic} (${value.length} bytes): class-validator ${before} → compiled ${after}`);
  }
}

main();
