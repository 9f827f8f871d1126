import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { BrokenLink, BrokenLinkReason } from '../dossier/chain';
import type { HolderRef } from './event-facts';
import type { DeadlineOutcome, DeadlineReplay, SlaReplay } from './sla-replay';
import type { TraceEvent, TraceView } from './trace-grievance.use-case';

// The trace's answer as OpenAPI schemas, so clients (the console) get its types generated.
// Each class implements the use case's own interface: a field added there and not here fails the build.

export class HolderRefSchema implements HolderRef {
  @ApiProperty({ description: 'grid_worker, member, org_unit or department' })
  type!: string;
  @ApiProperty()
  id!: string;
  @ApiPropertyOptional()
  name?: string;
  @ApiPropertyOptional()
  level?: string;
}

class ActorSchema {
  @ApiProperty()
  id!: string;
  @ApiProperty()
  role!: string;
}

class ChainLinkSchema {
  @ApiProperty()
  chainIndex!: number;
  @ApiProperty()
  seq!: string;
  @ApiProperty()
  hash!: string;
  @ApiProperty()
  prevHash!: string;
}

export class TraceEventSchema implements TraceEvent {
  @ApiProperty()
  eventId!: string;
  @ApiProperty({ description: 'The event type without its version (grievance.submitted).' })
  type!: string;
  @ApiProperty()
  version!: number;
  @ApiProperty({ description: 'The topic it came on (grievance.submitted.v1).' })
  topic!: string;
  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;
  @ApiProperty({ format: 'date-time', description: 'When the audit service stored it (arrival order is chain order).' })
  recordedAt!: string;
  @ApiProperty({ type: ActorSchema })
  actor!: ActorSchema;
  @ApiPropertyOptional({ type: HolderRefSchema, description: 'Who holds the grievance after this event, when the payload names one.' })
  holder?: HolderRefSchema;
  @ApiPropertyOptional({ description: 'The rung of the escalation chain, when the payload names one.' })
  level?: string;
  @ApiProperty()
  correlationId!: string;
  @ApiProperty({ type: String, nullable: true })
  causationId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The event as it was published.' })
  payload!: unknown;
  @ApiProperty({ type: ChainLinkSchema })
  link!: ChainLinkSchema;
}

const BROKEN_LINK_REASONS: BrokenLinkReason[] = ['content_changed', 'prev_hash_mismatch', 'missing_link', 'columns_changed', 'truncated', 'rewritten'];

class BrokenLinkSchema implements BrokenLink {
  @ApiProperty({ enum: BROKEN_LINK_REASONS })
  reason!: BrokenLinkReason;
  @ApiProperty({ description: 'The chain position where the chain stops holding.' })
  chainIndex!: number;
  @ApiPropertyOptional()
  eventId?: string;
  @ApiPropertyOptional()
  seq?: string;
  @ApiProperty()
  message!: string;
}

class ChainSchema {
  @ApiProperty()
  length!: number;
  @ApiProperty()
  head!: string;
}

class AnchorSchema {
  @ApiProperty()
  anchorId!: string;
  @ApiProperty({ format: 'date-time' })
  anchoredAt!: string;
  @ApiProperty()
  length!: number;
  @ApiProperty()
  headHash!: string;
}

class CompletedBySchema {
  @ApiProperty()
  eventId!: string;
  @ApiProperty()
  type!: string;
}

class PauseSchema {
  @ApiProperty({ format: 'date-time' })
  pausedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  resumedAt!: string | null;
  @ApiProperty({ type: Number, nullable: true })
  pausedMs!: number | null;
}

const OUTCOMES: DeadlineOutcome[] = ['met', 'late', 'breached', 'stopped', 'open'];

export class DeadlineReplaySchema implements DeadlineReplay {
  @ApiProperty()
  deadlineId!: string;
  @ApiProperty({ description: 'respond, resolve, accept or verify' })
  target!: string;
  @ApiProperty({ type: HolderRefSchema })
  holder!: HolderRefSchema;
  @ApiPropertyOptional()
  level?: string;
  @ApiPropertyOptional({ description: 'The stage the policy was matched at (from sla.started).' })
  stage?: string;
  @ApiPropertyOptional({ description: 'The SLA policy that gave the budget (from sla.started).' })
  policyId?: string;
  @ApiProperty({ format: 'date-time' })
  startedAt!: string;
  @ApiProperty({ format: 'date-time' })
  dueAt!: string;
  @ApiProperty()
  budgetMs!: number;
  @ApiPropertyOptional({ format: 'date-time', description: 'When the 80 % warning was planned (from sla.started), whether or not it fired.' })
  warnAt?: string;
  @ApiPropertyOptional({ format: 'date-time' })
  warnedAt?: string;
  @ApiPropertyOptional({ format: 'date-time' })
  breachedAt?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'When the holder did what the deadline asked for.' })
  completedAt?: string;
  @ApiPropertyOptional({ type: CompletedBySchema })
  completedBy?: CompletedBySchema;
  @ApiPropertyOptional({ format: 'date-time', description: 'When it stopped being owed undone: handed to the next holder, or the grievance closed or linked.' })
  stoppedAt?: string;
  @ApiPropertyOptional({ type: CompletedBySchema, description: 'The event that stopped it (the next holder\'s sla.started, a grievance.closed or grievance.linked).' })
  stoppedBy?: CompletedBySchema;
  @ApiProperty({ enum: OUTCOMES })
  outcome!: DeadlineOutcome;
  @ApiPropertyOptional()
  tookMs?: number;
  @ApiPropertyOptional()
  overdueMs?: number;
  @ApiPropertyOptional({ type: [PauseSchema], description: "The holder's questions to the reporter while the deadline ran." })
  pauses?: PauseSchema[];
}

class VerdictSchema {
  @ApiProperty()
  slaMet!: boolean;
  @ApiProperty({ format: 'date-time' })
  at!: string;
  @ApiProperty()
  eventId!: string;
}

class SlaReplaySchema implements SlaReplay {
  @ApiProperty({ type: [DeadlineReplaySchema] })
  deadlines!: DeadlineReplaySchema[];
  @ApiPropertyOptional({ type: VerdictSchema, description: "The grievance's final SLA verdict, once it is closed." })
  verdict?: VerdictSchema;
}

export class TraceViewSchema implements TraceView {
  @ApiProperty()
  grievanceId!: string;
  @ApiProperty({ type: [TraceEventSchema], description: "In the grievance's own order: occurredAt, then event id." })
  events!: TraceEventSchema[];
  @ApiProperty({ description: 'The chain verifies, and it still holds everything the latest anchor saw of it.' })
  verified!: boolean;
  @ApiPropertyOptional({ type: BrokenLinkSchema })
  brokenLink?: BrokenLinkSchema;
  @ApiProperty({ type: ChainSchema })
  chain!: ChainSchema;
  @ApiProperty({ type: AnchorSchema, nullable: true })
  anchor!: AnchorSchema | null;
  @ApiProperty({ type: SlaReplaySchema, description: "Each holder's deadline replayed: started, due, warned, breached, done." })
  sla!: SlaReplaySchema;
}
