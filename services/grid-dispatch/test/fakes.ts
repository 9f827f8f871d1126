/** Plain fakes for the unit tests of use cases: a unit of work that only runs the work, a recording TicketEvents, a still clock. */
import { EventEnvelope } from '@grievance/contracts';
import type { UnitOfWork } from '@grievance/messaging';
import type { Clock } from '@grievance/platform';
import type { PinoLogger } from 'nestjs-pino';
import type { TicketEvents } from '../src/tickets/ticket-events';
import type { GrievanceSnapshot, Ticket } from '../src/tickets/tickets.repository';

export const NOW = new Date('2026-12-01T08:00:00.000Z');

/** The transaction is the repositories' business: here the work simply runs. */
export const fakeUnitOfWork = (): UnitOfWork => ({ run: <R>(work: () => Promise<R>) => work() }) as unknown as UnitOfWork;

/** The ticket events a use case recorded (their live notices are TicketEvents' business). */
export function fakeTicketEvents(): { events: TicketEvents; published: { topic: string; envelope: EventEnvelope }[] } {
  const published: { topic: string; envelope: EventEnvelope }[] = [];
  const events = {
    record: jest.fn(async (topic: string, envelope: EventEnvelope) => {
      published.push({ topic, envelope });
    }),
  } as unknown as TicketEvents;
  return { events, published };
}

export const fakeClock = (now = NOW): Clock => ({ now: () => now }) as Clock;

export const fakeLogger = (): PinoLogger => ({ setContext: jest.fn(), info: jest.fn(), warn: jest.fn(), debug: jest.fn(), error: jest.fn() }) as unknown as PinoLogger;

export function aTicket(over: Partial<Ticket> = {}): Ticket {
  return {
    id: 'ticket-1',
    grievanceId: 'grievance-1',
    gridId: 'g1',
    gridWorkerId: null,
    attempt: 1,
    status: 'undispatched',
    acceptBy: null,
    kind: 'hazard',
    category: 'manhole_cover_missing',
    urgency: 'normal',
    lapsedWorkerIds: [],
    correlationId: 'corr-1',
    dispatchedAt: null,
    acceptedAt: null,
    verifiedAt: null,
    verdict: null,
    verifyNote: null,
    contestedVerdictBy: null,
    createdAt: NOW,
    updatedAt: NOW,
    ...over,
  };
}

export function aSnapshot(over: Partial<GrievanceSnapshot> = {}): GrievanceSnapshot {
  return {
    grievanceId: 'grievance-1',
    trackingNo: 'NC-20261201-000001',
    kind: 'hazard',
    category: 'manhole_cover_missing',
    title: 'Manhole cover missing',
    urgency: 'normal',
    lat: 28.605,
    lng: 115.805,
    address: 'Corner',
    submittedAt: NOW,
    reportedBy: null,
    attachmentIds: [],
    loggedAtStationId: null,
    ...over,
  } as GrievanceSnapshot;
}
