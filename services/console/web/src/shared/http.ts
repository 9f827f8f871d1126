import i18next from 'i18next';

/**
 * The browser's one way to the services: same origin, the session cookie goes by itself,
 * the CSRF token is sent back on every state change, 429 and 503 are retried after their
 * Retry-After (the same request, so the same Idempotency-Key), and a 401 tells the app
 * to ask for sign-in again. Every call sends the console's language as Accept-Language, so
 * the services say their refusals in it.
 */

export const CSRF_COOKIE = 'gr_csrf';
export const SESSION_ENDED_EVENT = 'console:session-ended';
const MAX_ATTEMPTS = 4;
const MAX_WAIT_MS = 10_000;

export function csrfToken(cookie: string = globalThis.document?.cookie ?? ''): string | undefined {
  const match = cookie.match(new RegExp(`(?:^|;\\s*)${CSRF_COOKIE}=([^;]+)`));
  return match ? decodeURIComponent(match[1]!) : undefined;
}

/** How long to wait before sending again: Retry-After in seconds (or an HTTP date), at most 10 s; 1 s when absent. */
export function retryDelayMs(retryAfter: string | null, now = Date.now()): number {
  if (!retryAfter) return 1000;
  const seconds = Number(retryAfter);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : new Date(retryAfter).getTime() - now;
  return Math.min(Math.max(Number.isFinite(ms) ? ms : 1000, 0), MAX_WAIT_MS);
}

export const isRetryable = (status: number): boolean => status === 429 || status === 503;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The language the person reads the console in, for the services' Accept-Language (their error texts). */
export const acceptLanguage = (): string => i18next.resolvedLanguage ?? i18next.language ?? 'zh-CN';

export async function consoleFetch(input: Request): Promise<Response> {
  const request = input.clone();
  request.headers.set('accept-language', acceptLanguage());
  if (!['GET', 'HEAD'].includes(request.method)) {
    const token = csrfToken();
    if (token) request.headers.set('x-csrf-token', token);
  }
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(request.clone());
    if (response.status === 401) globalThis.dispatchEvent?.(new Event(SESSION_ENDED_EVENT));
    if (!isRetryable(response.status) || attempt >= MAX_ATTEMPTS) return response;
    await sleep(retryDelayMs(response.headers.get('retry-after')));
  }
}
