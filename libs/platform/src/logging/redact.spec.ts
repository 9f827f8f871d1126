import { Writable } from 'node:stream';
import { pino } from 'pino';
import { loggerParams, pinoOptions } from './logger-options';
import { REDACTED, redactSensitive } from './redact';

function captureLogger() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      callback();
    },
  });
  const logger = pino(pinoOptions({ SERVICE_NAME: 'test', LOG_LEVEL: 'info' }), destination);
  return { logger, lines };
}

describe('redaction of logged objects', () => {
  it('replaces phone numbers at any depth and in any letter case', () => {
    const input = {
      reporter: { id: 'w1', phone: '13800138000', contacts: [{ phoneNumber: '13900139000' }, { MOBILE: '+8613700137000' }] },
      note: 'kept',
    };
    expect(redactSensitive(input)).toEqual({
      reporter: { id: 'w1', phone: REDACTED, contacts: [{ phoneNumber: REDACTED }, { MOBILE: REDACTED }] },
      note: 'kept',
    });
  });

  it('masks phone numbers written into free text, at any depth', () => {
    expect(redactSensitive({ payload: { description: 'call me on 13812345678 after 6pm' }, reason: ['0791-88887777 busy'] })).toEqual({
      payload: { description: 'call me on 138****5678 after 6pm' },
      reason: ['079*****7777 busy'],
    });
  });

  it('replaces authorization and cookie headers', () => {
    expect(redactSensitive({ headers: { authorization: 'Bearer abc', Cookie: 'sid=1', 'set-cookie': ['a=1'], accept: 'json' } })).toEqual({
      headers: { authorization: REDACTED, Cookie: REDACTED, 'set-cookie': REDACTED, accept: 'json' },
    });
  });

  it('leaves the original untouched and returns it as is when there is nothing to hide', () => {
    const input = { user: { phone: '13800138000' } };
    redactSensitive(input);
    expect(input.user.phone).toBe('13800138000');
    const clean = { a: { b: [1, 2] } };
    expect(redactSensitive(clean)).toBe(clean);
  });

  it('walks class instances such as DTOs and survives cycles', () => {
    class ReporterDto {
      constructor(
        readonly name: string,
        readonly mobile: string,
      ) {}
    }
    const cyclic: Record<string, unknown> = { dto: new ReporterDto('Li', '13800138000') };
    cyclic.self = cyclic;
    const out = redactSensitive(cyclic) as { dto: { name: string; mobile: string } };
    expect(out.dto).toEqual({ name: 'Li', mobile: REDACTED });
  });

  it('redacts what the service logs, in the JSON line itself', () => {
    const { logger, lines } = captureLogger();
    logger.info({ grievance: { reporter: { phoneNumber: '13800138000' } }, req: { headers: { authorization: 'Bearer x' } } }, 'submitted');
    const line = lines[0]!;
    expect(JSON.stringify(line)).not.toContain('13800138000');
    expect(JSON.stringify(line)).not.toContain('Bearer x');
    expect(line).toMatchObject({ level: 'info', service: 'test', msg: 'submitted', grievance: { reporter: { phoneNumber: REDACTED } } });
  });

  it('redacts fields an error carries', () => {
    const { logger, lines } = captureLogger();
    logger.error({ err: Object.assign(new Error('sms failed'), { phone: '13800138000' }) }, 'notify failed');
    expect(JSON.stringify(lines[0])).not.toContain('13800138000');
    expect(lines[0]).toMatchObject({ err: { message: 'sms failed', phone: REDACTED } });
  });
});

describe('the request log lines', () => {
  it('carry the request without its credentials or cookies', () => {
    const params = loggerParams({ SERVICE_NAME: 'test', LOG_LEVEL: 'info' });
    const options = params.pinoHttp as { serializers: { req: (req: object) => Record<string, unknown> } };
    const serialized = options.serializers.req({
      id: 'req-1',
      method: 'GET',
      url: '/v1/grievances',
      params: { splat: ['v1', 'grievances'] },
      headers: { authorization: 'Bearer eyJ.secret', cookie: 'sid=abc', 'x-correlation-id': 'req-1' },
    });
    expect(serialized).toEqual({
      id: 'req-1',
      method: 'GET',
      url: '/v1/grievances',
      headers: { authorization: REDACTED, cookie: REDACTED, 'x-correlation-id': 'req-1' },
    });
  });
});
