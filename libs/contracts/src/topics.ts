import { DepartmentIssueV1 } from './events/department-issue.v1';
import { GrievanceDepartmentReturnedV1, GrievanceTransferredV1 } from './events/department-moves.v1';
import { DirectoryEntryChangedV1, directoryEntryKey } from './events/directory-entry-changed.v1';
import { FeedbackRatedV1 } from './events/feedback-rated.v1';
import { GrievanceClosedV1 } from './events/grievance-closed.v1';
import { GrievanceEscalatedV1 } from './events/grievance-escalated.v1';
import { GrievanceReturnedV1, GrievanceSupervisedV1, SlaPolicyChangedV1 } from './events/escalation-chain.v1';
import { GrievancePausedV1, GrievanceRepliedV1 } from './events/reporter-dialogue.v1';
import { GrievanceReopenedV1 } from './events/grievance-reopened.v1';
import { GrievanceResolvedV1 } from './events/grievance-resolved.v1';
import { GrievanceRoutedV1 } from './events/grievance-routed.v1';
import { GrievanceContestedV1, GrievanceReferredToSupervisionV1 } from './events/recourse.v1';
import { GrievanceSubmittedV1 } from './events/grievance-submitted.v1';
import { PointsAwardedV1 } from './events/points-awarded.v1';
import { PointsHandedOverV1, PointsRedeemedV1 } from './events/points-redeemed.v1';
import { BenefitAppliedV1, BenefitDecidedV1, WorkerRegisteredV1 } from './events/worker-benefits.v1';
import { SlaBreachedV1, SlaStartedV1, SlaWarnedV1 } from './events/sla.v1';
import { TicketDispatchedV1 } from './events/ticket-dispatched.v1';
import { TicketVerifiedV1 } from './events/ticket-verified.v1';
import {
  GrievanceAcceptedV1,
  GrievanceAssignedV1,
  GrievanceLinkedV1,
  GrievanceRejectedV1,
  TicketAcceptedV1,
} from './events/hazard-loop.v1';

/**
 * The topic catalogue: the one source for topic names, partition counts, payload classes
 * (validation), JSON schemas and the AsyncAPI document. Names are `<entity>.<fact>.v<N>`;
 * a change of meaning is a new version, never an edit.
 */
export interface TopicPayloads {
  'grievance.submitted.v1': GrievanceSubmittedV1;
  'grievance.routed.v1': GrievanceRoutedV1;
  'grievance.escalated.v1': GrievanceEscalatedV1;
  'grievance.returned.v1': GrievanceReturnedV1;
  'grievance.supervised.v1': GrievanceSupervisedV1;
  'grievance.department-returned.v1': GrievanceDepartmentReturnedV1;
  'grievance.transferred.v1': GrievanceTransferredV1;
  'grievance.paused.v1': GrievancePausedV1;
  'grievance.replied.v1': GrievanceRepliedV1;
  'ticket.dispatched.v1': TicketDispatchedV1;
  'ticket.accepted.v1': TicketAcceptedV1;
  'ticket.verified.v1': TicketVerifiedV1;
  'grievance.assigned.v1': GrievanceAssignedV1;
  'grievance.accepted.v1': GrievanceAcceptedV1;
  'grievance.rejected.v1': GrievanceRejectedV1;
  'grievance.linked.v1': GrievanceLinkedV1;
  'grievance.resolved.v1': GrievanceResolvedV1;
  'feedback.rated.v1': FeedbackRatedV1;
  'grievance.reopened.v1': GrievanceReopenedV1;
  'grievance.closed.v1': GrievanceClosedV1;
  'grievance.contested.v1': GrievanceContestedV1;
  'grievance.referred-to-supervision.v1': GrievanceReferredToSupervisionV1;
  'sla.started.v1': SlaStartedV1;
  'sla.warned.v1': SlaWarnedV1;
  'sla.breached.v1': SlaBreachedV1;
  'sla.policy-changed.v1': SlaPolicyChangedV1;
  'points.awarded.v1': PointsAwardedV1;
  'points.redeemed.v1': PointsRedeemedV1;
  'points.handed-over.v1': PointsHandedOverV1;
  'worker.registered.v1': WorkerRegisteredV1;
  'benefit.applied.v1': BenefitAppliedV1;
  'benefit.decided.v1': BenefitDecidedV1;
  'directory.entry-changed.v1': DirectoryEntryChangedV1;
}

export type CatalogueTopic = keyof TopicPayloads;

/** Each department's own topic of routed grievances. */
export type DepartmentIssuesTopic = `department.${string}.issues.v1`;

export type TopicName = CatalogueTopic | DepartmentIssuesTopic;

/** The payload type a topic carries: publishing the wrong one does not compile. */
export type PayloadOf<T extends TopicName> = T extends CatalogueTopic
  ? TopicPayloads[T]
  : T extends DepartmentIssuesTopic
    ? DepartmentIssueV1
    : never;

export interface TopicSpec<P> {
  name: string;
  /** The event type carried in the envelope: the name without its version. */
  type: string;
  version: number;
  payload: new () => P;
  partitions: number;
  summary: string;
  /** The Kafka message key, when it is not the envelope's grievance id (a compacted topic keys by entry). */
  messageKey?(payload: P): string;
  /** `compact`: the broker keeps the latest message per key (a topic of current state). */
  cleanupPolicy?: 'compact';
}

/**
 * Partitions per topic, by its traffic. Every event is keyed by grievance id (a directory
 * entry by `<kind>:<id>`, a points or benefit event by the worker's account), so order holds
 * per key whatever the count. Each partition costs every consumer group that reads the topic
 * a slot in each fetch and an offset to track, at rest too, so only the topics every grievance
 * passes through get a service's full parallelism.
 */
export const PARTITIONS = {
  /** A topic every grievance passes through (and a department's own topic): as many as a service has replicas at most (deploy/k8s hpa.yaml). */
  hot: 6,
  /** A step only some grievances take (a return, a pause, a duplicate, a contest). */
  occasional: 2,
  /** Not one event per grievance: the directory, SLA policies, points, worker registrations and benefits. */
  low: 1,
} as const;

export type TopicVolume = keyof typeof PARTITIONS;

/** The most partitions any topic has: a consumer group gains nothing from more members than this. */
export const MAX_PARTITIONS = Math.max(...Object.values(PARTITIONS));

const spec = <P>(name: string, payload: new () => P, summary: string, volume: TopicVolume = 'hot'): TopicSpec<P> => {
  const match = /^(.+)\.v(\d+)$/.exec(name);
  if (!match) throw new Error(`topic ${name} does not end in .v<N>`);
  return { name, type: match[1]!, version: Number(match[2]), payload, partitions: PARTITIONS[volume], summary };
};

export const TOPICS: { [K in CatalogueTopic]: TopicSpec<TopicPayloads[K]> } = {
  'grievance.submitted.v1': spec('grievance.submitted.v1', GrievanceSubmittedV1, 'A worker handed in a hazard report, an appeal or a suggestion.'),
  'grievance.routed.v1': spec('grievance.routed.v1', GrievanceRoutedV1, 'Routing decided who owns the grievance first.'),
  'grievance.escalated.v1': spec('grievance.escalated.v1', GrievanceEscalatedV1, 'The grievance passed up the escalation chain.'),
  'grievance.returned.v1': spec('grievance.returned.v1', GrievanceReturnedV1, 'A rung handed the grievance back down the chain (退单), with a reason.', 'occasional'),
  'grievance.supervised.v1': spec('grievance.supervised.v1', GrievanceSupervisedV1, 'The grievance is under supervision (督办), or supervised again (round): the top rung or a hazard\'s department missed its deadline, or the supervising unit missed its follow-up; names the supervising unit and its follow-up deadline.'),
  'grievance.department-returned.v1': spec(
    'grievance.department-returned.v1',
    GrievanceDepartmentReturnedV1,
    'A department returned a hazard that is not its own (退单), with a reason and evidence; routing re-routed it.',
    'occasional',
  ),
  'grievance.transferred.v1': spec('grievance.transferred.v1', GrievanceTransferredV1, 'A department handed a hazard to the department it named, with a reason.', 'occasional'),
  'grievance.paused.v1': spec('grievance.paused.v1', GrievancePausedV1, 'The holder asked the reporter something; its deadlines stop until the answer.', 'occasional'),
  'grievance.replied.v1': spec('grievance.replied.v1', GrievanceRepliedV1, 'The reporter answered; the deadlines run again.', 'occasional'),
  'ticket.dispatched.v1': spec('ticket.dispatched.v1', TicketDispatchedV1, 'A grid worker was given a ticket to check a hazard on site.'),
  'ticket.accepted.v1': spec('ticket.accepted.v1', TicketAcceptedV1, 'The grid worker took the ticket.'),
  'ticket.verified.v1': spec('ticket.verified.v1', TicketVerifiedV1, 'The grid worker checked the report on site.'),
  'grievance.assigned.v1': spec('grievance.assigned.v1', GrievanceAssignedV1, 'A department now holds the grievance.'),
  'grievance.accepted.v1': spec('grievance.accepted.v1', GrievanceAcceptedV1, 'The holder accepted the grievance and is working on it.'),
  'grievance.rejected.v1': spec('grievance.rejected.v1', GrievanceRejectedV1, 'The grievance was found invalid; the reporter is told why.', 'occasional'),
  'grievance.linked.v1': spec('grievance.linked.v1', GrievanceLinkedV1, 'The grievance is a duplicate of an open one and follows it.', 'occasional'),
  'grievance.resolved.v1': spec('grievance.resolved.v1', GrievanceResolvedV1, 'The holder says the grievance is dealt with.'),
  'feedback.rated.v1': spec('feedback.rated.v1', FeedbackRatedV1, 'The reporter rated the result.'),
  'grievance.reopened.v1': spec('grievance.reopened.v1', GrievanceReopenedV1, 'An unsatisfied rating sent the grievance back to work.', 'occasional'),
  'grievance.closed.v1': spec('grievance.closed.v1', GrievanceClosedV1, 'The loop is closed, with its final SLA verdict.'),
  'grievance.contested.v1': spec(
    'grievance.contested.v1',
    GrievanceContestedV1,
    "The reporter contested a grid worker's invalid verdict, once, with a reason; another grid worker checks the grievance again.",
    'occasional',
  ),
  'grievance.referred-to-supervision.v1': spec(
    'grievance.referred-to-supervision.v1',
    GrievanceReferredToSupervisionV1,
    "The reporter was unsatisfied with a hazard's resolution a second time; the district's supervising office (督办) holds it now.",
    'occasional',
  ),
  'sla.started.v1': spec(
    'sla.started.v1',
    SlaStartedV1,
    "A holder's deadline started: whose, for what, its budget and when it is due. Sent once per deadline, with the arming; with the holder's accept or resolve it shows a deadline met in time.",
  ),
  'sla.warned.v1': spec('sla.warned.v1', SlaWarnedV1, 'A holder has used the warning share of its deadline.'),
  'sla.breached.v1': spec('sla.breached.v1', SlaBreachedV1, 'A holder missed its deadline; the grievance passes up.'),
  'sla.policy-changed.v1': spec('sla.policy-changed.v1', SlaPolicyChangedV1, 'An admin changed an SLA policy or calendar; it applies to new deadlines.', 'low'),
  'points.awarded.v1': spec(
    'points.awarded.v1',
    PointsAwardedV1,
    "A worker earned points for a verified report (keyed by the grievance) or a volunteer act at a station (keyed by the worker's points account).",
    'low',
  ),
  'points.redeemed.v1': spec(
    'points.redeemed.v1',
    PointsRedeemedV1,
    "A worker spent points on a station's prize or small wish (微心愿); keyed by the worker's points account.",
    'low',
  ),
  'points.handed-over.v1': spec(
    'points.handed-over.v1',
    PointsHandedOverV1,
    "A station's staff handed a redeemed prize to the worker (or granted the wish); keyed by the worker's points account.",
    'low',
  ),
  'worker.registered.v1': spec(
    'worker.registered.v1',
    WorkerRegisteredV1,
    "A worker registered with routing (扫码报到): their branch and the industry committee that owns them; keyed by the worker's account.",
    'low',
  ),
  'benefit.applied.v1': spec(
    'benefit.applied.v1',
    BenefitAppliedV1,
    "A worker over the points threshold applied for a public-service benefit (五入: 入学, 入医, 入职, 入托, 入网); keyed by the worker's account.",
    'low',
  ),
  'benefit.decided.v1': spec(
    'benefit.decided.v1',
    BenefitDecidedV1,
    "The worker's industry committee approved or refused a benefit application, with a reason; keyed by the worker's account.",
    'low',
  ),
  'directory.entry-changed.v1': {
    ...spec('directory.entry-changed.v1', DirectoryEntryChangedV1, 'A directory entry as it is now (compacted, keyed by <kind>:<id>); routing owns the directory.', 'low'),
    messageKey: directoryEntryKey,
    cleanupPolicy: 'compact',
  },
};

export const CATALOGUE_TOPICS = Object.keys(TOPICS) as CatalogueTopic[];

const DEPARTMENT_CODE = /^[a-z][a-z0-9_]{1,40}$/;
const DEPARTMENT_TOPIC = /^department\.([a-z][a-z0-9_]{1,40})\.issues\.v1$/;

/** `department.<code>.issues.v1`; codes are lower-case letters, digits and underscores. */
export function departmentIssuesTopic(departmentCode: string): DepartmentIssuesTopic {
  if (!DEPARTMENT_CODE.test(departmentCode)) {
    throw new Error(`department code "${departmentCode}" must match ${DEPARTMENT_CODE}`);
  }
  return `department.${departmentCode}.issues.v1`;
}

const departmentSpec = spec('department.<code>.issues.v1', DepartmentIssueV1, "A grievance routed to a department, on the department's own topic.");

/** The spec of any topic name, catalogue or department; undefined for a name we do not know. */
export function topicSpec<T extends TopicName>(name: T): TopicSpec<PayloadOf<T>>;
export function topicSpec(name: string): TopicSpec<unknown> | undefined;
export function topicSpec(name: string): TopicSpec<unknown> | undefined {
  if (name in TOPICS) return TOPICS[name as CatalogueTopic] as TopicSpec<unknown>;
  if (DEPARTMENT_TOPIC.test(name)) {
    return { ...departmentSpec, name, type: name.replace(/\.v1$/, '') } as TopicSpec<unknown>;
  }
  return undefined;
}

export const DEPARTMENT_TOPIC_SPEC = departmentSpec;

/** Where a message that cannot be processed is parked, with the reason in its headers. */
export const deadLetterTopic = (topic: string): string => `${topic}.dlq`;
