import { Injectable } from '@nestjs/common';
import { causedBy, EventEnvelope, GrievanceSubmittedV1 } from '@grievance/contracts';
import { OutboxTransaction } from '@grievance/messaging';
import { GrievanceDeadlines } from '../deadlines/grievance-deadlines';
import { ROUTING_ACTOR, submissionFacts } from '../grievances/grievance-events';
import { GrievanceRepository } from '../grievances/grievance.repository';
import { ReportersRepository, routedReporter } from '../reporters/reporters.repository';
import { ChainDirectory } from './chain-directory';

/**
 * grievance.submitted.v1 (an appeal or a suggestion) → the escalation chain takes it: a
 * liaison member of the worker's branch, in turn, or the fallback branch (兜底) for an
 * unregistered worker. The rung's deadlines start now; grievance.routed.v1 says where it went.
 */
@Injectable()
export class StartAppeal {
  constructor(
    private readonly chain: ChainDirectory,
    private readonly grievances: GrievanceRepository,
    private readonly deadlines: GrievanceDeadlines,
    private readonly reporters: ReportersRepository,
  ) {}

  static applies(payload: GrievanceSubmittedV1): boolean {
    return payload.kind === 'appeal' || payload.kind === 'suggestion';
  }

  async execute(event: EventEnvelope<GrievanceSubmittedV1>, tx: OutboxTransaction): Promise<'applied' | 'skipped'> {
    const submitted = event.payload;
    if (!StartAppeal.applies(submitted)) return 'skipped';
    if (await this.grievances.findForUpdate(event.grievanceId)) return 'skipped'; // on the chain already
    const reporter = await this.reporters.knownReporter(submitted.reporter);
    const start = await this.chain.start(reporter);
    const grievance = await this.grievances.insert({
      ...submissionFacts(event),
      districtId: null,
      gridId: null,
      departmentCode: null,
      holder: start.holder,
      owner: start.holder,
      level: start.level,
      chain: start.path,
      bounces: 0,
      underSupervision: false,
      status: 'routed',
      fallback: start.fallback,
    });
    if (!grievance) return 'skipped'; // on the chain already (checked above; kept meanwhile by another delivery)
    await this.deadlines.arrive(tx, grievance, start.holder, start.level, { correlationId: event.correlationId, causationId: event.eventId });
    await tx.publish(
      'grievance.routed.v1',
      causedBy(event, {
        topic: 'grievance.routed.v1',
        actor: ROUTING_ACTOR,
        payload: {
          kind: submitted.kind,
          category: submitted.category,
          level: start.level,
          holder: start.holder,
          fallback: start.fallback,
          ...routedReporter(reporter),
        },
      }),
    );
    return 'applied';
  }
}
