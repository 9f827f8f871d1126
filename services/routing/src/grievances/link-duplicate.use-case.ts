import { Injectable } from '@nestjs/common';
import { causedBy, DUPLICATE_CHECK_HOLDER, EventEnvelope, GrievanceSubmittedV1 } from '@grievance/contracts';
import { OutboxTransaction } from '@grievance/messaging';
import { Clock } from '@grievance/platform';
import { ROUTING_ACTOR, submissionFacts } from './grievance-events';
import { GrievanceRepository } from './grievance.repository';
import { Outcome } from './outcome';

/**
 * grievance.submitted.v1 of a hazard intake's duplicate check found at submission to repeat an
 * open one (duplicateOf) → routing links it instead of routing it: it keeps the grievance as
 * linked (held by the duplicate check, in no inbox; a later verdict or move on it changes
 * nothing) and publishes grievance.linked.v1 (linkedBy: the duplicate check), once.
 */
@Injectable()
export class LinkDuplicate {
  constructor(
    private readonly grievances: GrievanceRepository,
    private readonly clock: Clock,
  ) {}

  /** Whether this use case handles the submission at all. */
  static applies(payload: GrievanceSubmittedV1): payload is GrievanceSubmittedV1 & { duplicateOf: string } {
    return payload.kind === 'hazard' && Boolean(payload.duplicateOf);
  }

  async execute(event: EventEnvelope<GrievanceSubmittedV1>, tx: OutboxTransaction): Promise<Outcome> {
    const submitted = event.payload;
    if (!LinkDuplicate.applies(submitted)) return 'skipped';
    const linkedBy = { ...DUPLICATE_CHECK_HOLDER };
    const linked = await this.grievances.insert({
      ...submissionFacts(event),
      districtId: null,
      gridId: null,
      departmentCode: null,
      holder: linkedBy,
      status: 'linked',
      fallback: false,
    });
    if (!linked) return 'skipped'; // linked already
    await tx.publish(
      'grievance.linked.v1',
      causedBy(event, {
        topic: 'grievance.linked.v1',
        actor: ROUTING_ACTOR,
        occurredAt: this.clock.now(),
        payload: { duplicateOf: submitted.duplicateOf, reporterId: submitted.reporter.id, linkedBy },
      }),
    );
    return 'applied';
  }
}
