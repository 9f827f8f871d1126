import { eventSchemas, SCHEMA_REF_PREFIX } from '../schemas';
import { CATALOGUE_TOPICS, DEPARTMENT_TOPIC_SPEC, deadLetterTopic, TOPICS, TopicSpec } from '../topics';

const pascal = (name: string) =>
  name
    .replace(/<code>/, 'department')
    .split(/[.\-_]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');

/** The schema name of a payload class: its own, or its nearest ancestor's when it adds no fields. */
type PayloadClass = abstract new (...args: never[]) => unknown;

function schemaName(cls: PayloadClass, schemas: Record<string, unknown>): string {
  for (let c: PayloadClass | null = cls; c && c.name; c = Object.getPrototypeOf(c) as PayloadClass | null) {
    if (c.name in schemas) return c.name;
  }
  throw new Error(`no JSON schema for payload class ${cls.name}`);
}

/** The AsyncAPI 3.0 document of every topic, its key and its payload schema. */
export function buildAsyncApi(): Record<string, unknown> {
  const schemas = eventSchemas();
  const specs: TopicSpec<unknown>[] = [...CATALOGUE_TOPICS.map((t) => TOPICS[t] as TopicSpec<unknown>), DEPARTMENT_TOPIC_SPEC];
  const channels: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  for (const spec of specs) {
    const id = pascal(spec.name);
    const messageName = `${id}Message`;
    const envelopeSchema = {
      allOf: [
        { $ref: `${SCHEMA_REF_PREFIX}EventEnvelope` },
        {
          type: 'object',
          properties: {
            type: { const: spec.type },
            version: { const: spec.version },
            payload: { $ref: `${SCHEMA_REF_PREFIX}${schemaName(spec.payload, schemas)}` },
          },
        },
      ],
    };
    messages[messageName] = {
      name: `${spec.type}.v${spec.version}`,
      summary: spec.summary,
      contentType: 'application/json',
      headers: {
        type: 'object',
        properties: {
          'x-event-type': { type: 'string', const: spec.type },
          'x-correlation-id': { type: 'string' },
        },
      },
      bindings: { kafka: { key: { type: 'string', format: 'uuid', description: 'the grievance id' } } },
      payload: envelopeSchema,
    };
    channels[id] = {
      address: spec.name,
      description: `${spec.summary} ${spec.partitions} partitions, ${spec.messageKey ? 'keyed by entry' : 'keyed by grievance id'}${spec.cleanupPolicy ? `, cleanup.policy=${spec.cleanupPolicy}` : ''}. Unprocessable messages are parked on ${deadLetterTopic(spec.name)}.`,
      messages: { [messageName]: { $ref: `#/components/messages/${messageName}` } },
      ...(spec.name.includes('<code>') ? { parameters: { code: { description: 'the department code' } } } : {}),
    };
    operations[`publish${id}`] = {
      action: 'send',
      channel: { $ref: `#/channels/${id}` },
      messages: [{ $ref: `#/channels/${id}/messages/${messageName}` }],
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Grievance routing events',
      version: '1.0.0',
      description:
        'Every event travels in one envelope (EventEnvelope), JSON on the wire, keyed by the grievance id. ' +
        'This document is generated from libs/contracts (npm run contracts:asyncapi); do not edit it by hand.',
    },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: { messages, schemas },
  };
}
