import { IncomingMessage, STATUS_CODES } from 'node:http';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import { uuidv7 } from '@grievance/contracts';
import { DEFAULT_LANGUAGE, Language, negotiateLanguage } from '@grievance/i18n';
import { requestCorrelationId } from '../correlation/correlation';
import { DOMAIN_ERROR_STATUS, DomainError } from './domain-error';
import { ApiErrorEntry, chassisEntries, domainErrorEntries, statusEntry } from './error-texts';

/** The slice of a pino-style logger the filter needs. */
export interface ErrorLogger {
  error(object: object, message?: string): void;
  warn(object: object, message?: string): void;
}

interface HttpResponseLike {
  headersSent: boolean;
  status(code: number): HttpResponseLike;
  json(body: unknown): unknown;
  end(): unknown;
}

export interface ErrorBody {
  statusCode: number;
  error?: string;
  message?: unknown;
  [field: string]: unknown;
}

/** What the filter answers for an error, and whether / how to log it. */
export interface ErrorAnswer {
  status: number;
  body: ErrorBody;
  log?: { level: 'error' | 'warn'; fields: object; message: string };
}

/**
 * The one exception filter of every service:
 * - every 4xx also carries `errors: [{field?, code, message}]`, the same refusal in the
 *   language the request's `Accept-Language` asks for (zh-CN when none), from the
 *   catalogue of libs/i18n; `message` stays the English text older clients read;
 * - a DomainError becomes its 4xx (`{statusCode, error, code, message}`; 400s carry
 *   `message` as a list, like validation errors);
 * - a Nest HttpException passes through with its own body (validation 400s, 401s from
 *   the auth guard, 404 for unknown routes);
 * - an error that says it is a safe client error (`expose` with a 4xx status, as
 *   body-parser's "request entity too large") keeps its status and message;
 * - anything else is a 500 `{statusCode, error, errorId}` that tells the caller
 *   nothing, while the log line with the same errorId carries the stack.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  constructor(private readonly logger: ErrorLogger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const response = http.getResponse<HttpResponseLike>();
    const request = http.getRequest<IncomingMessage & { log?: unknown }>();
    const answer = answerFor(exception, uuidv7, negotiateLanguage(headerOf(request, 'accept-language')));
    if (answer.log) {
      // Inside the request logger the correlation id is bound already; an error raised
      // before it (a body refused by the parser) names it itself.
      const fields = request && !request.log && request.headers ? { ...answer.log.fields, correlationId: requestCorrelationId(request) } : answer.log.fields;
      this.logger[answer.log.level](fields, answer.log.message);
    }
    if (response.headersSent) {
      response.end();
      return;
    }
    response.status(answer.status).json(answer.body);
  }
}

function headerOf(request: IncomingMessage | undefined, name: string): string | undefined {
  const value = request?.headers?.[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/** The answer for an error, its 4xx `errors` in `language`. */
export function answerFor(exception: unknown, newErrorId: () => string = uuidv7, language: Language = DEFAULT_LANGUAGE): ErrorAnswer {
  const answer = plainAnswerFor(exception, newErrorId);
  if (answer.status >= 400 && answer.status < 500) answer.body = { ...answer.body, errors: errorEntries(exception, answer.status, language) };
  return answer;
}

function errorEntries(exception: unknown, status: number, language: Language): ApiErrorEntry[] {
  if (exception instanceof DomainError) return domainErrorEntries(exception, language);
  return chassisEntries(exception, language) ?? [statusEntry(status, language)];
}

function plainAnswerFor(exception: unknown, newErrorId: () => string): ErrorAnswer {
  if (exception instanceof DomainError) {
    const status = DOMAIN_ERROR_STATUS[exception.code] ?? 400;
    const body: ErrorBody = {
      statusCode: status,
      error: STATUS_CODES[status] ?? 'Error',
      code: exception.code,
      message: status === 400 ? [exception.message] : exception.message,
    };
    if (exception.details !== undefined) body.details = exception.details;
    return { status, body };
  }

  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const body: ErrorBody =
      typeof response === 'object' && response !== null ? (response as ErrorBody) : { statusCode: status, message: response };
    const answer: ErrorAnswer = { status, body };
    if (status >= 500) answer.log = { level: 'error', fields: { err: exception }, message: 'request failed' };
    return answer;
  }

  const status = exposedClientStatus(exception);
  if (status !== undefined) {
    const message = (exception as Error).message;
    return {
      status,
      body: { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message },
      log: { level: 'warn', fields: { status, reason: message }, message: 'request rejected' },
    };
  }

  const errorId = newErrorId();
  return {
    status: 500,
    body: { statusCode: 500, error: 'Internal Server Error', errorId },
    log: { level: 'error', fields: { err: exception, errorId }, message: `unhandled error ${errorId}` },
  };
}

/** The status of an http-errors style error meant for the client (4xx with `expose`). */
function exposedClientStatus(exception: unknown): number | undefined {
  if (!(exception instanceof Error)) return undefined;
  const candidate = exception as Error & { status?: unknown; statusCode?: unknown; expose?: unknown };
  const status = typeof candidate.status === 'number' ? candidate.status : candidate.statusCode;
  if (typeof status !== 'number' || status < 400 || status >= 500 || candidate.expose !== true) return undefined;
  return status;
}
