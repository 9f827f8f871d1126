import { DomainError, FieldProblem, fieldProblem, GRIEVANCE_KINDS, GrievanceKind, SLA_TARGETS, SlaTarget, URGENCIES, Urgency } from '@grievance/contracts';
import { SLA_SETTING_ID_PATTERN } from '../calendar/calendar';
import { DurationInput, isDuration, parseDuration, ParsedDuration } from '../duration';

/** Which grievances a policy applies to. An absent key matches anything. */
export interface PolicyMatch {
  kind?: GrievanceKind;
  /** One category code or several. */
  category?: string | string[];
  urgency?: Urgency;
  /** The rung of the escalation chain (`member`, `branch`, …) or a ticket stage (`grid`, `department`). */
  stage?: string;
}

/**
 * An SLA policy: data, not code. Matched by kind, category, urgency and stage; gives a
 * budget per target (`respond`, `resolve`, and for tickets `accept` and `verify`), the
 * warning share and the calendar the budget is counted in.
 */
export interface SlaPolicy {
  /** Stable id, e.g. `urgent` or `appeal.member`. */
  id: string;
  description?: string;
  match: PolicyMatch;
  /** Budgets per target: milliseconds or ISO-8601 durations (see duration.ts for what a day is). */
  targets: Partial<Record<SlaTarget, DurationInput>>;
  /** Share of the budget at which `sla.warned.v1` fires, in (0, 1]; 1 means no warning. Default 0.8. */
  warnShare?: number;
  /** Id of the calendar the budget is counted in (`calendar` = calendar time, `cn-working` = working time). */
  calendar: string;
  /** Overrides specificity: a higher priority wins first. Default 0. */
  priority?: number;
}

/** What a policy is matched against: the grievance and where it stands. */
export interface GrievanceFacts {
  kind: GrievanceKind;
  category: string;
  urgency: Urgency;
  stage?: string;
}

/** A policy with the version the store gave it (1 for built-in sets). */
export interface VersionedPolicy extends SlaPolicy {
  version: number;
}

export const DEFAULT_WARN_SHARE = 0.8;

/**
 * How much each key adds to a policy's specificity. Urgency weighs most (an urgent grievance
 * is urgent whatever its category or rung), then the stage (a rung's own budget), then
 * the category, then the kind. Ties go to the higher `priority`, then to the id.
 */
export const MATCH_WEIGHTS: Readonly<Record<keyof PolicyMatch, number>> = Object.freeze({ urgency: 8, stage: 4, category: 2, kind: 1 });

export function specificity(match: PolicyMatch): number {
  return (Object.keys(MATCH_WEIGHTS) as (keyof PolicyMatch)[]).reduce((sum, key) => (match[key] === undefined ? sum : sum + MATCH_WEIGHTS[key]), 0);
}

export function policyMatches(policy: Pick<SlaPolicy, 'match'>, facts: GrievanceFacts): boolean {
  const { kind, category, urgency, stage } = policy.match;
  if (kind !== undefined && kind !== facts.kind) return false;
  if (urgency !== undefined && urgency !== facts.urgency) return false;
  if (stage !== undefined && stage !== facts.stage) return false;
  if (category !== undefined && !(Array.isArray(category) ? category.includes(facts.category) : category === facts.category)) return false;
  return true;
}

/** The policies that match the facts and give a budget for the target, best first. */
export function rankPolicies<P extends SlaPolicy>(policies: readonly P[], facts: GrievanceFacts, target: SlaTarget): P[] {
  return policies
    .filter((p) => p.targets[target] !== undefined && policyMatches(p, facts))
    .sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0) || specificity(b.match) - specificity(a.match) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface PolicyChoice<P extends SlaPolicy = SlaPolicy> {
  policy: P;
  target: SlaTarget;
  duration: ParsedDuration;
  warnShare: number;
  calendarId: string;
}

/**
 * The policy that sets the target's budget for a grievance: the best-ranked policy that
 * gives that target. Each target is resolved on its own, so a category policy that only
 * sets `resolve` still takes `respond` from a more general one.
 */
export function choosePolicy<P extends SlaPolicy>(policies: readonly P[], facts: GrievanceFacts, target: SlaTarget): PolicyChoice<P> {
  const [best] = rankPolicies(policies, facts, target);
  if (!best) {
    throw new DomainError('not_found', `no SLA policy gives a ${target} budget for ${describeFacts(facts)}`, { target, facts }, {
      key: 'error.sla.noPolicy',
      params: { target, facts: describeFacts(facts) },
    });
  }
  return {
    policy: best,
    target,
    duration: parseDuration(best.targets[target]!),
    warnShare: best.warnShare ?? DEFAULT_WARN_SHARE,
    calendarId: best.calendar,
  };
}

function describeFacts(facts: GrievanceFacts): string {
  return `${facts.urgency} ${facts.kind} "${facts.category}"${facts.stage ? ` at ${facts.stage}` : ''}`;
}

/** What is wrong with a policy, in English; empty when nothing is. Calendar existence is checked by the store. */
export function validatePolicy(policy: SlaPolicy): string[] {
  return policyProblems(policy).map((p) => p.message);
}

/** What is wrong with a policy, each problem at its field with its catalogue text (libs/i18n `sla.problem.*`). */
export function policyProblems(policy: SlaPolicy): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string | undefined, message: string, key: string, params?: Record<string, string | number>) => problems.push(fieldProblem(field, message, key, params));
  if (typeof policy !== 'object' || policy === null) return [fieldProblem(undefined, 'policy must be an object', 'sla.problem.policyNotObject')];
  if (typeof policy.id !== 'string' || !SLA_SETTING_ID_PATTERN.test(policy.id)) add('id', 'id must be 1-64 lower-case letters, digits, dots, dashes or underscores', 'sla.problem.id');
  const match = policy.match;
  if (typeof match !== 'object' || match === null) add('match', 'match must be an object (empty matches everything)', 'sla.problem.matchNotObject');
  else {
    const unknown = Object.keys(match).filter((k) => !(k in MATCH_WEIGHTS));
    if (unknown.length) add('match', `match has unknown keys: ${unknown.join(', ')}`, 'sla.problem.matchUnknownKeys', { keys: unknown.join(', ') });
    if (match.kind !== undefined && !GRIEVANCE_KINDS.includes(match.kind)) add('match.kind', `match.kind must be one of ${GRIEVANCE_KINDS.join(', ')}`, 'sla.problem.matchKind', { allowed: GRIEVANCE_KINDS.join(', ') });
    if (match.urgency !== undefined && !URGENCIES.includes(match.urgency)) add('match.urgency', `match.urgency must be one of ${URGENCIES.join(', ')}`, 'sla.problem.matchUrgency', { allowed: URGENCIES.join(', ') });
    if (match.stage !== undefined && (typeof match.stage !== 'string' || match.stage.length === 0)) add('match.stage', 'match.stage must be a non-empty string', 'sla.problem.matchStage');
    if (match.category !== undefined) {
      const list = Array.isArray(match.category) ? match.category : [match.category];
      if (list.length === 0 || list.some((c) => typeof c !== 'string' || c.length === 0 || c.length > 64)) add('match.category', 'match.category must be a category code or a non-empty list of them', 'sla.problem.matchCategory');
    }
  }
  if (typeof policy.targets !== 'object' || policy.targets === null) add('targets', 'targets must be an object', 'sla.problem.targetsNotObject');
  else {
    const keys = Object.keys(policy.targets);
    if (keys.length === 0) add('targets', 'targets must give at least one budget', 'sla.problem.targetsEmpty');
    for (const key of keys) {
      if (!(SLA_TARGETS as readonly string[]).includes(key)) add(`targets.${key}`, `targets.${key} is not one of ${SLA_TARGETS.join(', ')}`, 'sla.problem.targetUnknown', { target: key, allowed: SLA_TARGETS.join(', ') });
      else if (!isDuration(policy.targets[key as SlaTarget])) add(`targets.${key}`, `targets.${key} must be milliseconds or an ISO-8601 duration such as PT2H or P7D`, 'sla.problem.targetDuration', { target: key });
    }
  }
  if (policy.warnShare !== undefined && !(typeof policy.warnShare === 'number' && policy.warnShare > 0 && policy.warnShare <= 1)) add('warnShare', 'warnShare must be a number in (0, 1]', 'sla.problem.warnShare');
  if (typeof policy.calendar !== 'string' || policy.calendar.length === 0) add('calendar', 'calendar must name a calendar', 'sla.problem.calendar');
  if (policy.priority !== undefined && !Number.isInteger(policy.priority)) add('priority', 'priority must be an integer', 'sla.problem.priority');
  return problems;
}

/** The refusal of a policy with problems: English in `details.errors`, each problem at its field for the caller. */
export function policyInvalid(policy: SlaPolicy, problems: readonly FieldProblem[]): DomainError {
  const errors = problems.map((p) => p.message);
  return new DomainError('invalid', `policy ${String(policy?.id)}: ${errors.join('; ')}`, { errors }, { key: 'error.sla.policyInvalid', params: { id: String(policy?.id), count: errors.length }, problems });
}
