import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';

// Import every payload class so that its decorators have run before the metadata is read.
import './envelope';
import './topics';

export type SchemaObject = ReturnType<typeof validationMetadatasToSchemas>[string];

export const SCHEMA_REF_PREFIX = '#/components/schemas/';

/**
 * JSON schemas of the envelope and every payload, derived from the class-validator
 * decorators: the classes are the one source, the schemas are never written by hand.
 */
export function eventSchemas(): Record<string, SchemaObject> {
  return validationMetadatasToSchemas({
    classTransformerMetadataStorage: defaultMetadataStorage,
    refPointerPrefix: SCHEMA_REF_PREFIX,
  });
}
