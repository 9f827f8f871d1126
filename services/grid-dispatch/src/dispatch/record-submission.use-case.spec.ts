import type { SlaDeadline } from '@grievance/sla';
import { aTicket, fakeLogger, fakeUnitOfWork } from '../../test/fakes';
import type { TicketDeadlines } from '../deadlines/ticket-deadlines';
import type { Ticket, TicketsRepository } from '../tickets/tickets.repository';
import { RecordSubmission, RecordSubmissionCommand } from './record-submission.use-case';
import type { DispatchTicket } from './dispatch-ticket.use-case';
import type { SelfCheck } from './self-check.use-case';

const REPLANNED_DUE = new Date('2026-12-01T08:30:00.000Z');

function setup(ticket: Ticket | undefined, replanned: Partial<SlaDeadline>[] = [], selfChecked = false) {
  const tickets = {
    // What the transaction's flush does: the report kept, then its ticket (when it has one) handed on.
    saveSnapshot: jest.fn(async (_snapshot: unknown, then: (t: Ticket) => Promise<void>) => {
      if (ticket) await then(ticket);
    }),
    findForUpdate: jest.fn().mockResolvedValue(ticket),
    snapshotOf: jest.fn().mockResolvedValue(undefined),
    update: jest.fn().mockResolvedValue(undefined),
  };
  const deadlines = { replan: jest.fn().mockResolvedValue(replanned) };
  const selfCheck = { execute: jest.fn().mockResolvedValue(selfChecked) };
  const dispatchTicket = { execute: jest.fn().mockResolvedValue(false) };
  const useCase = new RecordSubmission(
    fakeUnitOfWork(),
    tickets as unknown as TicketsRepository,
    deadlines as unknown as TicketDeadlines,
    selfCheck as unknown as SelfCheck,
    dispatchTicket as unknown as DispatchTicket,
    fakeLogger(),
  );
  return { useCase, tickets, deadlines, selfCheck, dispatchTicket };
}

const submission = (over: Partial<RecordSubmissionCommand> = {}): RecordSubmissionCommand => ({
  grievanceId: 'grievance-1',
  trackingNo: 'NC-20261201-000001',
  kind: 'hazard',
  category: 'manhole_cover_missing',
  title: 'Manhole cover missing',
  urgency: 'urgent',
  location: { lat: 28.605, lng: 115.805, address: null },
  submittedAt: '2026-12-01T07:59:00.000Z',
  ...over,
});

describe('RecordSubmission', () => {
  it('offers a walk-in\'s dispatched ticket, its report coming after it, to a grid worker posted at the station; not an accepted one, nor a report logged nowhere', async () => {
    const dispatched = setup(aTicket({ status: 'dispatched', urgency: 'urgent' }));
    await dispatched.useCase.execute(submission({ loggedAtStationId: 'st-1', eventId: 'event-1' }));
    expect(dispatched.dispatchTicket.execute).toHaveBeenCalledWith(expect.objectContaining({ causationId: 'event-1', toStationOnly: true }));
    const accepted = setup(aTicket({ status: 'accepted', urgency: 'urgent' }));
    await accepted.useCase.execute(submission({ loggedAtStationId: 'st-1' }));
    expect(accepted.dispatchTicket.execute).not.toHaveBeenCalled();
    const own = setup(aTicket({ status: 'dispatched', urgency: 'urgent' }));
    await own.useCase.execute(submission());
    expect(own.dispatchTicket.execute).not.toHaveBeenCalled();
  });

  it('lets a report its reporter handed in as themself be their on-site check when its ticket came first, and plans nothing more then', async () => {
    const first = setup(aTicket({ status: 'dispatched', urgency: 'normal' }), [], true);
    await first.useCase.execute(submission({ reportedBy: 'rider-1', attachmentIds: ['a'] }));
    expect(first.tickets.saveSnapshot).toHaveBeenCalledWith(expect.objectContaining({ reportedBy: 'rider-1', attachmentIds: ['a'] }), expect.any(Function));
    expect(first.selfCheck.execute).toHaveBeenCalled();
    expect(first.deadlines.replan).not.toHaveBeenCalled();

    const somebodyElse = setup(aTicket({ status: 'dispatched', urgency: 'normal' }));
    await somebodyElse.useCase.execute(submission({ reportedBy: null }));
    expect(somebodyElse.selfCheck.execute).not.toHaveBeenCalled();
    expect(somebodyElse.deadlines.replan).toHaveBeenCalled();
  });

  it('keeps the report of a hazard, and of nothing else', async () => {
    const hazard = setup(undefined);
    await hazard.useCase.execute(submission({ location: null }));
    expect(hazard.tickets.saveSnapshot).toHaveBeenCalledWith(expect.objectContaining({ grievanceId: 'grievance-1', urgency: 'urgent', lat: null, lng: null, address: null }), expect.any(Function));

    const appeal = setup(undefined);
    await appeal.useCase.execute(submission({ kind: 'appeal' }));
    expect(appeal.tickets.saveSnapshot).not.toHaveBeenCalled();
  });

  it('gives a ticket opened before its report the report’s urgency, and plans its accept deadline again', async () => {
    const { useCase, tickets, deadlines } = setup(aTicket({ urgency: 'normal' }), [{ target: 'accept', dueAt: REPLANNED_DUE }]);

    await useCase.execute(submission());

    expect(deadlines.replan).toHaveBeenCalledWith(expect.objectContaining({ id: 'ticket-1', urgency: 'urgent' }));
    expect(tickets.update).toHaveBeenCalledWith('ticket-1', { acceptBy: REPLANNED_DUE });
    expect(tickets.update).toHaveBeenCalledWith('ticket-1', { urgency: 'urgent' });
  });

  it('changes nothing on a ticket that has the urgency already', async () => {
    const { useCase, tickets, deadlines } = setup(aTicket({ urgency: 'urgent' }));
    await useCase.execute(submission());
    expect(deadlines.replan).not.toHaveBeenCalled();
    expect(tickets.update).not.toHaveBeenCalled();
  });
});
