import * as http from 'node:http';
import * as https from 'node:https';
import type { Logger } from 'pino';

/** Hop-by-hop headers (RFC 9110 §7.6.1) and what the console itself answers for. */
const DROPPED_REQUEST_HEADERS = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'upgrade', 'host', 'cookie', 'authorization', 'x-csrf-token', 'origin', 'referer']);
const DROPPED_RESPONSE_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'set-cookie']);

/**
 * Passes one request through to a service, streaming both ways (multipart uploads and
 * server-sent events go through as they come), with the caller's token as the bearer.
 * The service sees the path below `/api/<service>`.
 */
export function proxyRequest(req: http.IncomingMessage, res: http.ServerResponse, target: URL, token: string | undefined, logger: Logger): void {
  const headers: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (!DROPPED_REQUEST_HEADERS.has(name) && value !== undefined) headers[name] = value;
  }
  if (token) headers.authorization = `Bearer ${token}`;
  headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';
  const client = target.protocol === 'https:' ? https : http;
  const upstream = client.request(target, { method: req.method, headers }, (answer) => {
    const out: http.OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(answer.headers)) {
      if (!DROPPED_RESPONSE_HEADERS.has(name) && value !== undefined) out[name] = value;
    }
    res.writeHead(answer.statusCode ?? 502, out);
    // An event stream must reach the browser event by event.
    if (String(answer.headers['content-type'] ?? '').startsWith('text/event-stream')) res.flushHeaders();
    answer.pipe(res);
  });
  upstream.on('error', (error) => {
    logger.warn({ err: error, target: target.origin }, 'service unreachable');
    if (!res.headersSent) {
      res.writeHead(502, { 'content-type': 'application/json', 'retry-after': '2' });
      res.end(JSON.stringify({ statusCode: 502, error: 'Bad Gateway', message: ['the service is not reachable; try again shortly'] }));
    } else {
      res.destroy();
    }
  });
  // The browser went away (a closed event stream, a cancelled upload): let the service know.
  res.on('close', () => {
    if (!res.writableFinished) upstream.destroy();
  });
  req.pipe(upstream);
}
