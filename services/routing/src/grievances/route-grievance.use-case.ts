import { Injectable } from '@nestjs/common';
import { causedBy, departmentIssuesTopic, EventEnvelope, GrievanceSubmittedV1, routedReportOf } from '@grievance/contracts';
import { OutboxTransaction, PermanentEventError } from '@grievance/messaging';
import { Clock } from '@grievance/platform';
import { DepartmentTopics } from '../directory/department-topics';
import { RoutingDirectoryCache } from '../directory/routing-directory.cache';
import { decideRoute, NoOwnerError, RouteDecision } from '../decision/route-decision';
import { departmentIssue, ROUTING_ACTOR, submissionFacts } from './grievance-events';
import { GrievanceRepository } from './grievance.repository';
import { GrievanceDeadlines } from '../deadlines/grievance-deadlines';
import { ReportersRepository, routedReporter } from '../reporters/reporters.repository';

/**
 * grievance.submitted.v1 (a hazard, not a duplicate: LinkDuplicate links those) → routing decides its first owner,
 * keeps the grievance and emits grievance.routed.v1 with the hazard's report (its grid worker's ticket
 * is opened from it); a fallback owner also gets
 * grievance.assigned.v1 (reason fallback) and the issue on its department topic.
 */
@Injectable()
export class RouteGrievance {
  constructor(
    private readonly directory: RoutingDirectoryCache,
    private readonly grievances: GrievanceRepository,
    private readonly topics: DepartmentTopics,
    private readonly deadlines: GrievanceDeadlines,
    private readonly reporters: ReportersRepository,
    private readonly clock: Clock,
  ) {}

  /** Whether this use case handles the submission at all. */
  static applies(payload: GrievanceSubmittedV1): boolean {
    return payload.kind === 'hazard' && !payload.duplicateOf;
  }

  async execute(event: EventEnvelope<GrievanceSubmittedV1>, tx: OutboxTransaction): Promise<RouteDecision | undefined> {
    const submitted = event.payload;
    if (!RouteGrievance.applies(submitted)) return undefined;
    let decision: RouteDecision;
    try {
      decision = decideRoute({ category: submitted.category, location: submitted.location }, await this.directory.get());
    } catch (error) {
      if (!(error instanceof NoOwnerError)) throw error;
      if (await this.grievances.findForUpdate(event.grievanceId)) return undefined; // routed already, when the directory still had an owner
      throw new PermanentEventError(error.message);
    }
    if (decision.fallback) await this.topics.ensure([decision.departmentCode]);

    const grievance = {
      ...submissionFacts(event),
      districtId: decision.districtId,
      gridId: decision.gridId,
      departmentCode: decision.departmentCode,
      holder: decision.holder,
      status: decision.fallback ? ('assigned' as const) : ('routed' as const),
      fallback: decision.fallback,
    };
    const stored = await this.grievances.insert(grievance);
    if (!stored) return undefined; // routed already
    if (decision.fallback) await this.deadlines.arrive(tx, stored, decision.holder, 'department', { correlationId: event.correlationId, causationId: event.eventId });

    await tx.publish(
      'grievance.routed.v1',
      causedBy(event, {
        topic: 'grievance.routed.v1',
        actor: ROUTING_ACTOR,
        payload: {
          kind: submitted.kind,
          category: submitted.category,
          ...(decision.districtId ? { districtId: decision.districtId } : {}),
          ...(decision.gridId ? { gridId: decision.gridId } : {}),
          departmentCode: decision.departmentCode,
          holder: decision.holder,
          fallback: decision.fallback,
          ...routedReporter(await this.reporters.knownReporter(submitted.reporter)),
          report: routedReportOf(event),
        },
      }),
    );
    if (decision.fallback) {
      await tx.publish(
        'grievance.assigned.v1',
        causedBy(event, {
          topic: 'grievance.assigned.v1',
          actor: ROUTING_ACTOR,
          payload: { holder: decision.holder, departmentCode: decision.departmentCode, reason: 'fallback' },
        }),
      );
      const topic = departmentIssuesTopic(decision.departmentCode);
      await tx.publish(
        topic,
        causedBy(event, { topic, actor: ROUTING_ACTOR, payload: departmentIssue(grievance, decision.departmentCode, this.clock.now()) }),
      );
    }
    return decision;
  }
}
