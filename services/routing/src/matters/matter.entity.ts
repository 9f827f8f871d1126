import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { GeoPoint, GrievanceKind, Holder, Urgency } from '@grievance/contracts';

/**
 * Where a matter stands in routing's view:
 * - routed: a grid holds it, waiting for the on-site check;
 * - assigned: a department holds it (its inbox), not yet accepted;
 * - in_progress: the department accepted it;
 * - resolved, rejected (invalid on site), linked (a duplicate), closed.
 */
export const MATTER_STATUSES = ['routed', 'assigned', 'in_progress', 'resolved', 'rejected', 'linked', 'closed'] as const;
export type MatterStatus = (typeof MATTER_STATUSES)[number];

/** Routing's view of each matter it routed: what its inbox and actions work on. */
@Entity({ name: 'routing_matters' })
export class MatterEntity {
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
  status!: MatterStatus;

  @Column({ type: 'boolean', default: false })
  fallback!: boolean;

  @Column({ type: 'text', nullable: true })
  resolution!: string | null;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
