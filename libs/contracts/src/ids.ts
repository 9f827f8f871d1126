import { createHash, randomBytes } from 'node:crypto';

/** The millisecond the last id was made in, and the counter its ids carry (see uuidv7). */
let counterMs = -1;
let counter = 0;
/** The counter's bits: rand_a's 12 and the 6 of rand_b after the variant (RFC 9562, 6.2, method 1). */
const COUNTER_BITS = 18;
const COUNTER_MAX = 2 ** COUNTER_BITS - 1;

/**
 * A UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits.
 * Event ids sort by creation time, which keeps outbox and inbox indexes compact. Ids this
 * process makes within one millisecond sort in the order they were made too (a counter,
 * started at random in each millisecond, takes the first 18 random bits), so rows written in
 * one transaction, which share its timestamp, still list in the order they were written.
 */
export function uuidv7(now: number = Date.now()): string {
  const bytes = randomBytes(16);
  const ms = BigInt(now);
  for (let i = 0; i < 6; i++) {
    bytes[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  }
  if (now === counterMs && counter < COUNTER_MAX) {
    counter += 1;
  } else {
    // A new millisecond (or an exhausted counter): start anywhere in the lower half, leaving room to count up.
    counterMs = now;
    counter = ((bytes[6]! << 16) | (bytes[7]! << 8) | bytes[8]!) & (COUNTER_MAX >> 1);
  }
  bytes[6] = 0x70 | (counter >> 14); // version 7, then the counter's top 4 bits
  bytes[7] = (counter >> 6) & 0xff;
  bytes[8] = 0x80 | (counter & 0x3f); // RFC 4122 variant, then the counter's last 6 bits
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const UUID_V7_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The Unix milliseconds encoded in a UUID v7. */
export function uuidv7Time(id: string): number {
  return Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16);
}

/** The namespace of points accounts (a UUID v5 namespace of this project's own). */
const POINTS_ACCOUNT_NAMESPACE = Buffer.from('6f0c8f52d2a34f1e9b7e3c1a5d4e2b90', 'hex');

/**
 * The id of a worker's points account: a UUID v5 (RFC 9562, SHA-1) of the worker id, the
 * same wherever it is computed. A worker's facts that belong to no grievance (volunteering,
 * redemptions, hand-overs, registrations, benefit applications) travel with it as their
 * envelope's grievanceId: it keys their Kafka messages, so one worker's facts keep their
 * order, and it is the audit chain (GET /v1/trace/:id) that holds them.
 */
export function pointsAccountId(workerId: string): string {
  const bytes = createHash('sha1').update(POINTS_ACCOUNT_NAMESPACE).update(workerId, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
