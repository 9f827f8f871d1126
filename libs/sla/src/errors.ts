/**
 * What the SLA library refuses on purpose. The codes are the platform's DomainError codes,
 * so a service maps one to the other with `new DomainError(error.code, error.message, error.details)`
 * (the library cannot import the platform: it is a data-access lib).
 */
export type SlaErrorCode = 'invalid' | 'not_found' | 'conflict';

export class SlaError extends Error {
  override readonly name = 'SlaError';

  constructor(
    readonly code: SlaErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export function isSlaError(error: unknown): error is SlaError {
  return error instanceof SlaError;
}
