import type { EventEnvelope } from '@grievance/contracts';

/** A holder as events carry it (contracts' Holder), read generically so new event types need no code here. */
export interface HolderRef {
  type: string;
  id: string;
  name?: string;
  level?: string;
}

type Payload = Record<string, unknown>;

const isHolder = (value: unknown): value is HolderRef =>
  typeof value === 'object' && value !== null && typeof (value as HolderRef).type === 'string' && typeof (value as HolderRef).id === 'string';

const payloadOf = (event: Pick<EventEnvelope, 'payload'>): Payload =>
  typeof event.payload === 'object' && event.payload !== null ? (event.payload as Payload) : {};

/** `type:id`, the identity of a holder across events. */
export const holderKey = (holder: Pick<HolderRef, 'type' | 'id'>): string => `${holder.type}:${holder.id}`;

/** Payload fields that name who holds the matter after the event, most specific first. */
const HOLDER_FIELDS = ['toHolder', 'holder', 'reopenedTo', 'resolvedBy', 'rejectedBy'] as const;

/**
 * Who the event says holds (or acted as holder of) the matter: the new holder of a
 * routing, escalation, return, assignment or reopening; the resolver or rejecter; the grid
 * worker of a ticket event. Undefined when the payload names none.
 */
export function holderOf(event: Pick<EventEnvelope, 'payload'>): HolderRef | undefined {
  const p = payloadOf(event);
  for (const field of HOLDER_FIELDS) {
    const value = p[field];
    if (isHolder(value)) return { type: value.type, id: value.id, ...(value.name !== undefined ? { name: value.name } : {}), ...(value.level !== undefined ? { level: value.level } : {}) };
  }
  if (typeof p.gridWorkerId === 'string') return { type: 'grid_worker', id: p.gridWorkerId };
  return undefined;
}

/** The rung of the escalation chain the event puts the matter at (or its holder sits at). */
export function levelOf(event: Pick<EventEnvelope, 'payload'>): string | undefined {
  const p = payloadOf(event);
  if (typeof p.toLevel === 'string') return p.toLevel;
  if (typeof p.level === 'string') return p.level;
  return holderOf(event)?.level;
}

/** The holder that handed the matter on (escalations and returns name one). */
export function fromHolderOf(event: Pick<EventEnvelope, 'payload'>): (HolderRef & { level?: string }) | undefined {
  const p = payloadOf(event);
  if (!isHolder(p.fromHolder)) return undefined;
  const level = typeof p.fromLevel === 'string' ? p.fromLevel : p.fromHolder.level;
  return { type: p.fromHolder.type, id: p.fromHolder.id, ...(p.fromHolder.name !== undefined ? { name: p.fromHolder.name } : {}), ...(level ? { level } : {}) };
}

export const payloadField = <T = unknown>(event: Pick<EventEnvelope, 'payload'>, field: string): T | undefined => payloadOf(event)[field] as T | undefined;

/** The matter's own order: occurredAt, then the event id (a UUID v7, so time-ordered too). */
export function byMatterTime(a: Pick<EventEnvelope, 'occurredAt' | 'eventId'>, b: Pick<EventEnvelope, 'occurredAt' | 'eventId'>): number {
  const t = Date.parse(a.occurredAt) - Date.parse(b.occurredAt);
  if (t !== 0) return t;
  return a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;
}

/** Events that put the matter in front of a (new) holder; any event naming a `toHolder` does too. */
const REACH_TYPES = new Set(['grievance.routed', 'grievance.assigned', 'grievance.escalated', 'grievance.reopened', 'ticket.dispatched', 'grievance.returned']);

/** Whether the event hands the matter to a holder (the one holderOf names). */
export const reachesHolder = (event: Pick<EventEnvelope, 'type' | 'payload'>): boolean => REACH_TYPES.has(event.type) || payloadField(event, 'toHolder') !== undefined;

/** The type of a supervision event (督办), when the catalogue has it. */
export const SUPERVISED_TYPE = 'grievance.supervised';
/** The type of a return down the chain (退单), when the catalogue has it. */
export const RETURNED_TYPE = 'grievance.returned';
/** Every hand-back a holder makes (退单): a rung's return down the chain, a department's return or transfer. */
export const BOUNCE_TYPES: ReadonlySet<string> = new Set([RETURNED_TYPE, 'grievance.department-returned', 'grievance.transferred']);
/** The top rung: a breach there puts the matter under supervision. */
export const TOP_LEVEL = 'two_new_committee';
