import { DomainErrorCode } from '@grievance/contracts';

// The error itself lives in libs/contracts (the SLA engine throws it too); services keep importing it from here.
export { DomainError, isDomainError } from '@grievance/contracts';
export type { DomainErrorCode } from '@grievance/contracts';

/** The HTTP status of each domain error code (the exceptions filter answers with it). */
export const DOMAIN_ERROR_STATUS: Readonly<Record<DomainErrorCode, number>> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
};
