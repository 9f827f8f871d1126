import { BadRequestException } from '@nestjs/common';
import { getMetadataStorage, ValidationError } from 'class-validator';
import { DomainError, DomainErrorCode } from '@grievance/contracts';
import { catalogueOf, interpolate, isMessageKey, Language, ParamValue } from '@grievance/i18n';

/**
 * One problem of a refused request, in the caller's language: the field it is about (a
 * JSON path such as `location.lat` or `attachments[0]`), a stable code (the constraint
 * that failed, e.g. `isLatitude`, `whitelistValidation`, or the domain error's code) and
 * the text from the catalogue (libs/i18n).
 */
export interface ApiErrorEntry {
  field?: string;
  code: string;
  message: string;
}

/** The most entries one answer carries (a hostile body can fail thousands of checks). */
export const MAX_ERROR_ENTRIES = 50;

/** A 400 from the validation pipe: its body is the pipe's (English `message` list); the failed checks ride along for translation. */
export class RequestValidationException extends BadRequestException {
  constructor(
    response: object,
    readonly validationErrors: readonly ValidationError[],
  ) {
    super(response);
  }
}

/** A 400 the chassis refuses itself with a catalogue text (`error.<code>`), e.g. a body that is not a JSON object. */
export class CatalogueBadRequestException extends BadRequestException {
  constructor(
    englishMessage: string,
    readonly errorCode: string,
    readonly key: string,
  ) {
    super({ statusCode: 400, error: 'Bad Request', message: [englishMessage] });
  }
}

function say(language: Language, key: string, params: Readonly<Record<string, ParamValue>> = {}): string | undefined {
  if (!isMessageKey(key)) return undefined;
  const catalogue = catalogueOf(language);
  return interpolate(catalogue, catalogue[key], params);
}

/** The field's name as a form shows it (`field.<name>` of the catalogue), else its path. */
function fieldLabel(language: Language, path: string): string {
  const name = path.replace(/\[\d+\]$/, '').split(/[.[\]]/).filter(Boolean).pop() ?? path;
  return say(language, `field.${name}`) ?? path;
}

const listSeparator = (language: Language) => (language === 'zh-CN' ? '、' : ', ');

/** The parameters of a failed constraint, read back from the class-validator metadata of the object that failed it. */
function constraintsOf(error: ValidationError, code: string): unknown[] {
  const owner = error.target;
  if (!owner || typeof owner !== 'object') return [];
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(owner.constructor, '', true, false)
    .find((m) => m.propertyName === error.property && m.name === code);
  return (metadata?.constraints ?? []) as unknown[];
}

function constraintParams(language: Language, error: ValidationError, code: string): Record<string, ParamValue> {
  const values = constraintsOf(error, code);
  const list = (items: unknown) => (Array.isArray(items) ? items.map(String).join(listSeparator(language)) : String(items));
  switch (code) {
    case 'maxLength':
    case 'arrayMaxSize':
    case 'max':
      return { max: String(values[0]) };
    case 'minLength':
    case 'arrayMinSize':
    case 'min':
      return { min: String(values[0]) };
    case 'isLength':
      return { min: String(values[0]), max: String(values[1]) };
    case 'isIn':
      return { allowed: list(values[0]) };
    case 'isEnum':
      return { allowed: list(Object.values((values[0] ?? {}) as object)) };
    case 'isNotBefore':
      return { other: fieldLabel(language, String(values[0])) };
    default:
      return {};
  }
}

/**
 * The catalogue keys that may say a failed check, most precise first: `validation.matches.notBlank`
 * for a pattern that only asks for some text, `validation.<code>.<field name>` for a field
 * whose pattern has its own words (a phone), then `validation.<code>`.
 */
function variantKeys(error: ValidationError, code: string, field: string | undefined): string[] {
  const keys: string[] = [];
  if (code === 'matches' && String(constraintsOf(error, code)[0]) === String(/\S/)) keys.push('validation.matches.notBlank');
  const name = field?.replace(/\[\d+\]$/, '').split(/[.[\]]/).filter(Boolean).pop();
  if (name) keys.push(`validation.${code}.${name}`);
  keys.push(`validation.${code}`);
  return keys;
}

/** Each failed check of a validation error tree as an entry, with the JSON path of its field. */
export function validationErrorEntries(errors: readonly ValidationError[], language: Language): ApiErrorEntry[] {
  const entries: ApiErrorEntry[] = [];
  const visit = (error: ValidationError, parent: string | undefined) => {
    const path = parent === undefined ? error.property : /^\d+$/.test(error.property) ? `${parent}[${error.property}]` : `${parent}.${error.property}`;
    for (const code of Object.keys(error.constraints ?? {})) {
      if (entries.length >= MAX_ERROR_ENTRIES) return;
      const field = path || undefined;
      // The whitelist names the unexpected field as sent; every other check says the field's name.
      const label = code === 'whitelistValidation' || !field ? (field ?? '') : fieldLabel(language, field);
      const params = { field: label, ...constraintParams(language, error, code) };
      const message =
        variantKeys(error, code, field)
          .map((key) => say(language, key, params))
          .find((text) => text !== undefined) ?? say(language, 'validation.default', params)!;
      entries.push(field ? { field, code, message } : { code, message });
    }
    for (const child of error.children ?? []) visit(child, path);
  };
  for (const error of errors) visit(error, undefined);
  return entries;
}

/**
 * A domain error's entries: one per problem at its field when the site listed them (an SLA
 * policy with several bad fields), else one, with its own catalogue text when the site gave
 * one (and the catalogue has it), else the generic text of its code.
 */
export function domainErrorEntries(error: DomainError, language: Language): ApiErrorEntry[] {
  const problems = error.text?.problems ?? [];
  if (problems.length > 0) {
    return problems.slice(0, MAX_ERROR_ENTRIES).map((p) => {
      const message = say(language, p.key, p.params) ?? p.message;
      return p.field ? { field: p.field, code: error.code, message } : { code: error.code, message };
    });
  }
  const field = typeof error.details?.field === 'string' ? error.details.field : undefined;
  const own = error.text ? say(language, error.text.key, error.text.params) : undefined;
  const message = own ?? genericText(language, error.code);
  return [field ? { field, code: error.code, message } : { code: error.code, message }];
}

/** The generic text of a domain error code (`error.<code>`). */
export function genericText(language: Language, code: DomainErrorCode): string {
  return say(language, `error.${code}`) ?? say(language, 'error.invalid')!;
}

/** The code and catalogue key of an HTTP status with no more precise text (401 from the guard, 404 for an unknown route, 429, 413...). */
const STATUS_TEXTS: Readonly<Record<number, { code: string; key: string }>> = {
  400: { code: 'invalid', key: 'error.invalid' },
  401: { code: 'unauthorized', key: 'error.unauthorized' },
  403: { code: 'forbidden', key: 'error.forbidden' },
  404: { code: 'not_found', key: 'error.not_found' },
  409: { code: 'conflict', key: 'error.conflict' },
  413: { code: 'payloadTooLarge', key: 'error.payloadTooLarge' },
  415: { code: 'unsupportedMediaType', key: 'error.unsupportedMediaType' },
  422: { code: 'unprocessable', key: 'error.unprocessable' },
  429: { code: 'tooManyRequests', key: 'error.tooManyRequests' },
};

/** The entry of a 4xx that carries no translatable detail: a text for its status. */
export function statusEntry(status: number, language: Language): ApiErrorEntry {
  const known = STATUS_TEXTS[status];
  if (known) return { code: known.code, message: say(language, known.key)! };
  return { code: `http${status}`, message: say(language, 'error.request', { status })! };
}

/** The entries of a refusal the chassis raised itself (validation pipe, body checks), undefined for any other exception. */
export function chassisEntries(exception: unknown, language: Language): ApiErrorEntry[] | undefined {
  if (exception instanceof RequestValidationException) return validationErrorEntries(exception.validationErrors, language);
  if (exception instanceof CatalogueBadRequestException) {
    return [{ code: exception.errorCode, message: say(language, exception.key) ?? say(language, 'error.invalid')! }];
  }
  return undefined;
}
