import { createEnvelope, EventEnvelope, SlaStartedV1, SYSTEM_ACTOR } from '@grievance/contracts';
import { SlaDeadline } from '../deadline/deadline';

/** What sla.started.v1 says of a deadline just armed (pure): whose, for what, under which policy, and when it is due. */
export function startedPayload(deadline: SlaDeadline): SlaStartedV1 {
  return {
    deadlineId: deadline.id,
    target: deadline.target,
    subject: deadline.subject,
    holder: deadline.holder,
    ...(deadline.level ? { level: deadline.level } : {}),
    ...(deadline.grievance.stage ? { stage: deadline.grievance.stage } : {}),
    policyId: deadline.policyId,
    policyVersion: deadline.policyVersion,
    ...(deadline.previousId ? { previousDeadlineId: deadline.previousId } : {}),
    startedAt: deadline.startedAt.toISOString(),
    ...(deadline.dueAt ? { dueAt: deadline.dueAt.toISOString() } : {}),
    ...(deadline.warnAt ? { warnAt: deadline.warnAt.toISOString() } : {}),
    budgetMs: deadline.budgetMs,
    ...(deadline.status === 'paused' ? { paused: true } : {}),
  };
}

/**
 * The sla.started.v1 envelope of a deadline, written at `at`: the moment its transaction
 * commits, so it comes after the move that caused it (routed, escalated, dispatched) in the
 * order of the grievance's events; its payload's startedAt says when the clock started.
 */
export function startedEvent(deadline: SlaDeadline, at: Date): EventEnvelope<SlaStartedV1> {
  return createEnvelope({
    topic: 'sla.started.v1',
    grievanceId: deadline.grievanceId,
    actor: SYSTEM_ACTOR,
    correlationId: deadline.correlationId,
    causationId: deadline.causationId,
    payload: startedPayload(deadline),
    occurredAt: at,
  });
}
