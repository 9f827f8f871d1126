import { Injectable } from '@nestjs/common';
import { createEnvelope } from '@grievance/contracts';
import { TransactionalOutbox, UnitOfWork } from '@grievance/messaging';
import { Clock, correlationIdForNewWork, currentCorrelationId, DomainError } from '@grievance/platform';
import { GrievancesRepository } from './grievances.repository';

export interface ReplyToHolderCommand {
  grievanceId: string;
  reporterId: string;
  message: string;
}

/**
 * The reporter answers what the holder asked (grievance.replied.v1): the holder's deadlines,
 * stopped while it waited, run again. Only the reporter of an open grievance can reply.
 */
@Injectable()
export class ReplyToHolder {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly outbox: TransactionalOutbox,
    private readonly grievances: GrievancesRepository,
    private readonly clock: Clock,
  ) {}

  execute(command: ReplyToHolderCommand): Promise<{ grievanceId: string; eventId: string }> {
    return this.unitOfWork.run(async () => {
      const g = await this.grievances.findById(command.grievanceId);
      if (!g || g.reporterId !== command.reporterId) throw DomainError.notFound('grievance', command.grievanceId);
      if (g.status === 'closed' || g.status === 'rejected') throw DomainError.conflict(`the grievance is ${g.status}; there is no one to reply to`, { status: g.status }, { key: 'error.grievance.nobodyToReply', params: { status: g.status } });
      const replied = createEnvelope({
        topic: 'grievance.replied.v1',
        grievanceId: g.id,
        actor: { id: command.reporterId, role: 'worker' },
        correlationId: correlationIdForNewWork(),
        causationId: currentCorrelationId() ?? null,
        occurredAt: this.clock.now(),
        payload: { reporterId: command.reporterId, message: command.message },
      });
      await this.outbox.publish('grievance.replied.v1', replied);
      return { grievanceId: g.id, eventId: replied.eventId };
    });
  }
}
