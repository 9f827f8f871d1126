import type { IncomingMessage, ServerResponse } from 'node:http';
import { BadRequestException } from '@nestjs/common';
import { decodeUtf8Strictly, describeJsonHazard, findJsonHazard } from '@grievance/contracts';

/**
 * The request-level guards every service puts in front of its DTO validation: what a
 * schema cannot see, because it is lost or already harmful by the time a DTO exists.
 */

const badRequest = (message: string) => new BadRequestException({ statusCode: 400, error: 'Bad Request', message: [message] });

/** Methods whose body the API reads. */
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** JSON for every body; multipart only for uploads (the upload route checks its own part). */
const ACCEPTED_BODY_TYPES = ['application/json', 'multipart/form-data'];

/**
 * Open311 GeoReport v2 clients post forms, as that spec says; those routes read and check
 * their own body, take no cookie and want the partner's api_key in the form, so a
 * cross-site form gains nothing there.
 */
const FORM_ROUTES = /^\/open311\//;

function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * Refuses a body sent as anything but JSON (or multipart): the JSON parser would skip it
 * and the handler would see no body at all, and a form post is how browsers smuggle
 * cross-site requests past CORS.
 */
export function refuseUnexpectedContentType(req: IncomingMessage, _res: ServerResponse, next: (error?: unknown) => void): void {
  if (!BODY_METHODS.has(req.method ?? '') || !hasBody(req)) return next();
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (ACCEPTED_BODY_TYPES.includes(type)) return next();
  if (type === 'application/x-www-form-urlencoded' && FORM_ROUTES.test(req.url ?? '')) return next();
  next(badRequest(`content-type must be application/json${type ? `, not ${type}` : ''}`));
}

/**
 * Refuses a URL with a NUL character (%00) or a malformed percent-escape anywhere: no id,
 * code or query value has one, and a NUL would reach Postgres as an error, not a 404.
 */
export function refuseHostileUrl(req: IncomingMessage, _res: ServerResponse, next: (error?: unknown) => void): void {
  const url = req.url ?? '';
  if (url.includes('\u0000') || /%00/i.test(url)) return next(badRequest('the URL must not contain NUL characters'));
  try {
    decodeURIComponent(url);
  } catch {
    return next(badRequest('the URL has a malformed percent-escape'));
  }
  next();
}

/** body-parser's `verify`: bytes that are not UTF-8 are refused before parsing, not read with U+FFFD. */
export function verifyUtf8(_req: IncomingMessage, _res: ServerResponse, bytes: Buffer): void {
  if (decodeUtf8Strictly(bytes) === undefined) {
    throw Object.assign(new Error('the body must be valid UTF-8'), { status: 400, statusCode: 400, expose: true });
  }
}

/** After parsing: prototype keys, runaway nesting, huge arrays and numbers that lost their value. */
export function refuseHostileJson(req: IncomingMessage & { body?: unknown }, _res: ServerResponse, next: (error?: unknown) => void): void {
  if (req.body === undefined || req.body === null || typeof req.body !== 'object') return next();
  const hazard = findJsonHazard(req.body);
  next(hazard ? badRequest(describeJsonHazard(hazard)) : undefined);
}
