import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { GeoPoint, GrievanceKind, Holder, Level, Urgency } from '@grievance/contracts';

/**
 * Where a grievance stands in routing's view:
 * - routed: a grid holds it, waiting for the on-site check; an appeal: a rung holds it, not yet acknowledged;
 * - assigned: a department holds it (its inbox), not yet accepted (for an appeal: a rung asked it to act);
 * - in_progress: the department accepted it, or the rung acknowledged the appeal;
 * - resolved, rejected (invalid on site), linked (a duplicate: found on site, or by intake's duplicate check and never routed), closed.
 */
export const GRIEVANCE_STATUSES = ['routed', 'assigned', 'in_progress', 'resolved', 'rejected', 'linked', 'closed'] as const;
export type GrievanceStatus = (typeof GRIEVANCE_STATUSES)[number];

/** The statuses in which a holder still has the grievance to work on (an appeal's rung, its inbox, its SLA check). */
export const WORKED_STATUSES: readonly GrievanceStatus[] = ['routed', 'assigned', 'in_progress'];

/** The unit id of each rung an appeal has or would pass through. */
export type ChainPath = Partial<Record<Level, string>>;

/** Routing's view of each grievance it routed or linked at submission: what its inbox and actions work on. */
@Entity({ name: 'routing_grievances' })
export class GrievanceEntity {
  @PrimaryColumn({ name: 'grievance_id', type: 'uuid' })
  grievanceId!: string;

  @Column({ name: 'tracking_no', type: 'text' })
  trackingNo!: string;

  @Column({ type: 'text' })
  kind!: GrievanceKind;

  @Column({ type: 'text' })
  category!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'text' })
  urgency!: Urgency;

  @Column({ type: 'jsonb', nullable: true })
  location!: GeoPoint | null;

  @Column({ name: 'attachment_ids', type: 'jsonb', default: () => `'[]'::jsonb` })
  attachmentIds!: string[];

  @Column({ name: 'reporter_id', type: 'text' })
  reporterId!: string;

  @Column({ name: 'district_id', type: 'text', nullable: true })
  districtId!: string | null;

  @Column({ name: 'grid_id', type: 'text', nullable: true })
  gridId!: string | null;

  @Column({ name: 'department_code', type: 'text', nullable: true })
  departmentCode!: string | null;

  @Column({ type: 'jsonb' })
  holder!: Holder;

  @Column({ type: 'text' })
  status!: GrievanceStatus;

  @Column({ type: 'boolean', default: false })
  fallback!: boolean;

  @Column({ type: 'text', nullable: true })
  resolution!: string | null;

  /** Appeals: the rung of the escalation chain that owns the grievance now. */
  @Column({ type: 'text', nullable: true })
  level!: Level | null;

  /** Appeals: the rung that owns it (stays the owner while a department it asked acts). */
  @Column({ type: 'jsonb', nullable: true })
  owner!: Holder | null;

  /** Appeals: the unit of each rung on this grievance's way up (member, branch, committee, 两新工委). */
  @Column({ type: 'jsonb', default: () => `'{}'::jsonb` })
  chain!: ChainPath;

  /** How many times it bounced: a rung returned it down (退单), a department returned or transferred it. */
  @Column({ type: 'integer', default: 0 })
  bounces!: number;

  /** 督办: the top rung missed its deadline (or the reporter rejected what it did). */
  @Column({ name: 'under_supervision', type: 'boolean', default: false })
  underSupervision!: boolean;

  /** 督办: the round of supervision (0 none, 1 the first; each missed follow-up adds one). */
  @Column({ name: 'supervision_round', type: 'integer', default: 0 })
  supervisionRound!: number;

  /** 督办: the supervising unit that owns the supervision (the 两新工委, a district's supervising office). */
  @Column({ type: 'jsonb', nullable: true })
  supervisor!: Holder | null;

  /** Hazards: how many times the reporter sent it back unsatisfied (the second goes to the district's supervising office). */
  @Column({ type: 'integer', default: 0 })
  reopenings!: number;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
