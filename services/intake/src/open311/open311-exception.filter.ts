import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { answerFor } from '@grievance/platform';
import { Open311Error } from './open311-error';
import { CONTENT_TYPE, serializeErrors, type Open311Format } from './open311-format';

interface Response {
  headersSent: boolean;
  status(code: number): Response;
  setHeader(name: string, value: string): unknown;
  send(body: string): unknown;
  end(): unknown;
}

/** The format an answer is in: the path's extension, JSON when it has none we serve. */
export const formatOfPath = (path: string): Open311Format => (/\.xml$/i.test(path) ? 'xml' : 'json');

/** The text of a platform error answer (a validation list, a message, or nothing for a 500). */
function describe(body: { message?: unknown; error?: string; errorId?: unknown }): string {
  if (Array.isArray(body.message)) return body.message.join('; ');
  if (typeof body.message === 'string') return body.message;
  if (body.errorId !== undefined) return `internal error ${String(body.errorId)}`;
  return body.error ?? 'error';
}

/**
 * Every error of an Open311 route in the spec's error format, in the format the path asked
 * for: an Open311Error as it is, anything else by the platform's own mapping (status,
 * logging, a 500 that tells nothing but its error id).
 */
@Catch()
export class Open311ExceptionFilter implements ExceptionFilter {
  constructor(private readonly logger: PinoLogger) {
    this.logger.setContext('open311');
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<{ path?: string; url?: string }>();
    const response = http.getResponse<Response>();
    let error: Open311Error;
    if (exception instanceof Open311Error) {
      error = exception;
    } else {
      const answer = answerFor(exception);
      if (answer.log) this.logger[answer.log.level](answer.log.fields, answer.log.message);
      error = new Open311Error(answer.status, [{ code: answer.status, description: describe(answer.body) }]);
    }
    if (response.headersSent) {
      response.end();
      return;
    }
    const format = formatOfPath(request.path ?? request.url ?? '');
    response.status(error.status).setHeader('content-type', CONTENT_TYPE[format]);
    response.send(serializeErrors(format, error));
  }
}
