/**
 * What a use case can say went wrong, independent of the transport. HTTP maps each to a
 * status (the platform's DOMAIN_ERROR_STATUS); a Kafka consumer or a job maps them its own
 * way. It lives here, the lowest lib, so every layer (the SLA engine as much as a
 * service) throws the same error.
 */
export type DomainErrorCode = 'invalid' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'unprocessable';

/**
 * An error a use case throws on purpose: the caller asked for something the rules do
 * not allow. Its message is shown to the caller, so it must hold no internals.
 *
 *     throw new DomainError('conflict', 'a closed matter cannot be resolved');
 *     throw DomainError.notFound('grievance', id);
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Extra machine-readable facts for the caller (e.g. the id a duplicate points to). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }

  static invalid(message: string, details?: Record<string, unknown>): DomainError {
    return new DomainError('invalid', message, details);
  }

  static forbidden(message = 'outside your scope', details?: Record<string, unknown>): DomainError {
    return new DomainError('forbidden', message, details);
  }

  static notFound(what: string, id?: string): DomainError {
    return new DomainError('not_found', id === undefined ? `${what} not found` : `${what} ${id} not found`);
  }

  static conflict(message: string, details?: Record<string, unknown>): DomainError {
    return new DomainError('conflict', message, details);
  }

  static unprocessable(message: string, details?: Record<string, unknown>): DomainError {
    return new DomainError('unprocessable', message, details);
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
