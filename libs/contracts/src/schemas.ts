import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { EventEnvelope } from './envelope';
import { CATALOGUE_TOPICS, DEPARTMENT_TOPIC_SPEC, TOPICS } from './topics';

export type SchemaObject = ReturnType<typeof validationMetadatasToSchemas>[string];

export const SCHEMA_REF_PREFIX = '#/components/schemas/';

/**
 * JSON schemas of the envelope and every payload, derived from the class-validator
 * decorators: the classes are the one source, the schemas are never written by hand.
 *
 * class-validator keeps one global registry, which also holds whatever other validated
 * classes the process has loaded (config, HTTP DTOs): only the classes reachable from
 * the envelope and the catalogue's payloads are kept.
 */
export function eventSchemas(): Record<string, SchemaObject> {
  const all = validationMetadatasToSchemas({
    classTransformerMetadataStorage: defaultMetadataStorage,
    refPointerPrefix: SCHEMA_REF_PREFIX,
  });
  const roots = [EventEnvelope, DEPARTMENT_TOPIC_SPEC.payload, ...CATALOGUE_TOPICS.map((t) => TOPICS[t].payload)];
  const names: string[] = [];
  for (const cls of roots) {
    // A payload class that adds no fields of its own is described by its parent's schema.
    for (let c = cls as { name: string } | null; c && c.name; c = Object.getPrototypeOf(c) as { name: string } | null) {
      if (c.name in all) {
        names.push(c.name);
        break;
      }
    }
  }
  return reachableSchemas(all, names);
}

/**
 * The schemas of validated classes (class-validator's global registry) named in `roots`,
 * and those they refer to, sorted by name: e.g. the DTOs an OpenAPI document names, with
 * their nested DTOs.
 */
export function validatedClassSchemas(roots: readonly string[]): Record<string, SchemaObject> {
  const schemas = reachableSchemas(validationMetadatasToSchemas({ classTransformerMetadataStorage: defaultMetadataStorage, refPointerPrefix: SCHEMA_REF_PREFIX }), roots);
  // A nested value typed by something that is not a validated class (a GeoJSON array) says nothing more than "any".
  const known = (ref: string) => ref.startsWith(SCHEMA_REF_PREFIX) && ref.slice(SCHEMA_REF_PREFIX.length) in schemas;
  return JSON.parse(JSON.stringify(schemas), (_key, value: unknown) =>
    value && typeof value === 'object' && '$ref' in value && typeof value.$ref === 'string' && !known(value.$ref) ? {} : value,
  ) as Record<string, SchemaObject>;
}

function reachableSchemas(all: Record<string, SchemaObject>, roots: readonly string[]): Record<string, SchemaObject> {
  const reachable = new Set<string>();
  const visit = (name: string) => {
    if (reachable.has(name) || !(name in all)) return;
    reachable.add(name);
    for (const match of JSON.stringify(all[name]).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) visit(match[1]!);
  };
  roots.forEach(visit);
  return Object.fromEntries([...reachable].sort().map((name) => [name, all[name]!]));
}
