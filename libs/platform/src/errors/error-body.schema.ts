import type { OpenAPIObject } from '@nestjs/swagger';

type Schema = NonNullable<NonNullable<OpenAPIObject['components']>['schemas']>[string];

/** The name of the shared error body in every service's OpenAPI document. */
export const API_ERROR_BODY = 'ApiErrorBody';
export const API_ERROR_ENTRY = 'ApiErrorEntry';

/** One problem of a refused request (ApiErrorEntry of error-texts.ts). */
export const API_ERROR_ENTRY_SCHEMA: Schema = {
  type: 'object',
  required: ['code', 'message'],
  properties: {
    field: { type: 'string', description: 'The JSON path of the field the problem is about (`location.lat`, `attachments[0]`); absent when it is about no one field.', example: 'location.lat' },
    code: { type: 'string', description: 'A stable machine code: the failed check (`isLatitude`, `maxLength`, `whitelistValidation`...) or the domain error code (`not_found`, `conflict`...).', example: 'isLatitude' },
    message: { type: 'string', description: 'The problem in the language negotiated from Accept-Language (zh-CN when the header names none of zh-CN, en).', example: '纬度必须是 -90 到 90 之间的纬度。' },
  },
};

/** The body of every 4xx answer. */
export const API_ERROR_BODY_SCHEMA: Schema = {
  type: 'object',
  required: ['statusCode', 'errors'],
  properties: {
    statusCode: { type: 'integer', example: 400 },
    error: { type: 'string', example: 'Bad Request' },
    code: { type: 'string', description: 'The domain error code, when a rule of the service refused the request.', example: 'conflict' },
    message: {
      description: 'The refusal in English, as earlier clients read it (a list for a 400).',
      oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    },
    errors: {
      type: 'array',
      description: 'Each problem, at its field, in the language of Accept-Language (zh-CN by default).',
      items: { $ref: `#/components/schemas/${API_ERROR_ENTRY}` },
    },
    details: { type: 'object', additionalProperties: true, description: 'Machine-readable facts of a domain error (the field, the current version of a stale entry...).' },
  },
};

/**
 * Describes the shared error body in a service's document and gives every operation a
 * `4XX` answer made of it (with the Accept-Language header that picks its language).
 */
export function describeErrorBodies(document: OpenAPIObject): void {
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, [API_ERROR_ENTRY]: API_ERROR_ENTRY_SCHEMA, [API_ERROR_BODY]: API_ERROR_BODY_SCHEMA },
  };
  for (const item of Object.values(document.paths)) {
    for (const operation of [item.get, item.put, item.post, item.delete, item.patch]) {
      if (!operation) continue;
      operation.responses = {
        ...operation.responses,
        '4XX': {
          description: 'Refused: `message` in English as before, `errors` each problem at its field in the language of Accept-Language (zh-CN by default).',
          content: { 'application/json': { schema: { $ref: `#/components/schemas/${API_ERROR_BODY}` } } },
        },
      };
    }
  }
}
