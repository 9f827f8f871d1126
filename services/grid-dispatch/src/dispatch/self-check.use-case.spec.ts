import { aSnapshot, aTicket, fakeClock, fakeLogger, fakeTicketEvents, NOW } from '../../test/fakes';
import type { TicketDeadlines } from '../deadlines/ticket-deadlines';
import type { Ticket, TicketsRepository } from '../tickets/tickets.repository';
import type { DispatchRepository } from './dispatch.repository';
import { SelfCheck } from './self-check.use-case';

/** Grid g1: the square around the snapshot's point (28.605, 115.805). */
const G1 = { type: 'Polygon' as const, coordinates: [[[115.8, 28.6], [115.81, 28.6], [115.81, 28.61], [115.8, 28.61], [115.8, 28.6]]] };
const APPOINTEE = { id: 'gw-g1-rider', name: 'Li Wei', gridId: 'g1', polygon: G1 };
const PHOTO = '0193e9a0-0000-7000-8000-000000000001';

function setup(appointee: typeof APPOINTEE | null = APPOINTEE) {
  const dispatch = { appointedGridWorker: jest.fn().mockResolvedValue(appointee ?? undefined) };
  const tickets = { update: jest.fn().mockResolvedValue(undefined) };
  const deadlines = { cancelAccept: jest.fn().mockResolvedValue(undefined) };
  const { events, published } = fakeTicketEvents();
  const useCase = new SelfCheck(
    dispatch as unknown as DispatchRepository,
    tickets as unknown as TicketsRepository,
    deadlines as unknown as TicketDeadlines,
    events,
    fakeClock(),
    fakeLogger(),
  );
  return { useCase, dispatch, tickets, deadlines, published };
}

const own = aSnapshot({ reportedBy: 'rider-1', attachmentIds: [PHOTO] });

describe('SelfCheck', () => {
  it('takes the own report of the grid’s part-time grid worker, with a photo and inside the grid, as the confirmed on-site check', async () => {
    const { useCase, dispatch, tickets, published } = setup();
    const ticket: Ticket = aTicket();

    expect(await useCase.execute(ticket, own, 'routed-1')).toBe(true);

    expect(dispatch.appointedGridWorker).toHaveBeenCalledWith('rider-1');
    expect(tickets.update).toHaveBeenCalledWith('ticket-1', expect.objectContaining({ status: 'verified', gridWorkerId: 'gw-g1-rider', verdict: 'confirmed', verifiedAt: NOW }));
    expect(published.map((p) => p.topic)).toEqual(['ticket.verified.v1']);
    expect(published[0]!.envelope).toMatchObject({
      actor: { id: 'gw-g1-rider', role: 'grid_worker' },
      causationId: 'routed-1',
      payload: { ticketId: 'ticket-1', gridWorkerId: 'gw-g1-rider', verdict: 'confirmed', position: { lat: 28.605, lng: 115.805 }, attachmentIds: [PHOTO] },
    });
    expect((published[0]!.envelope.payload as { note: string }).note).toContain('兼职网格员');
  });

  it('ends the accept clock of a grid worker the ticket went to before the report arrived', async () => {
    const { useCase, deadlines } = setup();
    expect(await useCase.execute(aTicket({ status: 'dispatched', gridWorkerId: 'gw-g1-1' }), own, null)).toBe(true);
    expect(deadlines.cancelAccept).toHaveBeenCalledWith(expect.objectContaining({ id: 'ticket-1' }), NOW);
  });

  it('leaves the normal loop to a report without a photo, outside the grid, by somebody else, by a worker appointed elsewhere, or a ticket already accepted', async () => {
    const cases: [Ticket, ReturnType<typeof aSnapshot>, typeof APPOINTEE | null][] = [
      [aTicket(), aSnapshot({ reportedBy: 'rider-1', attachmentIds: [] }), APPOINTEE],
      [aTicket(), aSnapshot({ reportedBy: 'rider-1', attachmentIds: [PHOTO], lat: 28.62 }), APPOINTEE],
      [aTicket(), aSnapshot({ reportedBy: 'rider-1', attachmentIds: [PHOTO], lat: null, lng: null }), APPOINTEE],
      [aTicket(), aSnapshot({ reportedBy: null, attachmentIds: [PHOTO] }), APPOINTEE],
      [aTicket(), own, null],
      [aTicket({ gridId: 'g2' }), own, APPOINTEE],
      [aTicket({ status: 'accepted', gridWorkerId: 'gw-g1-1' }), own, APPOINTEE],
    ];
    for (const [ticket, snapshot, appointee] of cases) {
      const { useCase, tickets, published } = setup(appointee);
      expect(await useCase.execute(ticket, snapshot, null)).toBe(false);
      expect(tickets.update).not.toHaveBeenCalled();
      expect(published).toEqual([]);
    }
  });
});
