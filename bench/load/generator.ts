/**
 * The open-loop generator: requests leave at a fixed arrival rate whatever the server does
 * (a slow answer never delays the next send), and every latency is taken from the moment a
 * request was scheduled to leave, not from when it actually left, so a stalled server shows
 * up as latency instead of hiding in a lower send rate (coordinated omission).
 */
import * as http from 'node:http';
import * as hdr from 'hdr-histogram-js';
import { readValidCity, statesOf } from '@grievance/directory-seed';
import { DEMO_CITY_DIR } from '../../deploy/local/paths';

/** Wall-clock milliseconds with sub-millisecond resolution (comparable with Postgres timestamps of this machine). */
export const nowMs = (): number => performance.timeOrigin + performance.now();

/** An HDR histogram of milliseconds, recorded in microseconds (3 significant digits). */
export class Latency {
  private readonly histogram = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: 3 });

  record(ms: number): void {
    this.histogram.recordValue(Math.max(1, Math.round(ms * 1000)));
  }

  get count(): number {
    return this.histogram.totalCount;
  }

  at(percentile: number): number {
    return this.count === 0 ? NaN : Math.round(this.histogram.getValueAtPercentile(percentile) / 10) / 100;
  }

  summary(): LatencySummary {
    return {
      count: this.count,
      p50: this.at(50),
      p90: this.at(90),
      p99: this.at(99),
      p999: this.at(99.9),
      max: this.count === 0 ? NaN : Math.round(this.histogram.maxValue / 10) / 100,
      mean: this.count === 0 ? NaN : Math.round(this.histogram.mean / 10) / 100,
    };
  }
}

export interface LatencySummary {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  p999: number;
  max: number;
  mean: number;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });

export interface HttpAnswer {
  status: number;
  body: string;
  /** The Retry-After header of a 429 or 503. */
  retryAfter?: string;
}

/** A POST with a JSON body on a keep-alive connection (node:http: less client CPU than fetch). */
export function postJson(url: string, token: string, body: unknown, timeoutMs = 30_000, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  return requestJson('POST', url, token, body, timeoutMs, headers);
}

/** A request (a JSON body when one is given) on a keep-alive connection; never rejects: a failure is status 0 with its message. */
export function requestJson(method: string, url: string, token: string, body?: unknown, timeoutMs = 30_000, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  const payload = body === undefined ? undefined : { bytes: Buffer.from(JSON.stringify(body)), contentType: 'application/json' };
  return request(method, url, token, payload, timeoutMs, headers);
}

/** A request with a body of any type (a multipart upload, say) on a keep-alive connection; never rejects. */
export function request(
  method: string,
  url: string,
  token: string,
  payload: { bytes: Buffer; contentType: string } | undefined,
  timeoutMs = 30_000,
  headers: Record<string, string> = {},
): Promise<HttpAnswer> {
  const bodyHeaders: Record<string, string | number> = payload === undefined ? {} : { 'content-type': payload.contentType, 'content-length': payload.bytes.length };
  return new Promise((resolve) => {
    const outgoing = http.request(
      url,
      {
        method,
        agent,
        headers: { ...headers, authorization: `Bearer ${token}`, ...bodyHeaders },
        timeout: timeoutMs,
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text, retryAfter: response.headers['retry-after'] }));
        response.on('error', (error) => resolve({ status: 0, body: error.message }));
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error('timeout')));
    outgoing.on('error', (error) => resolve({ status: 0, body: error.message }));
    outgoing.end(payload?.bytes);
  });
}

export interface Scheduled<T> {
  index: number;
  /** When it was meant to leave (nowMs clock). */
  scheduledAt: number;
  sentAt: number;
  answeredAt?: number;
  result?: T;
}

/**
 * Sends `rate` requests per second for `seconds`, each at its own scheduled moment
 * (start + i / rate); resolves once every request has been answered, with all of them.
 */
export async function openLoop<T>(rate: number, seconds: number, send: (index: number) => Promise<T>): Promise<Scheduled<T>[]> {
  const total = Math.round(rate * seconds);
  const start = nowMs() + 20;
  const all: Scheduled<T>[] = [];
  const pending: Promise<void>[] = [];
  let next = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = nowMs();
      while (next < total && start + (next * 1000) / rate <= now) {
        const entry: Scheduled<T> = { index: next, scheduledAt: start + (next * 1000) / rate, sentAt: nowMs() };
        all.push(entry);
        pending.push(
          send(next).then((result) => {
            entry.answeredAt = nowMs();
            entry.result = result;
          }),
        );
        next += 1;
      }
      if (next >= total) return resolve();
      const wait = start + (next * 1000) / rate - nowMs();
      setTimeout(tick, Math.max(0, Math.min(wait, 5)));
    };
    tick();
  });
  await Promise.all(pending);
  return all;
}

// ------------------------------------------------------------------ hazard reports

const demoCity = readValidCity(DEMO_CITY_DIR);
const HAZARD_CATEGORIES = statesOf(demoCity, 'category').filter((c) => c.attributes?.kind === 'hazard').map((c) => c.id);
const APPEAL_CATEGORIES = statesOf(demoCity, 'category').filter((c) => c.attributes?.kind === 'appeal').map((c) => c.id);
/** Grids that have a grid worker, with the bounding box of their boundary. */
const GRIDS = statesOf(demoCity, 'grid')
  .filter((g) => statesOf(demoCity, 'grid_worker').some((w) => w.parentId === g.id))
  .map((g) => {
    const ring = g.polygon!.coordinates[0] as number[][];
    const lngs = ring.map((p) => p[0]!);
    const lats = ring.map((p) => p[1]!);
    return { id: g.id, minLng: Math.min(...lngs), maxLng: Math.max(...lngs), minLat: Math.min(...lats), maxLat: Math.max(...lats) };
  });

/** A submission body of one kind, its category taken in turn from that kind's categories. */
function submission(kind: 'hazard' | 'appeal', categories: string[], index: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind,
    category: categories[index % categories.length],
    title: `Load ${kind} ${index}`,
    description: 'Generated by the load benchmark.',
    urgency: 'normal',
    ...extra,
  };
}

/**
 * A hazard report at a random point well inside a random grid (the grids are rectangles in
 * the demo city; the 10% margin keeps points off the edges), so reports of one category
 * are almost never within the duplicate radius of each other.
 */
export function hazardReport(index: number): Record<string, unknown> {
  const grid = GRIDS[index % GRIDS.length]!;
  const margin = 0.1;
  const lat = grid.minLat + (margin + Math.random() * (1 - 2 * margin)) * (grid.maxLat - grid.minLat);
  const lng = grid.minLng + (margin + Math.random() * (1 - 2 * margin)) * (grid.maxLng - grid.minLng);
  return submission('hazard', HAZARD_CATEGORIES, index, {
    location: { lat: Math.round(lat * 1e6) / 1e6, lng: Math.round(lng * 1e6) / 1e6, address: `bench point ${index}` },
  });
}

/** An appeal (pay dispute, parking, …) for the chaos run's mix. */
export const appeal = (index: number): Record<string, unknown> => submission('appeal', APPEAL_CATEGORIES, index);
