import createClient from 'openapi-fetch';
import { acceptLanguage, consoleFetch, csrfToken, isRetryable, retryDelayMs, SESSION_ENDED_EVENT } from '../shared/http';
import { ApiError, apiErrorFrom, apiErrorOf } from '../shared/errors';
import type { paths as AuditPaths } from './audit';
import type { paths as FeedbackPaths } from './feedback';
import type { paths as GridDispatchPaths } from './grid-dispatch';
import type { components as IntakeSchemas, paths as IntakePaths } from './intake';
import type { paths as RoutingPaths } from './routing';

/** One typed client per service, each under the console's `/api/<service>` (paths, methods and bodies from its OpenAPI document). */
const options = (service: string) => ({ baseUrl: `/api/${service}`, fetch: consoleFetch });
export const intake = createClient<IntakePaths>(options('intake'));
export const routing = createClient<RoutingPaths>(options('routing'));
export const gridDispatch = createClient<GridDispatchPaths>(options('grid-dispatch'));
export const feedback = createClient<FeedbackPaths>(options('feedback'));
export const audit = createClient<AuditPaths>(options('audit'));

/**
 * The answer of a call, typed by the service's OpenAPI document (each read's `200`/`201`
 * schema), or the refusal thrown as an ApiError.
 */
export async function answer<D>(call: Promise<{ data?: D; error?: unknown; response: Response }>): Promise<D> {
  const { data, error, response } = await call;
  if (!response.ok) throw apiErrorFrom(response.status, error);
  return data as D;
}

/**
 * A photo to intake with upload progress (fetch cannot report it), retried after
 * Retry-After on 429/503 like every other call.
 */
export function uploadPhoto(file: File, onProgress: (percent: number) => void): Promise<IntakeSchemas['schemas']['AttachmentAnswer']> {
  const once = () =>
    new Promise<{ status: number; body: string; retryAfter: string | null }>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', '/api/intake/v1/attachments');
      const token = csrfToken();
      if (token) xhr.setRequestHeader('x-csrf-token', token);
      xhr.setRequestHeader('accept-language', acceptLanguage());
      xhr.upload.onprogress = (event) => event.lengthComputable && onProgress(Math.round((event.loaded / event.total) * 100));
      xhr.onload = () => resolve({ status: xhr.status, body: xhr.responseText, retryAfter: xhr.getResponseHeader('retry-after') });
      xhr.onerror = () => reject(new ApiError(0, []));
      const form = new FormData();
      form.append('file', file, file.name);
      xhr.send(form);
    });
  return (async () => {
    for (let attempt = 1; ; attempt++) {
      const result = await once();
      if (result.status === 401) globalThis.dispatchEvent(new Event(SESSION_ENDED_EVENT));
      if (isRetryable(result.status) && attempt < 4) {
        await new Promise((r) => setTimeout(r, retryDelayMs(result.retryAfter)));
        continue;
      }
      if (result.status < 200 || result.status >= 300) throw await apiErrorOf(new Response(result.body, { status: result.status }));
      onProgress(100);
      // XMLHttpRequest is untyped: the answer is intake's 201 (AttachmentAnswer in its document).
      return JSON.parse(result.body) as IntakeSchemas['schemas']['AttachmentAnswer'];
    }
  })();
}
