import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@grievance/contracts';
import { DomainError, maskPersonalData } from '@grievance/platform';
import { BrokenLink, verifyChain } from '../dossier/chain';
import { DossierRepository, DossierRow } from '../dossier/dossier.repository';
import { byGrievanceTime, HolderRef, holderOf, levelOf } from './event-facts';
import { replaySla, SlaReplay } from './sla-replay';

export interface TraceEvent {
  eventId: string;
  type: string;
  version: number;
  topic: string;
  occurredAt: string;
  /** When the audit service stored it (arrival order is chain order). */
  recordedAt: string;
  actor: { id: string; role: string };
  /** Who holds the grievance after this event, when the payload names one. */
  holder?: HolderRef;
  /** The rung of the escalation chain, when the payload names one. */
  level?: string;
  /** A walk-in's submission (驿站代办): where, by whom, for whom and on what consent it was logged. */
  loggedAt?: WalkInFacts;
  correlationId: string;
  causationId: string | null;
  payload: unknown;
  /** The row's link in its grievance's hash chain. */
  link: { chainIndex: number; seq: string; hash: string; prevHash: string };
}

/** Who logged a walk-in for whom: the station and its staff member, the worker it belongs to, how the worker consented. */
export interface WalkInFacts {
  stationId: string;
  staffId: string;
  workerId: string;
  consentMethod: string;
  /** The same in one line, as an auditor reads it. */
  summary: string;
}

/** The walk-in facts of a grievance.submitted event that carries `loggedAt`; undefined for any other event. */
export function walkInFactsOf(e: Pick<EventEnvelope, 'type' | 'payload'>): WalkInFacts | undefined {
  if (e.type !== 'grievance.submitted') return undefined;
  const payload = (e.payload ?? {}) as { loggedAt?: { stationId?: unknown; staffId?: unknown; consentMethod?: unknown }; reporter?: { id?: unknown } };
  const logged = payload.loggedAt;
  if (!logged || typeof logged.stationId !== 'string' || typeof logged.staffId !== 'string') return undefined;
  const workerId = typeof payload.reporter?.id === 'string' ? payload.reporter.id : '';
  const consentMethod = String(logged.consentMethod);
  return {
    stationId: logged.stationId,
    staffId: logged.staffId,
    workerId,
    consentMethod,
    summary: `logged at station ${logged.stationId} by ${logged.staffId} for worker ${workerId}, consent ${consentMethod}`,
  };
}

export interface TraceView {
  grievanceId: string;
  /** In the grievance's own order: occurredAt, then event id. */
  events: TraceEvent[];
  /** The chain verifies, and it still holds everything the latest anchor saw of it. */
  verified: boolean;
  brokenLink?: BrokenLink;
  chain: { length: number; head: string };
  /** What the latest anchor that saw this grievance recorded (null: not anchored yet). */
  anchor: { anchorId: string; anchoredAt: string; length: number; headHash: string } | null;
  sla: SlaReplay;
}

/**
 * One grievance's trace for an auditor: the events in order, the chain verified, the SLA story
 * replayed. An auditor is neither the reporter nor the holder, so phone numbers and people's
 * names are masked; the hashes are over the records as stored.
 */
@Injectable()
export class TraceGrievance {
  constructor(private readonly dossier: DossierRepository) {}

  async execute({ grievanceId }: { grievanceId: string }): Promise<TraceView> {
    const [rows, anchored] = await Promise.all([this.dossier.chainOf(grievanceId), this.dossier.anchoredHeadOf(grievanceId)]);
    if (rows.length === 0 && !anchored) throw DomainError.notFound('grievance', grievanceId);

    const verdict = verifyChain(grievanceId, rows);
    let brokenLink = verdict.brokenLink;
    if (!brokenLink && anchored) brokenLink = anchorBreak(rows, anchored);

    const envelopes = rows.map((r) => r.event as unknown as EventEnvelope);
    const byEventId = new Map(rows.map((r) => [r.eventId, r]));
    const events = [...envelopes].sort(byGrievanceTime).map((e) => traceEvent(e, byEventId.get(e.eventId)!));
    return maskPersonalData({
      grievanceId,
      events,
      verified: brokenLink === undefined,
      ...(brokenLink ? { brokenLink } : {}),
      chain: { length: verdict.length, head: verdict.head },
      anchor: anchored ? { anchorId: anchored.anchorId, anchoredAt: anchored.anchoredAt, length: anchored.length, headHash: anchored.headHash } : null,
      sla: replaySla(envelopes),
    });
  }
}

/** Whether the chain still holds the row the anchor saw last, with the hash it saw. */
function anchorBreak(rows: readonly DossierRow[], anchored: { length: number; headHash: string; anchorId: string }): BrokenLink | undefined {
  if (rows.length < anchored.length) {
    return {
      reason: 'truncated',
      chainIndex: rows.length,
      message: `anchor ${anchored.anchorId} saw ${anchored.length} events of this grievance; the dossier holds ${rows.length}`,
    };
  }
  const row = rows[anchored.length - 1]!;
  if (row.hash !== anchored.headHash) {
    return {
      reason: 'rewritten',
      chainIndex: row.chainIndex,
      eventId: row.eventId,
      seq: row.seq,
      message: `row ${row.chainIndex} (event ${row.eventId}) has another hash than anchor ${anchored.anchorId} saw: the chain was rebuilt`,
    };
  }
  return undefined;
}

function traceEvent(e: EventEnvelope, row: DossierRow): TraceEvent {
  const holder = holderOf(e);
  const level = levelOf(e);
  const loggedAt = walkInFactsOf(e);
  return {
    eventId: e.eventId,
    type: e.type,
    version: e.version,
    topic: row.topic,
    occurredAt: e.occurredAt,
    recordedAt: row.recordedAt,
    actor: { id: e.actor?.id, role: e.actor?.role },
    ...(holder ? { holder } : {}),
    ...(level ? { level } : {}),
    ...(loggedAt ? { loggedAt } : {}),
    correlationId: e.correlationId,
    causationId: e.causationId ?? null,
    payload: e.payload,
    link: { chainIndex: row.chainIndex, seq: row.seq, hash: row.hash, prevHash: row.prevHash },
  };
}
