import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { GrievanceKind, GrievanceStatus, Holder, Rating } from '@grievance/contracts';
import type { StoredMessage } from '@grievance/i18n';

/** The feedback service's view of one grievance (table made by CreateFeedbackTables). */
@Entity({ name: 'feedback_grievances' })
export class GrievanceEntity {
  @PrimaryColumn('uuid', { name: 'grievance_id' }) grievanceId!: string;
  @Column('text', { name: 'tracking_no', nullable: true }) trackingNo!: string | null;
  @Column('text', { nullable: true }) title!: string | null;
  @Column('text', { name: 'reporter_id' }) reporterId!: string;
  /** Null for grievances stored before kinds were kept. */
  @Column('text', { nullable: true }) kind!: GrievanceKind | null;
  @Column('uuid', { name: 'duplicate_of', nullable: true }) duplicateOf!: string | null;
  @Column('text') status!: GrievanceStatus;
  @Column('jsonb', { name: 'resolved_by', nullable: true }) resolvedBy!: Holder | null;
  @Column('text', { nullable: true }) resolution!: string | null;
  @Column('timestamptz', { name: 'resolved_at', nullable: true }) resolvedAt!: Date | null;
  /** How many times the grievance was resolved: 1 after the first resolution, 2 after a reopen and a second one. */
  @Column('integer', { name: 'resolution_no' }) resolutionNo!: number;
  @Column('text', { nullable: true }) rating!: Rating | null;
  @Column('text', { name: 'close_outcome', nullable: true }) closeOutcome!: string | null;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt!: Date | null;
  /** Who rejected the grievance (a grid worker's invalid verdict on site) and when: what a contest answers. */
  @Column('jsonb', { name: 'rejected_by', nullable: true }) rejectedBy!: Holder | null;
  @Column('timestamptz', { name: 'rejected_at', nullable: true }) rejectedAt!: Date | null;
  /** The reporter's one contest of the verdict, once made. */
  @Column('timestamptz', { name: 'contested_at', nullable: true }) contestedAt!: Date | null;
  @Column('text', { name: 'contest_reason', nullable: true }) contestReason!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}

/** Someone who reported the same problem later and follows the grievance. */
@Entity({ name: 'feedback_co_reporters' })
export class CoReporterEntity {
  @PrimaryColumn('uuid', { name: 'grievance_id' }) grievanceId!: string;
  @PrimaryColumn('text', { name: 'reporter_id' }) reporterId!: string;
  @Column('uuid', { name: 'via_grievance_id' }) viaGrievanceId!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}

export type NotificationDelivery = 'pending' | 'sent' | 'failed' | 'off';

@Entity({ name: 'feedback_notifications' })
export class NotificationEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text', { name: 'recipient_id' }) recipientId!: string;
  @Column('uuid', { name: 'grievance_id' }) grievanceId!: string;
  @Column('uuid', { name: 'event_id' }) eventId!: string;
  @Column('text', { name: 'event_type' }) eventType!: string;
  /** The text in the default language (zh-CN), as it was written. */
  @Column('text') message!: string;
  /** The message to render in the reader's language; null for notifications stored before messages were kept. */
  @Column('jsonb', { nullable: true }) content!: StoredMessage | null;
  @Column('boolean') read!: boolean;
  @Column('text') delivery!: NotificationDelivery;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}

@Entity({ name: 'feedback_ratings' })
export class RatingEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'grievance_id' }) grievanceId!: string;
  @Column('text', { name: 'reporter_id' }) reporterId!: string;
  @Column('integer', { name: 'resolution_no' }) resolutionNo!: number;
  @Column('text') rating!: Rating;
  @Column('text', { nullable: true }) comment!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}

/** One append-only entry of the points ledger. */
@Entity({ name: 'feedback_points_ledger' })
export class PointsEntryEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text', { name: 'worker_id' }) workerId!: string;
  @Column('integer') points!: number;
  @Column('text') reason!: string;
  /** The grievance a verified report's award is for; null for what belongs to no grievance (volunteering, redemptions). */
  @Column('uuid', { name: 'grievance_id', nullable: true }) grievanceId!: string | null;
  @Column('uuid', { name: 'cause_event_id' }) causeEventId!: string;
  /** The station of a volunteering award or a redemption. */
  @Column('text', { name: 'station_id', nullable: true }) stationId!: string | null;
  /** The redemption a negative entry pays for. */
  @Column('uuid', { name: 'redemption_id', nullable: true }) redemptionId!: string | null;
  /** What a volunteer did, in the station staff's words. */
  @Column('text', { nullable: true }) note!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}

export const FEEDBACK_ENTITIES = [GrievanceEntity, CoReporterEntity, NotificationEntity, RatingEntity, PointsEntryEntity];
