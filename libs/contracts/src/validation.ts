import { plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';
import { EventEnvelope } from './envelope';
import { PayloadOf, TopicName, topicSpec } from './topics';
import { decodeUtf8Strictly, describeJsonHazard, findJsonHazard } from './untrusted-json';

/**
 * The largest event a consumer accepts. Real events are a few KiB; anything near the
 * broker's 1 MiB cap is someone's mistake or attack and goes to the dead-letter topic.
 */
export const MAX_EVENT_BYTES = 256 * 1024;

export type DecodeResult<T extends TopicName> =
  | { ok: true; envelope: EventEnvelope<PayloadOf<T>> }
  | { ok: false; reason: string };

/** Flattens class-validator errors into `path: message` lines. */
export function describeValidationErrors(errors: ValidationError[], parent = ''): string[] {
  const lines: string[] = [];
  for (const error of errors) {
    const path = parent ? `${parent}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) lines.push(`${path}: ${message}`);
    lines.push(...describeValidationErrors(error.children ?? [], path));
  }
  return lines;
}

const OPTIONS = { forbidUnknownValues: true, validationError: { target: false, value: false } } as const;

/**
 * Decodes and validates a message from a topic: its size, strict UTF-8, JSON free of
 * prototype keys and runaway nesting, the envelope, then the payload against the
 * topic's class. Consumers treat every message as untrusted.
 */
export function decodeEvent<T extends TopicName>(topic: T, raw: Buffer | string | null): DecodeResult<T>;
export function decodeEvent(topic: string, raw: Buffer | string | null): DecodeResult<TopicName>;
export function decodeEvent(topic: string, raw: Buffer | string | null): DecodeResult<TopicName> {
  const spec = topicSpec(topic);
  if (!spec) return { ok: false, reason: `unknown topic ${topic}` };
  if (raw === null || raw.length === 0) return { ok: false, reason: 'empty message' };
  const bytes = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
  if (bytes.length > MAX_EVENT_BYTES) return { ok: false, reason: `oversized: ${bytes.length} bytes, at most ${MAX_EVENT_BYTES}` };
  const text = decodeUtf8Strictly(bytes);
  if (text === undefined) return { ok: false, reason: 'not valid UTF-8' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `not JSON: ${(error as Error).message}` };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, reason: 'envelope must be a JSON object' };
  }
  const hazard = findJsonHazard(json);
  if (hazard) return { ok: false, reason: `unsafe JSON: ${describeJsonHazard(hazard)}` };
  const envelope = plainToInstance(EventEnvelope, json);
  const envelopeErrors = describeValidationErrors(validateSync(envelope, OPTIONS));
  if (envelopeErrors.length) return { ok: false, reason: `invalid envelope: ${envelopeErrors.join('; ')}` };
  if (envelope.type !== spec.type || envelope.version !== spec.version) {
    return { ok: false, reason: `envelope says ${envelope.type}.v${envelope.version}, topic carries ${spec.type}.v${spec.version}` };
  }
  const payload = plainToInstance(spec.payload as new () => object, (json as { payload: unknown }).payload);
  const payloadErrors = describeValidationErrors(validateSync(payload, OPTIONS), 'payload');
  if (payloadErrors.length) return { ok: false, reason: `invalid payload: ${payloadErrors.join('; ')}` };
  return { ok: true, envelope: { ...envelope, payload } as EventEnvelope<PayloadOf<TopicName>> };
}
