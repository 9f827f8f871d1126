/**
 * The shared vocabulary of the domain (see DOMAIN.md, glossary). One English name per
 * term; the Chinese term is noted where it helps.
 */

/** Who may call the system. */
export const ROLES = [
  'worker', // 新就业群体
  'member', // 党员 (联络员)
  'branch', // 党支部
  'industry_committee', // 行业综合党委
  'two_new_committee', // 两新工委
  'grid_worker', // 网格员
  'department', // 职能部门
  'station_staff', // 驿站工作人员: logs walk-ins, hands over prizes, awards volunteering points
  'auditor',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

/** Who acted in an event: a person in a role, or the system itself (SLA timers, relays). */
export const ACTOR_ROLES = [...ROLES, 'system'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

export const GRIEVANCE_KINDS = [
  'hazard', // 随手拍: something wrong in the street
  'appeal', // 急难愁盼: a worker's own need, runs up the escalation chain
  'suggestion', // 建言献策 / 金点子
] as const;
export type GrievanceKind = (typeof GRIEVANCE_KINDS)[number];

export const URGENCIES = ['normal', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const OCCUPATIONS = [
  'rider',
  'courier',
  'ride_hailing_driver',
  'truck_driver',
  'livestreamer',
  'domestic_worker',
  'online_writer',
] as const;
export type Occupation = (typeof OCCUPATIONS)[number];

/** The languages people read the system in (libs/i18n has a catalogue for each); the first is the default. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The rungs of the escalation chain (诉求直通机制), lowest first. */
export const LEVELS = ['member', 'branch', 'industry_committee', 'two_new_committee'] as const;
export type Level = (typeof LEVELS)[number];

/** Who must act on a grievance now. A department's id is its code. */
export const HOLDER_TYPES = ['grid_worker', 'member', 'org_unit', 'department'] as const;
export type HolderType = (typeof HOLDER_TYPES)[number];

export const GRIEVANCE_STATUSES = [
  'submitted',
  'routed',
  'dispatched',
  'accepted',
  'verified',
  'in_progress',
  'resolved',
  'closed',
  'rejected',
] as const;
export type GrievanceStatus = (typeof GRIEVANCE_STATUSES)[number];

export const VERIFY_VERDICTS = ['confirmed', 'invalid', 'duplicate'] as const;
export type VerifyVerdict = (typeof VERIFY_VERDICTS)[number];

/** 回访 / 满意度 */
export const RATINGS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type Rating = (typeof RATINGS)[number];

/** What an SLA deadline measures. */
export const SLA_TARGETS = ['respond', 'resolve', 'accept', 'verify'] as const;
export type SlaTarget = (typeof SLA_TARGETS)[number];
