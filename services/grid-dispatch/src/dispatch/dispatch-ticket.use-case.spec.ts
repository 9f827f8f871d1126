import type { SlaDeadline } from '@grievance/sla';
import { aTicket, fakeClock, fakeLogger, fakeTicketEvents, fakeUnitOfWork, NOW } from '../../test/fakes';
import type { TicketDeadlines } from '../deadlines/ticket-deadlines';
import type { GrievanceSnapshot, Ticket, TicketsRepository } from '../tickets/tickets.repository';
import type { DispatchCandidate } from './dispatch-rule';
import type { DispatchRepository, GridPlace } from './dispatch.repository';
import { DispatchTicket } from './dispatch-ticket.use-case';

const DUE = new Date(NOW.getTime() + 30 * 60_000);

const candidate = (id: string, openTickets: number): DispatchCandidate => ({
  id,
  gridId: 'g1',
  communityId: 'c1',
  streetId: 's1',
  onDuty: true,
  openTickets,
  lastDispatchedAt: null,
});

function setup(options: { grid?: GridPlace; candidates?: DispatchCandidate[]; loggedAtStationId?: string } = {}) {
  const tickets = {
    update: jest.fn().mockResolvedValue(undefined),
    snapshotOf: jest.fn().mockResolvedValue(options.loggedAtStationId ? { loggedAtStationId: options.loggedAtStationId } : undefined),
  };
  const dispatches = {
    reachOf: jest.fn().mockResolvedValue({ grid: options.grid, candidates: (options.candidates ?? []).map((c) => ({ ...c, name: `Name of ${c.id}` })) }),
    recordDispatch: jest.fn().mockResolvedValue(undefined),
    logUndispatched: jest.fn().mockResolvedValue(undefined),
  };
  const deadlines = {
    startAccept: jest.fn().mockResolvedValue({ dueAt: DUE } as SlaDeadline),
    cancelAccept: jest.fn().mockResolvedValue(undefined),
  };
  const { events, published } = fakeTicketEvents();
  const useCase = new DispatchTicket(
    fakeUnitOfWork(),
    tickets as unknown as TicketsRepository,
    dispatches as unknown as DispatchRepository,
    deadlines as unknown as TicketDeadlines,
    events,
    fakeClock(),
    fakeLogger(),
  );
  return { useCase, tickets, dispatches, deadlines, published };
}

const GRID: GridPlace = { id: 'g1', communityId: 'c1', streetId: 's1' };

describe('DispatchTicket', () => {
  it('gives the ticket to the least-loaded worker in reach: their accept deadline, the ticket, the dispatch row and ticket.dispatched.v1', async () => {
    const { useCase, tickets, dispatches, deadlines, published } = setup({ grid: GRID, candidates: [candidate('gw-a', 2), candidate('gw-b', 0)] });
    const ticket = aTicket();

    await expect(useCase.execute({ ticket, causationId: 'routed-1' })).resolves.toBe(true);

    expect(dispatches.reachOf).toHaveBeenCalledWith('g1');
    expect(deadlines.startAccept).toHaveBeenCalledWith(ticket, { type: 'grid_worker', id: 'gw-b', name: 'Name of gw-b' }, NOW, 'routed-1', false);
    expect(tickets.update).toHaveBeenCalledWith('ticket-1', { status: 'dispatched', gridWorkerId: 'gw-b', attempt: 1, acceptBy: DUE, dispatchedAt: NOW });
    expect(dispatches.recordDispatch).toHaveBeenCalledWith('ticket-1', 1, 'gw-b', NOW);
    expect(published).toHaveLength(1);
    expect(published[0]!.topic).toBe('ticket.dispatched.v1');
    expect(published[0]!.envelope).toMatchObject({
      grievanceId: 'grievance-1',
      correlationId: 'corr-1',
      causationId: 'routed-1',
      occurredAt: NOW.toISOString(),
      payload: { ticketId: 'ticket-1', gridId: 'g1', gridWorkerId: 'gw-b', attempt: 1, acceptBy: DUE.toISOString() },
    });
  });

  it('counts a dispatch after an earlier one as the next attempt, and never gives it back to who let it lapse', async () => {
    const { useCase, tickets, published } = setup({ grid: GRID, candidates: [candidate('gw-a', 0), candidate('gw-b', 3)] });
    const ticket: Ticket = aTicket({ status: 'dispatched', gridWorkerId: 'gw-a', attempt: 1, dispatchedAt: new Date(NOW.getTime() - 60_000), lapsedWorkerIds: ['gw-a'] });

    await useCase.execute({ ticket, causationId: 'breach-1' });

    expect(tickets.update).toHaveBeenCalledWith('ticket-1', expect.objectContaining({ gridWorkerId: 'gw-b', attempt: 2 }));
    expect(published[0]!.envelope.payload).toMatchObject({ gridWorkerId: 'gw-b', attempt: 2 });
  });

  it('leaves the ticket waiting when nobody is in reach: no holder, the lapsed accept deadline cancelled, the reason logged, no event', async () => {
    const { useCase, tickets, dispatches, deadlines, published } = setup({ grid: GRID, candidates: [] });
    const ticket = aTicket();

    await expect(useCase.execute({ ticket, causationId: null })).resolves.toBe(false);

    expect(tickets.update).toHaveBeenCalledWith('ticket-1', { status: 'undispatched', gridWorkerId: null, acceptBy: null });
    expect(deadlines.cancelAccept).toHaveBeenCalledWith(ticket, NOW);
    expect(dispatches.logUndispatched).toHaveBeenCalledWith('ticket-1', 'no on-duty grid worker in grid g1, its community or its street');
    expect(deadlines.startAccept).not.toHaveBeenCalled();
    expect(published).toEqual([]);
  });

  it('looks for no deadline of a ticket opened in the same transaction: the accept clock starts fresh, and nothing is cancelled when nobody is in reach', async () => {
    const dispatched = setup({ grid: GRID, candidates: [candidate('gw-a', 0)] });
    await expect(dispatched.useCase.execute({ ticket: aTicket(), causationId: 'routed-1', opened: true, snapshot: null })).resolves.toBe(true);
    expect(dispatched.deadlines.startAccept).toHaveBeenCalledWith(expect.objectContaining({ id: 'ticket-1' }), expect.objectContaining({ id: 'gw-a' }), NOW, 'routed-1', true);

    const waiting = setup({ grid: GRID, candidates: [] });
    await expect(waiting.useCase.execute({ ticket: aTicket(), causationId: 'routed-1', opened: true, snapshot: null })).resolves.toBe(false);
    expect(waiting.tickets.update).toHaveBeenCalledWith('ticket-1', { status: 'undispatched', gridWorkerId: null, acceptBy: null });
    expect(waiting.deadlines.cancelAccept).not.toHaveBeenCalled();
  });

  it('驻点: gives a walk-in to the grid worker posted at its station; moved only there (toStationOnly) when its report came late', async () => {
    const posted = { ...candidate('gw-posted', 3), stationId: 'st-1' };
    const first = setup({ grid: GRID, candidates: [candidate('gw-a', 0), posted], loggedAtStationId: 'st-1' });
    await first.useCase.execute({ ticket: aTicket(), causationId: 'routed-1' });
    expect(first.published[0]!.envelope.payload).toMatchObject({ gridWorkerId: 'gw-posted', attempt: 1 });

    const held = aTicket({ status: 'dispatched', gridWorkerId: 'gw-a', attempt: 1, dispatchedAt: new Date(NOW.getTime() - 60_000) });
    const late = setup({ grid: GRID, candidates: [candidate('gw-a', 1), posted], loggedAtStationId: 'st-1' });
    await expect(late.useCase.execute({ ticket: held, causationId: 'submitted-1', toStationOnly: true })).resolves.toBe(true);
    expect(late.published[0]!.envelope.payload).toMatchObject({ gridWorkerId: 'gw-posted', attempt: 2 });

    // Nobody posted there on duty, or the holder is posted there already: nothing changes.
    for (const candidates of [[candidate('gw-a', 1), { ...posted, onDuty: false }], [{ ...candidate('gw-a', 5), stationId: 'st-1' }, posted]]) {
      const none = setup({ grid: GRID, candidates, loggedAtStationId: 'st-1' });
      await expect(none.useCase.execute({ ticket: held, causationId: 'submitted-1', toStationOnly: true })).resolves.toBe(false);
      expect(none.tickets.update).not.toHaveBeenCalled();
      expect(none.deadlines.cancelAccept).not.toHaveBeenCalled();
      expect(none.published).toEqual([]);
    }
  });

  it('goes by the snapshot its caller read already (a walk-in\'s station), without reading it again', async () => {
    const posted = { ...candidate('gw-posted', 3), stationId: 'st-1' };
    const { useCase, tickets, published } = setup({ grid: GRID, candidates: [candidate('gw-a', 0), posted] });
    const snapshot = { loggedAtStationId: 'st-1' } as GrievanceSnapshot;

    await useCase.execute({ ticket: aTicket(), causationId: 'routed-1', snapshot });

    expect(tickets.snapshotOf).not.toHaveBeenCalled();
    expect(published[0]!.envelope.payload).toMatchObject({ gridWorkerId: 'gw-posted' });
  });

  it('says so when the grid of the ticket is not in the directory', async () => {
    const { useCase, dispatches } = setup({ grid: undefined, candidates: [] });

    await useCase.execute({ ticket: aTicket({ gridId: 'g-unknown' }), causationId: null });

    expect(dispatches.reachOf).toHaveBeenCalledWith('g-unknown');
    expect(dispatches.logUndispatched).toHaveBeenCalledWith('ticket-1', 'grid g-unknown is not in the directory');
  });
});
