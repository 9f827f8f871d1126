import { DomainError, SlaTarget } from '@grievance/contracts';
import { EntityManager } from 'typeorm';
import { CalendarSpec, createCalendar, SlaCalendar } from '../calendar/calendar';
import { DEFAULT_SLA_CALENDARS } from '../calendar/default-calendars';
import { durationMs } from '../duration';
import { choosePolicy, GrievanceFacts, SlaPolicy, policyInvalid, policyProblems, VersionedPolicy } from '../policy/policy';
import { DEFAULT_SLA_POLICIES } from '../policy/default-policies';

export interface VersionedCalendar extends CalendarSpec {
  version: number;
}

/** The policies and calendars in force: one consistent snapshot. */
export interface SlaSettings {
  readonly policies: readonly VersionedPolicy[];
  readonly calendarSpecs: readonly VersionedCalendar[];
  calendar(id: string): SlaCalendar;
}

/** Where the engine takes its policies and calendars from (the store, or a fixed set). */
export interface SlaSettingsSource {
  current(manager?: EntityManager): Promise<SlaSettings>;
}

/** A budget resolved for a new deadline: which policy, how much, warned when, counted how. */
export interface ResolvedBudget {
  policyId: string;
  policyVersion: number;
  target: SlaTarget;
  budgetMs: number;
  warnShare: number;
  calendarId: string;
  calendar: SlaCalendar;
}

/** Checks and indexes a set of policies and calendars. */
export function buildSettings(policies: readonly VersionedPolicy[], calendars: readonly VersionedCalendar[]): SlaSettings {
  const byId = new Map<string, SlaCalendar>();
  for (const spec of calendars) byId.set(spec.id, createCalendar(spec));
  for (const policy of policies) {
    const problems = policyProblems(policy);
    if (problems.length) throw policyInvalid(policy, problems);
    if (!byId.has(policy.calendar)) throw new DomainError('invalid', `policy ${policy.id} names calendar "${policy.calendar}", which does not exist`, undefined, { key: 'error.sla.unknownCalendar', params: { id: policy.id, calendar: policy.calendar } });
  }
  return {
    policies,
    calendarSpecs: calendars,
    calendar(id: string): SlaCalendar {
      const found = byId.get(id);
      if (!found) throw new DomainError('not_found', `SLA calendar ${id} not found`, undefined, { key: 'error.sla.calendarNotFound', params: { id } });
      return found;
    },
  };
}

/** The budget the settings give a target for a grievance. */
export function resolveBudget(settings: SlaSettings, facts: GrievanceFacts, target: SlaTarget): ResolvedBudget {
  const choice = choosePolicy(settings.policies, facts, target);
  const calendar = settings.calendar(choice.calendarId);
  return {
    policyId: choice.policy.id,
    policyVersion: choice.policy.version,
    target,
    budgetMs: durationMs(choice.duration, calendar.dayMs),
    warnShare: choice.warnShare,
    calendarId: calendar.id,
    calendar,
  };
}

/** A fixed set of policies and calendars (tests, benchmarks, services that keep them in code). */
export class StaticSlaSettings implements SlaSettingsSource {
  private readonly settings: SlaSettings;

  constructor(policies: readonly SlaPolicy[] = DEFAULT_SLA_POLICIES, calendars: readonly CalendarSpec[] = DEFAULT_SLA_CALENDARS) {
    this.settings = buildSettings(
      policies.map((p) => ({ version: 1, ...p })),
      calendars.map((c) => ({ version: 1, ...c })),
    );
  }

  async current(): Promise<SlaSettings> {
    return this.settings;
  }
}
