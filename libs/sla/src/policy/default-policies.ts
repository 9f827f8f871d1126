import { CALENDAR_TIME_ID, CN_WORKING_CALENDAR_ID } from '../calendar/default-calendars';
import { SlaPolicy } from './policy';

/** Categories treated like Beijing 12345's water, power, gas and heating grievances (24 h round the clock). */
export const UTILITY_CATEGORIES: readonly string[] = Object.freeze(['water_supply', 'power_supply', 'gas_supply', 'heating', 'elevator_safety']);

/** Categories that need several parties and take long (15 working days). */
export const COMPLEX_CATEGORIES: readonly string[] = Object.freeze(['labour_dispute', 'wage_arrears', 'injury_insurance', 'housing', 'school_place']);

/**
 * The default policy set, modelled on Beijing 12345's 接诉即办 time limits: urgent grievances
 * 2 hours, water/power/gas/heating-like grievances 24 hours, general grievances 7 (working)
 * days, complex grievances 15 (working) days; plus per-rung budgets for appeals climbing the
 * escalation chain, and the follow-up budget of supervision (督办, stage `supervision`). Seeded into the store on first start; admins change them from there.
 *
 * A "day" in a working-time policy is one working day (7.5 h of the default calendar).
 */
export const DEFAULT_SLA_POLICIES: readonly SlaPolicy[] = Object.freeze([
  {
    id: 'general',
    description: 'Any grievance: acknowledge within 1 working day, resolve within 7 working days.',
    match: {},
    targets: { respond: 'P1D', resolve: 'P7D', accept: 'PT4H', verify: 'P1D' },
    calendar: CN_WORKING_CALENDAR_ID,
  },
  {
    id: 'utilities',
    description: 'Water, power, gas, heating and lift grievances: resolve within 24 hours, day and night.',
    match: { category: [...UTILITY_CATEGORIES] },
    targets: { respond: 'PT2H', resolve: 'PT24H', accept: 'PT1H', verify: 'PT4H' },
    calendar: CALENDAR_TIME_ID,
  },
  {
    id: 'complex',
    description: 'Labour, insurance, housing and school grievances: resolve within 15 working days.',
    match: { category: [...COMPLEX_CATEGORIES] },
    targets: { respond: 'P1D', resolve: 'P15D' },
    calendar: CN_WORKING_CALENDAR_ID,
  },
  {
    id: 'urgent',
    description: 'Urgent grievances (a missing manhole cover): resolve within 2 hours, day and night.',
    match: { urgency: 'urgent' },
    targets: { respond: 'PT30M', resolve: 'PT2H', accept: 'PT30M', verify: 'PT1H' },
    calendar: CALENDAR_TIME_ID,
  },
  {
    id: 'appeal.member',
    description: 'A liaison member answers within 4 working hours and acts within 1 working day, or it goes to the branch.',
    match: { kind: 'appeal', stage: 'member' },
    targets: { respond: 'PT4H', resolve: 'P1D' },
    calendar: CN_WORKING_CALENDAR_ID,
  },
  {
    id: 'appeal.branch',
    description: 'The branch ("first stop") acts within 2 working days, or it goes to the industry committee.',
    match: { kind: 'appeal', stage: 'branch' },
    targets: { respond: 'PT4H', resolve: 'P2D' },
    calendar: CN_WORKING_CALENDAR_ID,
  },
  {
    id: 'appeal.industry_committee',
    description: 'The industry committee acts within 3 working days, or it goes to the 两新工委.',
    match: { kind: 'appeal', stage: 'industry_committee' },
    targets: { respond: 'P1D', resolve: 'P3D' },
    calendar: CN_WORKING_CALENDAR_ID,
  },
  {
    id: 'appeal.two_new_committee',
    description: 'The 两新工委 acts within 5 working days; a miss there triggers supervision (督办).',
    match: { kind: 'appeal', stage: 'two_new_committee' },
    targets: { respond: 'P1D', resolve: 'P5D' },
    calendar: CN_WORKING_CALENDAR_ID,
  },
  {
    id: 'supervision',
    description: 'Supervision (督办): the supervising unit follows the grievance up within 3 working days, or it is supervised again (a new round).',
    match: { stage: 'supervision' },
    targets: { resolve: 'P3D' },
    calendar: CN_WORKING_CALENDAR_ID,
    // Above the urgency policies: the follow-up budget is the supervision's, whatever the grievance.
    priority: 1,
  },
] satisfies SlaPolicy[]);
