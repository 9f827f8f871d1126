import { holdersNamedBy, type EventEnvelope } from '@grievance/contracts';

/** A holder as the audit keeps it: the contracts' HolderRef, as read back from storage. */
export interface HolderRef {
  type: string;
  id: string;
  name?: string;
  level?: string;
}

type Payload = Record<string, unknown>;

const payloadOf = (event: Pick<EventEnvelope, 'payload'>): Payload =>
  typeof event.payload === 'object' && event.payload !== null ? (event.payload as Payload) : {};

/** `type:id`, the identity of a holder across events. */
export const holderKey = (holder: Pick<HolderRef, 'type' | 'id'>): string => `${holder.type}:${holder.id}`;

/**
 * Who the event says holds (or acted as holder of) the grievance: the new holder of a
 * routing, escalation, return, assignment or reopening; the resolver or rejecter; the grid
 * worker of a ticket event (the contracts' reading of each topic). Undefined when it names none.
 */
export const holderOf = (event: EventEnvelope): HolderRef | undefined => holdersNamedBy(event).holder;

/** The rung of the escalation chain the event puts the grievance at (or its holder sits at). */
export const levelOf = (event: EventEnvelope): string | undefined => holdersNamedBy(event).level;

/** The holder that handed the grievance on (escalations, returns and transfers name one), at its rung. */
export const fromHolderOf = (event: EventEnvelope): HolderRef | undefined => holdersNamedBy(event).from;

export const payloadField = <T = unknown>(event: Pick<EventEnvelope, 'payload'>, field: string): T | undefined => payloadOf(event)[field] as T | undefined;

/** The grievance's own order: occurredAt, then the event id (a UUID v7, so time-ordered too). */
export function byGrievanceTime(a: Pick<EventEnvelope, 'occurredAt' | 'eventId'>, b: Pick<EventEnvelope, 'occurredAt' | 'eventId'>): number {
  const t = Date.parse(a.occurredAt) - Date.parse(b.occurredAt);
  if (t !== 0) return t;
  return a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;
}

/** Events that put the grievance in front of a (new) holder; any event naming a `toHolder` does too. */
const REACH_TYPES = new Set(['grievance.routed', 'grievance.assigned', 'grievance.escalated', 'grievance.reopened', 'ticket.dispatched', 'grievance.returned']);

/** Whether the event hands the grievance to a holder (the one holderOf names). */
export const reachesHolder = (event: Pick<EventEnvelope, 'type' | 'payload'>): boolean => REACH_TYPES.has(event.type) || payloadField(event, 'toHolder') !== undefined;

/** The type of a supervision event (督办), when the catalogue has it. */
export const SUPERVISED_TYPE = 'grievance.supervised';
/** The type of a return down the chain (退单), when the catalogue has it. */
export const RETURNED_TYPE = 'grievance.returned';
/** Every hand-back a holder makes (退单): a rung's return down the chain, a department's return or transfer. */
export const BOUNCE_TYPES: ReadonlySet<string> = new Set([RETURNED_TYPE, 'grievance.department-returned', 'grievance.transferred']);
/** The top rung: a breach there puts the grievance under supervision. */
export { TOP_LEVEL } from '@grievance/contracts';
