import { DomainError } from '@grievance/platform';
import { aSnapshot, aTicket, fakeClock, fakeTicketEvents, fakeUnitOfWork, NOW } from '../../test/fakes';
import type { TicketDeadlines } from '../deadlines/ticket-deadlines';
import { AcceptTicket } from './accept-ticket.use-case';
import type { Ticket, TicketsRepository } from './tickets.repository';

const GRID_WORKER = { id: 'gw-g1-1', role: 'grid_worker' as const };

function setup(seen: Ticket | undefined, locked: Ticket | undefined = seen) {
  const tickets = {
    find: jest.fn().mockResolvedValue(seen),
    findForUpdate: jest.fn().mockResolvedValue(locked),
    snapshotOf: jest.fn().mockResolvedValue(aSnapshot()),
    update: jest.fn().mockResolvedValue(undefined),
  };
  const deadlines = { accepted: jest.fn().mockResolvedValue(undefined) };
  const { events, published } = fakeTicketEvents();
  const useCase = new AcceptTicket(fakeUnitOfWork(), tickets as unknown as TicketsRepository, deadlines as unknown as TicketDeadlines, events, fakeClock());
  return { useCase, tickets, deadlines, published };
}

describe('AcceptTicket', () => {
  it('completes the accept deadline before locking the ticket, then accepts it and records ticket.accepted.v1', async () => {
    const { useCase, tickets, deadlines, published } = setup(aTicket({ status: 'dispatched', gridWorkerId: GRID_WORKER.id }));

    const view = await useCase.execute({ ticketId: 'ticket-1', gridWorker: GRID_WORKER });

    const event = published[0]!.envelope;
    expect(published.map((p) => p.topic)).toEqual(['ticket.accepted.v1']);
    expect(event).toMatchObject({ actor: GRID_WORKER, occurredAt: NOW.toISOString(), payload: { ticketId: 'ticket-1', gridWorkerId: 'gw-g1-1' } });
    // The deadline first, in the order a firing locks them (no waiting on each other), caused by the event.
    expect(deadlines.accepted).toHaveBeenCalledWith(expect.objectContaining({ id: 'ticket-1' }), 'gw-g1-1', NOW, event.eventId);
    expect(deadlines.accepted.mock.invocationCallOrder[0]).toBeLessThan(tickets.findForUpdate.mock.invocationCallOrder[0]!);
    expect(tickets.update).toHaveBeenCalledWith('ticket-1', { status: 'accepted', acceptedAt: NOW });
    expect(view).toMatchObject({ id: 'ticket-1', status: 'accepted', acceptedAt: NOW.toISOString() });
  });

  it('refuses a ticket not waiting to be accepted, or taken from the caller meanwhile, and another worker is told it is not found', async () => {
    const refused = async (u: ReturnType<typeof setup>) => {
      const error = (await u.useCase.execute({ ticketId: 'ticket-1', gridWorker: GRID_WORKER }).catch((e: unknown) => e)) as DomainError;
      expect(u.tickets.update).not.toHaveBeenCalled();
      expect(u.published).toEqual([]);
      return error;
    };
    expect(await refused(setup(aTicket({ status: 'accepted', gridWorkerId: GRID_WORKER.id })))).toMatchObject({ code: 'conflict' });
    const movedOn = setup(aTicket({ status: 'dispatched', gridWorkerId: GRID_WORKER.id }), aTicket({ status: 'dispatched', gridWorkerId: 'gw-g1-2' }));
    expect(await refused(movedOn)).toMatchObject({ code: 'not_found' });
    expect(await refused(setup(aTicket({ status: 'dispatched', gridWorkerId: 'gw-g1-2' })))).toMatchObject({ code: 'not_found' });
  });
});
