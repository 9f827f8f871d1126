/**
 * The people of the hazard loop and the appeal chain, as the benchmark plays them: each
 * acts only through the public HTTP API the README documents for their role, with a dev
 * token signed for them (development auth, as `npm start` runs the services).
 */
import { Principal, signDevToken } from '@grievance/auth';
import { HttpAnswer, request, requestJson } from './generator';

/** A 1×1 PNG: the photo a confirmed check needs. */
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

export type ServiceUrl = (service: string) => string;

/** A refused or failed request, with what the service answered. */
export class ActorError extends Error {
  constructor(what: string, answer: HttpAnswer) {
    super(`${what}: HTTP ${answer.status} ${answer.body.slice(0, 300)}`);
  }
}

/** The answer when it is a success; a refusal or failure (a 429 included) throws, so no read or action fails quietly. */
const ok = (answer: HttpAnswer, what: string): HttpAnswer => {
  if (answer.status < 200 || answer.status >= 300) throw new ActorError(what, answer);
  return answer;
};

/** Dev tokens, one per person, signed once. */
export class Tokens {
  private readonly cache = new Map<string, Promise<string>>();

  of(principal: Principal): Promise<string> {
    const key = JSON.stringify(principal);
    let token = this.cache.get(key);
    if (!token) {
      token = signDevToken(principal);
      this.cache.set(key, token);
    }
    return token;
  }
}

/** The actors of the run, on the services at `url`. */
export class Actors {
  readonly tokens = new Tokens();

  constructor(private readonly url: ServiceUrl) {}

  /** Answers `503 busy` (a service shedding load) that the actors waited out and asked again. */
  busyAnswers = 0;

  /**
   * One request as `principal`, as a person's client makes it: when the service answers 503
   * (busy, shedding load) it asks again after its Retry-After, up to 5 times; when the
   * server had just closed the kept-alive connection it went out on (a reset before any
   * answer), it is sent once more on a fresh one (an action the server did take the first
   * time then answers 409, loudly).
   */
  private async call(service: string, method: string, path: string, principal: Principal, body?: unknown, payload?: { bytes: Buffer; contentType: string }): Promise<HttpAnswer> {
    const url = `${this.url(service)}${path}`;
    const token = await this.tokens.of(principal);
    const send = () => (payload ? request(method, url, token, payload) : requestJson(method, url, token, body));
    let answer = await send();
    if (answer.status === 0 && /socket hang up|ECONNRESET/.test(answer.body)) answer = await send();
    for (let asked = 0; answer.status === 503 && asked < 5; asked += 1) {
      this.busyAnswers += 1;
      await new Promise((resolve) => setTimeout(resolve, (Number(answer.retryAfter) || 1) * 1000));
      answer = await send();
    }
    return answer;
  }

  // ------------------------------------------------------------------ admin

  /** PUT /v1/sla/policies/:id, as an operator changes a budget. */
  async putSlaPolicy(id: string, policy: { match: Record<string, string>; targets: Record<string, string | number>; calendar: string; reason: string }): Promise<void> {
    ok(await this.call('routing', 'PUT', `/v1/sla/policies/${id}`, { sub: 'bench-admin', role: 'admin' }, policy), `PUT /v1/sla/policies/${id}`);
  }

  // ------------------------------------------------------------------ rider

  rider(sub: string): Principal {
    return { sub, role: 'worker' };
  }

  /** PUT /v1/workers/me: the rider registers with their branch (their appeals go to its members). */
  async register(rider: Principal, occupation: string, branchId: string): Promise<void> {
    ok(await this.call('routing', 'PUT', '/v1/workers/me', rider, { occupation, branchId }), `register ${rider.sub}`);
  }

  /** The rider's view of their grievance (GET /v1/grievances/:id on intake): its status. */
  async statusOf(rider: Principal, grievanceId: string): Promise<string | undefined> {
    const answer = ok(await this.call('intake', 'GET', `/v1/grievances/${grievanceId}`, rider), `read grievance ${grievanceId}`);
    return (JSON.parse(answer.body) as { status?: string }).status;
  }

  /** POST /v1/grievances/:id/rating; the answer as it came (feedback may not know the resolution yet). */
  rate(rider: Principal, grievanceId: string, rating: 'satisfied' | 'unsatisfied'): Promise<HttpAnswer> {
    return this.call('feedback', 'POST', `/v1/grievances/${grievanceId}/rating`, rider, { rating, comment: 'Rated by the load benchmark.' });
  }

  // ------------------------------------------------------------------ grid worker

  gridWorker(id: string, gridId: string): Principal {
    return { sub: id, role: 'grid_worker', gridId };
  }

  /** Whether the grid worker's own list (GET /v1/tickets) has the ticket. */
  async hasTicket(worker: Principal, ticketId: string): Promise<boolean> {
    return ok(await this.call('grid-dispatch', 'GET', '/v1/tickets', worker), `${worker.sub}'s tickets`).body.includes(ticketId);
  }

  async acceptTicket(worker: Principal, ticketId: string): Promise<void> {
    ok(await this.call('grid-dispatch', 'POST', `/v1/tickets/${ticketId}/accept`, worker), `accept ticket ${ticketId}`);
  }

  /** POST /v1/attachments on intake (multipart `file`): the photo's attachment id. */
  async uploadPhoto(person: Principal): Promise<string> {
    const boundary = `bench-${Math.random().toString(36).slice(2)}`;
    const bytes = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="on-site.png"\r\nContent-Type: image/png\r\n\r\n`),
      PHOTO,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const answer = ok(await this.call('intake', 'POST', '/v1/attachments', person, undefined, { bytes, contentType: `multipart/form-data; boundary=${boundary}` }), `upload a photo as ${person.sub}`);
    return (JSON.parse(answer.body) as { id: string }).id;
  }

  /** On site (about 30 m north of the reported point, within the 200 m allowed), the hazard confirmed with a photo. */
  async confirmOnSite(worker: Principal, ticketId: string, at: { lat: number; lng: number }): Promise<void> {
    const position = { lat: Math.round((at.lat + 0.0003) * 1e6) / 1e6, lng: at.lng };
    const photo = await this.uploadPhoto(worker);
    ok(
      await this.call('grid-dispatch', 'POST', `/v1/tickets/${ticketId}/verify`, worker, { verdict: 'confirmed', note: 'Confirmed on site by the load benchmark.', position, attachmentIds: [photo] }),
      `verify ticket ${ticketId}`,
    );
  }

  // ------------------------------------------------------------------ department and the rungs of the chain

  department(code: string): Principal {
    return { sub: `bench-officer-${code}`, role: 'department', departmentCode: code };
  }

  /** A rung's officer (a member is their own org unit; the others act for theirs). */
  rung(level: string, unitId: string): Principal {
    return { sub: `${unitId}-officer`, role: level as Principal['role'], orgUnitId: unitId };
  }

  /** Whether the holder's inbox on routing (GET /v1/inbox) has the grievance. */
  async inInbox(holder: Principal, grievanceId: string): Promise<boolean> {
    return ok(await this.call('routing', 'GET', '/v1/inbox', holder), `${holder.sub}'s inbox`).body.includes(grievanceId);
  }

  async acceptGrievance(department: Principal, grievanceId: string): Promise<void> {
    ok(await this.call('routing', 'POST', `/v1/matters/${grievanceId}/accept`, department), `accept grievance ${grievanceId}`);
  }

  async resolveGrievance(holder: Principal, grievanceId: string): Promise<void> {
    ok(await this.call('routing', 'POST', `/v1/matters/${grievanceId}/resolve`, holder, { resolution: 'Fixed; reported by the load benchmark.' }), `resolve grievance ${grievanceId}`);
  }
}
