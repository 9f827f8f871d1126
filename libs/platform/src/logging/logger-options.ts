import { hostname } from 'node:os';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino, DestinationStream, LoggerOptions } from 'pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import type { Params } from 'nestjs-pino';
import type { ServiceConfig } from '../config/service-config';
import { requestCorrelationId } from '../correlation/correlation';
import { redactSensitive } from './redact';

/** The pino settings every log line of a service goes through: JSON, ISO time, redaction. */
export function pinoOptions(config: Pick<ServiceConfig, 'SERVICE_NAME' | 'LOG_LEVEL'>): LoggerOptions {
  return {
    level: config.LOG_LEVEL,
    base: { service: config.SERVICE_NAME, pid: process.pid, hostname: hostname() },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label) => ({ level: label }),
      // The object given to each log call, before serializers run: redact its plain parts.
      log: (object) => redactSensitive(object),
    },
    serializers: {
      // pino-http hands this an already serialised error; plain pino the Error itself.
      err: (error: unknown) => redactSensitive(error instanceof Error ? pino.stdSerializers.err(error) : error),
    },
  };
}

/**
 * nestjs-pino / pino-http settings: one line per request (bar successful health probes)
 * and the request's correlation id bound as `correlationId` to every line logged while
 * serving it. Serialised requests and responses are redacted (headers included).
 */
export function loggerParams(config: Pick<ServiceConfig, 'SERVICE_NAME' | 'LOG_LEVEL'>, destination?: DestinationStream): Params {
  const base = pinoOptions(config);
  const options: PinoHttpOptions<IncomingMessage, ServerResponse> = {
    ...base,
    serializers: {
      ...base.serializers,
      // pino-http hands these the standard serialisation of the request / response.
      // `params` is dropped: at middleware time it only holds the catch-all route's splat.
      req: ({ params: _params, ...req }: Record<string, unknown>) => redactSensitive(req),
      res: (res: object) => redactSensitive(res),
    },
    genReqId: (req, res) => requestCorrelationId(req, res),
    customAttributeKeys: { reqId: 'correlationId' },
    // Lines logged during a request carry the correlation id, not the whole request;
    // the one "request completed" line carries the request and response.
    quietReqLogger: true,
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    autoLogging: { ignore: (req) => req.url === '/health' },
  };
  return { pinoHttp: destination ? [options, destination] : options };
}
