import { createEnvelope, SYSTEM_ACTOR } from '@grievance/contracts';
import { OutboxTransaction, type UnitOfWork } from '@grievance/messaging';
import { strictMock } from '@grievance/testing/unit';
import type { EntityManager } from 'typeorm';
import { fakeLogger } from '../../test/fakes';
import { TicketEvents } from './ticket-events';
import type { TicketStream } from './ticket-stream';

const TICKET_ID = '0193e9a0-0000-7000-8000-0000000000aa';
const GRIEVANCE_ID = '0193e9a0-0000-7000-8000-0000000000bb';

function setup(publish: TicketStream['publish'] = async () => undefined) {
  const query = jest.fn(async () => []);
  const tx = new OutboxTransaction(strictMock<EntityManager>({ query: query as unknown as EntityManager['query'] }, 'tx.manager'));
  const unitOfWork = strictMock<UnitOfWork>({ transaction: () => tx }, 'unitOfWork');
  const stream = strictMock<TicketStream>({ publish }, 'stream');
  const logger = fakeLogger();
  return { events: new TicketEvents(unitOfWork, stream, logger), tx, query, stream, logger };
}

const accepted = () =>
  createEnvelope({
    topic: 'ticket.accepted.v1',
    grievanceId: GRIEVANCE_ID,
    actor: { id: 'gw-g1-1', role: 'grid_worker' },
    correlationId: 'corr-1',
    payload: { ticketId: TICKET_ID, gridWorkerId: 'gw-g1-1' },
  });

describe('TicketEvents', () => {
  it('records the event in the current transaction and tells the worker\'s streams only once it has committed', async () => {
    const { events, tx, query, stream } = setup();
    const envelope = accepted();

    await events.record('ticket.accepted.v1', envelope);

    expect(tx.events).toEqual([{ topic: 'ticket.accepted.v1', envelope }]);
    expect(query).toHaveBeenCalledTimes(1);
    // Nothing is told while the transaction may still roll back: the notice waits for the commit.
    expect(stream.publish).not.toHaveBeenCalled();
    expect(tx.afterCommitWork).toHaveLength(1);
    await tx.afterCommitWork[0]!();
    expect(stream.publish).toHaveBeenCalledWith({ gridWorkerId: 'gw-g1-1', ticketId: TICKET_ID, grievanceId: GRIEVANCE_ID, type: 'accepted' });
  });

  it('names the notice after the event (dispatched, accepted, verified)', async () => {
    const { events, tx, stream } = setup();
    const base = { grievanceId: GRIEVANCE_ID, correlationId: 'corr-1' };
    await events.record('ticket.dispatched.v1', createEnvelope({ ...base, topic: 'ticket.dispatched.v1', actor: SYSTEM_ACTOR, payload: { ticketId: TICKET_ID, gridId: 'g1', gridWorkerId: 'gw-g1-2', attempt: 1 } }));
    await events.record('ticket.verified.v1', createEnvelope({
      ...base,
      topic: 'ticket.verified.v1',
      actor: { id: 'gw-g1-2', role: 'grid_worker' },
      payload: { ticketId: TICKET_ID, gridWorkerId: 'gw-g1-2', verdict: 'invalid', note: 'nothing there', position: { lat: 28.605, lng: 115.805 }, attachmentIds: [] },
    }));
    for (const work of tx.afterCommitWork) await work();
    expect(stream.publish.mock.calls.map(([notice]) => notice.type)).toEqual(['dispatched', 'verified']);
  });

  it('logs a notice Redis did not take, and what was committed stays committed', async () => {
    const { events, tx, logger } = setup(async () => {
      throw new Error('redis away');
    });
    await events.record('ticket.accepted.v1', accepted());
    await expect(tx.afterCommitWork[0]!()).resolves.toBeUndefined();
    expect(logger.warn).toHaveBeenCalledWith(expect.objectContaining({ ticketId: TICKET_ID }), 'live ticket notice not sent');
  });
});
