/**
 * What a use case can say went wrong, independent of the transport. HTTP maps each to a
 * status (the platform's DOMAIN_ERROR_STATUS); a Kafka consumer or a job maps them its own
 * way. It lives here, the lowest lib, so every layer (the SLA engine as much as a
 * service) throws the same error.
 */
export type DomainErrorCode = 'invalid' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'unprocessable';

/**
 * The catalogue message (libs/i18n) that says the error in the caller's language: its key
 * and the values of its placeholders. The English `message` stays what logs and old
 * clients read; the HTTP filter answers `errors[].message` from this text.
 */
export interface DomainErrorText {
  key: string;
  params?: Readonly<Record<string, string | number>>;
  /**
   * When a body has several problems (an SLA policy with a bad budget and a bad calendar),
   * each at its field: the caller reads one entry per problem instead of the summary.
   */
  problems?: readonly FieldProblem[];
}

/** One problem of a submitted body, at its field (a JSON path), in English and as a catalogue text. */
export interface FieldProblem {
  /** The JSON path of the field (`targets.resolve`, `workingHours[1]`); absent for the body as a whole. */
  field?: string;
  /** The English text, as logs and older clients read it. */
  message: string;
  key: string;
  params?: Readonly<Record<string, string | number>>;
}

/** A FieldProblem, written the short way at a validator's site. */
export const fieldProblem = (field: string | undefined, message: string, key: string, params?: Readonly<Record<string, string | number>>): FieldProblem => ({
  ...(field ? { field } : {}),
  message,
  key,
  ...(params ? { params } : {}),
});

/**
 * An error a use case throws on purpose: the caller asked for something the rules do
 * not allow. Its message is shown to the caller, so it must hold no internals.
 *
 *     throw new DomainError('conflict', 'a closed grievance cannot be resolved', undefined, { key: 'error.grievance.closed' });
 *     throw DomainError.notFound('grievance', id);
 *
 * `notFound` names its catalogue text itself (`error.notFound` with the thing's label
 * `entity.<what>`); every other site passes a `text` (key + params) as its last argument.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Extra machine-readable facts for the caller (e.g. the id a duplicate points to). */
    readonly details?: Record<string, unknown>,
    /** The message in the catalogue (libs/i18n); without it the caller reads a generic text for the code. */
    readonly text?: DomainErrorText,
  ) {
    super(message);
  }

  static invalid(message: string, details?: Record<string, unknown>, text?: DomainErrorText): DomainError {
    return new DomainError('invalid', message, details, text);
  }

  static forbidden(message = 'outside your scope', details?: Record<string, unknown>, text?: DomainErrorText): DomainError {
    return new DomainError('forbidden', message, details, text);
  }

  /** `what` is a thing the catalogue labels as `entity.<what>` (spaces as `_`): `notFound('grid worker', id)`. */
  static notFound(what: string, id?: string): DomainError {
    const text: DomainErrorText = { key: id === undefined ? 'error.notFound' : 'error.notFound.id', params: id === undefined ? { what: entityOf(what) } : { what: entityOf(what), id } };
    return new DomainError('not_found', id === undefined ? `${what} not found` : `${what} ${id} not found`, undefined, text);
  }

  static conflict(message: string, details?: Record<string, unknown>, text?: DomainErrorText): DomainError {
    return new DomainError('conflict', message, details, text);
  }

  static unprocessable(message: string, details?: Record<string, unknown>, text?: DomainErrorText): DomainError {
    return new DomainError('unprocessable', message, details, text);
  }
}

/** The label key of a thing `notFound` names: `grid worker` is `entity.grid_worker`. */
const entityOf = (what: string): string => what.trim().replace(/\s+/g, '_');

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
