import type { SlaDeadline } from '@grievance/sla';
import { aTicket, fakeLogger, fakeUnitOfWork } from '../../test/fakes';
import type { TicketDeadlines } from '../deadlines/ticket-deadlines';
import type { Ticket, TicketsRepository } from '../tickets/tickets.repository';
import { RecordSubmission, RecordSubmissionCommand } from './record-submission.use-case';

const REPLANNED_DUE = new Date('2026-12-01T08:30:00.000Z');

function setup(ticket: Ticket | undefined, replanned: Partial<SlaDeadline>[] = []) {
  const tickets = {
    saveSnapshot: jest.fn().mockResolvedValue(undefined),
    findByGrievance: jest.fn().mockResolvedValue(ticket),
    update: jest.fn().mockResolvedValue(undefined),
  };
  const deadlines = { replan: jest.fn().mockResolvedValue(replanned) };
  const useCase = new RecordSubmission(fakeUnitOfWork(), tickets as unknown as TicketsRepository, deadlines as unknown as TicketDeadlines, fakeLogger());
  return { useCase, tickets, deadlines };
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
  it('keeps the report of a hazard, and of nothing else', async () => {
    const hazard = setup(undefined);
    await hazard.useCase.execute(submission({ location: null }));
    expect(hazard.tickets.saveSnapshot).toHaveBeenCalledWith(expect.objectContaining({ grievanceId: 'grievance-1', urgency: 'urgent', lat: null, lng: null, address: null }));

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
