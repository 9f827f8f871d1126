import { aTicket, fakeLogger, fakeUnitOfWork } from '../../test/fakes';
import { ticketSubject } from '../deadlines/ticket-deadlines';
import type { Ticket, TicketsRepository } from '../tickets/tickets.repository';
import type { DispatchTicket } from './dispatch-ticket.use-case';
import { RedispatchOnLapse } from './redispatch-on-lapse.use-case';

function setup(ticket: Ticket | undefined) {
  const tickets = { findForUpdate: jest.fn().mockResolvedValue(ticket), update: jest.fn().mockResolvedValue(undefined) };
  const dispatchTicket = { execute: jest.fn().mockResolvedValue(true) };
  const useCase = new RedispatchOnLapse(fakeUnitOfWork(), tickets as unknown as TicketsRepository, dispatchTicket as unknown as DispatchTicket, fakeLogger());
  return { useCase, tickets, dispatchTicket };
}

const lapse = { subject: ticketSubject('ticket-1'), target: 'accept' as const, lapsedBy: 'gw-a', causationId: 'breach-1' };

describe('RedispatchOnLapse', () => {
  it('moves a ticket its holder did not accept in time to the next worker, remembering who let it lapse', async () => {
    const { useCase, tickets, dispatchTicket } = setup(aTicket({ status: 'dispatched', gridWorkerId: 'gw-a', lapsedWorkerIds: ['gw-z'] }));

    await useCase.execute(lapse);

    expect(tickets.update).toHaveBeenCalledWith('ticket-1', { lapsedWorkerIds: ['gw-z', 'gw-a'] });
    expect(dispatchTicket.execute).toHaveBeenCalledWith({ ticket: expect.objectContaining({ lapsedWorkerIds: ['gw-z', 'gw-a'] }), causationId: 'breach-1' });
  });

  it('leaves a ticket that moved on meanwhile (accepted, or with somebody else), and a broken verify deadline is only reported', async () => {
    for (const ticket of [aTicket({ status: 'accepted', gridWorkerId: 'gw-a' }), aTicket({ status: 'dispatched', gridWorkerId: 'gw-b' }), undefined]) {
      const { useCase, tickets, dispatchTicket } = setup(ticket);
      await useCase.execute(lapse);
      expect(tickets.update).not.toHaveBeenCalled();
      expect(dispatchTicket.execute).not.toHaveBeenCalled();
    }
    const verify = setup(aTicket({ status: 'accepted', gridWorkerId: 'gw-a' }));
    await verify.useCase.execute({ ...lapse, target: 'verify' });
    expect(verify.tickets.findForUpdate).not.toHaveBeenCalled();
    const notATicket = setup(aTicket());
    await notATicket.useCase.execute({ ...lapse, subject: 'grievance' });
    expect(notATicket.tickets.findForUpdate).not.toHaveBeenCalled();
  });
});
