import { ArgumentsHost, BadRequestException, HttpException, NotFoundException, ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import { AllExceptionsFilter, ErrorLogger } from './all-exceptions.filter';
import { DomainError, DomainErrorCode } from './domain-error';

function harness(headers?: Record<string, string>) {
  const logger = { error: jest.fn(), warn: jest.fn() } satisfies ErrorLogger;
  const response = {
    headersSent: false,
    statusCode: 0,
    body: undefined as unknown,
    status(code: number) {
      this.statusCode = code;
      return this;
    },
    json(body: unknown) {
      this.body = body;
      return this;
    },
    end: jest.fn(),
  };
  const host = {
    getType: () => 'http',
    switchToHttp: () => ({ getResponse: () => response, getRequest: () => (headers ? { headers, log: {} } : {}) }),
  } as unknown as ArgumentsHost;
  const filter = new AllExceptionsFilter(logger);
  return { logger, response, send: (error: unknown) => filter.catch(error, host) };
}

describe('AllExceptionsFilter', () => {
  it.each<[DomainErrorCode, number, string]>([
    ['not_found', 404, 'Not Found'],
    ['forbidden', 403, 'Forbidden'],
    ['conflict', 409, 'Conflict'],
    ['unprocessable', 422, 'Unprocessable Entity'],
    ['unauthorized', 401, 'Unauthorized'],
  ])('maps the domain code %s to %i', (code, status, error) => {
    const { response, send, logger } = harness();
    send(new DomainError(code, 'the grievance is closed'));
    expect(response.statusCode).toBe(status);
    expect(response.body).toEqual({ statusCode: status, error, code, message: 'the grievance is closed', errors: [{ code, message: expect.any(String) }] });
    expect(logger.error).not.toHaveBeenCalled();
  });

  it('maps invalid to a 400 whose message is a list, like validation errors', () => {
    const { response, send } = harness();
    send(DomainError.invalid('a hazard needs a location', { field: 'location' }));
    expect(response.statusCode).toBe(400);
    expect(response.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'invalid',
      message: ['a hazard needs a location'],
      details: { field: 'location' },
      errors: [{ field: 'location', code: 'invalid', message: '提交的内容有误，请检查后重试。' }],
    });
  });

  it('says the errors in the language of the Accept-Language header, zh-CN when it names none of ours', () => {
    const english = harness({ 'accept-language': 'en-GB,en;q=0.8' });
    english.send(DomainError.notFound('ticket', 't-1'));
    expect(english.response.body).toMatchObject({ message: 'ticket t-1 not found', errors: [{ code: 'not_found', message: 'ticket t-1 not found.' }] });
    const french = harness({ 'accept-language': 'fr-FR' });
    french.send(DomainError.notFound('ticket', 't-1'));
    expect(french.response.body).toMatchObject({ errors: [{ code: 'not_found', message: '未找到工单 t-1。' }] });
  });

  it('lets Nest HTTP exceptions through with their own body', () => {
    const { response, send } = harness();
    send(new BadRequestException(['title must be a string']));
    expect(response.statusCode).toBe(400);
    expect(response.body).toEqual({ statusCode: 400, error: 'Bad Request', message: ['title must be a string'], errors: [{ code: 'invalid', message: '提交的内容有误，请检查后重试。' }] });

    send(new UnauthorizedException('missing bearer token'));
    expect(response.statusCode).toBe(401);
    expect(response.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'missing bearer token', errors: [{ code: 'unauthorized', message: '登录已失效，请重新登录。' }] });

    send(new NotFoundException());
    expect(response.statusCode).toBe(404);

    send(new HttpException('plain text', 418));
    expect(response.body).toEqual({ statusCode: 418, message: 'plain text', errors: [{ code: 'http418', message: '请求未被接受（418）。' }] });
  });

  it('hides the internals of any other error behind a 500 with an errorId it logs with the stack', () => {
    const { response, send, logger } = harness();
    const error = new Error('connection to 10.0.0.5 refused; password=hunter2');
    send(error);
    expect(response.statusCode).toBe(500);
    const body = response.body as { errorId: string };
    expect(body).toEqual({ statusCode: 500, error: 'Internal Server Error', errorId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(JSON.stringify(body)).not.toContain('hunter2');
    expect(logger.error).toHaveBeenCalledWith({ err: error, errorId: body.errorId }, expect.stringContaining(body.errorId));
    expect((logger.error.mock.calls[0]![0] as { err: Error }).err.stack).toContain('all-exceptions.filter.spec');
  });

  it('gives every 500 its own errorId', () => {
    const { response, send } = harness();
    send(new TypeError('x is undefined'));
    const first = (response.body as { errorId: string }).errorId;
    send('a thrown string');
    expect(response.statusCode).toBe(500);
    expect((response.body as { errorId: string }).errorId).not.toBe(first);
  });

  it('keeps the status of client errors that say they may be shown, such as a body too large', () => {
    const { response, send } = harness();
    const tooLarge = Object.assign(new Error('request entity too large'), { status: 413, statusCode: 413, expose: true, type: 'entity.too.large' });
    send(tooLarge);
    expect(response.statusCode).toBe(413);
    expect(response.body).toEqual({
      statusCode: 413,
      error: 'Payload Too Large',
      message: 'request entity too large',
      errors: [{ code: 'payloadTooLarge', message: '提交的内容过大。' }],
    });
  });

  it('does not trust a 5xx status on a foreign error', () => {
    const { response, send } = harness();
    send(Object.assign(new Error('upstream said no'), { status: 502, expose: true }));
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toHaveProperty('message');
  });

  it('logs HTTP exceptions of 500 and above', () => {
    const { send, logger } = harness();
    send(new ServiceUnavailableException());
    expect(logger.error).toHaveBeenCalledTimes(1);
  });

  it('only ends the response when the headers have gone already', () => {
    const { response, send } = harness();
    response.headersSent = true;
    send(new Error('late'));
    expect(response.end).toHaveBeenCalled();
    expect(response.statusCode).toBe(0);
  });
});
