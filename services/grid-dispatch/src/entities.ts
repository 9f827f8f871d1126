import { GrievanceKind, Urgency, VerifyVerdict } from '@grievance/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A grid's boundary: a GeoJSON polygon, as routing's directory publishes it (directory.entry-changed.v1). */
export interface GridPolygon {
  type: 'Polygon';
  coordinates: number[][][];
}

/** A grid (网格) inside a community, a street and a district, with its boundary. */
@Entity('grids')
export class GridEntity {
  @PrimaryColumn('text')
  id!: string;

  @Column('text')
  name!: string;

  @Column('text', { name: 'community_id', nullable: true })
  communityId!: string | null;

  @Column('text', { name: 'community_name', nullable: true })
  communityName!: string | null;

  @Column('text', { name: 'street_id', nullable: true })
  streetId!: string | null;

  @Column('text', { name: 'district_id', nullable: true })
  districtId!: string | null;

  @Column('jsonb')
  polygon!: GridPolygon;

  /** The version of routing's directory entry this row is at. */
  @Column('integer', { default: 0 })
  version!: number;

  /** Retired in the directory: no new tickets. */
  @Column('boolean', { default: false })
  retired!: boolean;
}

/** A grid worker (网格员): on or off duty, and when they were last given a ticket. */
@Entity('grid_workers')
export class GridWorkerEntity {
  @PrimaryColumn('text')
  id!: string;

  @Column('text')
  name!: string;

  @Column('text', { name: 'grid_id' })
  gridId!: string;

  @Column('text', { nullable: true })
  phone!: string | null;

  @Column('boolean', { name: 'on_duty', default: true })
  onDuty!: boolean;

  @Column('boolean', { name: 'part_time', default: false })
  partTime!: boolean;

  /** 兼职网格员: the registered worker (a rider's or courier's account id) this part-time grid worker is. */
  @Column('text', { name: 'worker_id', nullable: true })
  workerId!: string | null;

  /** 驻点: the station (驿站) they are posted at; while on duty they take the walk-ins logged there first. */
  @Column('text', { name: 'station_id', nullable: true })
  stationId!: string | null;

  @Column('integer', { default: 0 })
  version!: number;

  /** Retired in the directory: no new tickets; the ones they hold stay theirs. */
  @Column('boolean', { default: false })
  retired!: boolean;
}

export const TICKET_STATUSES = ['undispatched', 'dispatched', 'accepted', 'verified'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Statuses in which a ticket counts against its worker's load. */
export const OPEN_TICKET_STATUSES: readonly TicketStatus[] = ['dispatched', 'accepted'];

/** One on-site check of one hazard report: at most one ticket per grievance. */
@Entity('tickets')
export class TicketEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'grievance_id', unique: true })
  grievanceId!: string;

  @Column('text', { name: 'grid_id' })
  gridId!: string;

  @Column('text', { name: 'grid_worker_id', nullable: true })
  gridWorkerId!: string | null;

  @Column('integer', { default: 1 })
  attempt!: number;

  @Column('text')
  status!: TicketStatus;

  /** The open accept deadline's due moment (the SLA engine holds the deadline; this is its copy for the ticket's view). */
  @Column('timestamptz', { name: 'accept_by', nullable: true })
  acceptBy!: Date | null;

  /** What the SLA policies are matched on (from grievance.routed.v1 and the submission). */
  @Column('text', { default: 'hazard' })
  kind!: GrievanceKind;

  @Column('text', { nullable: true })
  category!: string | null;

  @Column('text', { default: 'normal' })
  urgency!: Urgency;

  /** Grid workers who let the ticket lapse: never dispatched it again. */
  @Column('text', { name: 'lapsed_worker_ids', array: true, default: () => "'{}'" })
  lapsedWorkerIds!: string[];

  /** The grid worker whose invalid verdict the reporter contested: the second check never goes to them. */
  @Column('text', { name: 'contested_verdict_by', nullable: true })
  contestedVerdictBy!: string | null;

  @Column('text', { name: 'correlation_id' })
  correlationId!: string;

  @Column('timestamptz', { name: 'dispatched_at', nullable: true })
  dispatchedAt!: Date | null;

  @Column('timestamptz', { name: 'accepted_at', nullable: true })
  acceptedAt!: Date | null;

  @Column('timestamptz', { name: 'verified_at', nullable: true })
  verifiedAt!: Date | null;

  @Column('text', { nullable: true })
  verdict!: VerifyVerdict | null;

  @Column('text', { name: 'verify_note', nullable: true })
  verifyNote!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** What the reporter handed in, kept from grievance.submitted.v1 for the tickets. */
@Entity('grievance_snapshots')
export class GrievanceSnapshotEntity {
  @PrimaryColumn('uuid', { name: 'grievance_id' })
  grievanceId!: string;

  @Column('text', { name: 'tracking_no' })
  trackingNo!: string;

  @Column('text')
  kind!: string;

  @Column('text')
  category!: string;

  @Column('text')
  title!: string;

  @Column('text', { default: 'normal' })
  urgency!: Urgency;

  @Column('double precision', { nullable: true })
  lat!: number | null;

  @Column('double precision', { nullable: true })
  lng!: number | null;

  @Column('text', { nullable: true })
  address!: string | null;

  @Column('timestamptz', { name: 'submitted_at' })
  submittedAt!: Date;

  /** The reporter, when they handed it in as themself (role worker): a part-time grid worker's own report may be the on-site check. */
  @Column('text', { name: 'reported_by', nullable: true })
  reportedBy!: string | null;

  /** The report's photos. */
  @Column('text', { name: 'attachment_ids', array: true, default: () => "'{}'" })
  attachmentIds!: string[];

  /** A walk-in: the station whose staff logged it (grievance.submitted.v1 loggedAt.stationId). */
  @Column('text', { name: 'logged_at_station_id', nullable: true })
  loggedAtStationId!: string | null;
}

/** A log of tickets that found nobody to go to (for operators). */
@Entity('dispatch_log')
export class DispatchLogEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column('uuid', { name: 'ticket_id' })
  ticketId!: string;

  @Column('text')
  message!: string;

  @CreateDateColumn({ name: 'at', type: 'timestamptz' })
  at!: Date;
}

export const GRID_DISPATCH_ENTITIES = [GridEntity, GridWorkerEntity, TicketEntity, GrievanceSnapshotEntity, DispatchLogEntity];
