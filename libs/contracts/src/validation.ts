import { plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';
import { EventEnvelope } from './envelope';
import { instantiate, isCompilable, passes } from './compiled-validation';
import { PayloadOf, TopicName, topicSpec, TopicSpec } from './topics';
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
 *
 * The envelope and payload rules are checked by functions compiled once per class from the
 * classes' class-validator metadata (compiled-validation.ts); a message they refuse is
 * described by class-validator itself, so the reason is exactly what it always was.
 */
export function decodeEvent<T extends TopicName>(topic: T, raw: Buffer | string | null): DecodeResult<T>;
export function decodeEvent(topic: string, raw: Buffer | string | null): DecodeResult<TopicName>;
export function decodeEvent(topic: string, raw: Buffer | string | null): DecodeResult<TopicName> {
  const parsed = parseEvent(topic, raw);
  if (!parsed.ok) return parsed;
  const { spec, json } = parsed;
  const payloadClass = spec.payload as new () => object;
  if (!isCompilable(EventEnvelope) || !isCompilable(payloadClass)) return validateEvent(spec, json);
  if (!passes(EventEnvelope, json)) return validateEvent(spec, json);
  const fields = json as { type?: unknown; version?: unknown; payload?: unknown };
  if (fields.type !== spec.type || fields.version !== spec.version) return validateEvent(spec, json);
  const payloadJson = fields.payload as object; // the envelope's @IsObject held
  if (!passes(payloadClass, payloadJson)) return validateEvent(spec, json);
  const envelope = instantiate(EventEnvelope, json);
  const payload = instantiate(payloadClass, payloadJson);
  return { ok: true, envelope: { ...envelope, payload } as EventEnvelope<PayloadOf<TopicName>> };
}

/** The same decoding with class-transformer and class-validator on every message (what decodeEvent did before its rules were compiled): the reference the compiled checks are tested against. */
export function decodeEventWithClassValidator(topic: string, raw: Buffer | string | null): DecodeResult<TopicName> {
  const parsed = parseEvent(topic, raw);
  return parsed.ok ? validateEvent(parsed.spec, parsed.json) : parsed;
}

type Parsed = { ok: true; spec: TopicSpec<unknown>; json: object } | { ok: false; reason: string };

function parseEvent(topic: string, raw: Buffer | string | null): Parsed {
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
  return { ok: true, spec, json };
}

/** class-transformer and class-validator over the envelope, then the payload: every broken rule, by field path. */
function validateEvent(spec: TopicSpec<unknown>, json: object): DecodeResult<TopicName> {
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
