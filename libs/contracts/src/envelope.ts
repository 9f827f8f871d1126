import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { uuidv7, UUID_V7_PATTERN } from './ids';
import { PayloadOf, TopicName, topicSpec } from './topics';
import { ACTOR_ROLES, ActorRole } from './vocabulary';

export class Actor {
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  id!: string;

  @IsIn(ACTOR_ROLES)
  role!: ActorRole;
}

export const SYSTEM_ACTOR: Actor = Object.freeze({ id: 'system', role: 'system' });

/**
 * The one envelope every event travels in. JSON on the wire; the Kafka message key is
 * `grievanceId`, so all events of one grievance keep their order.
 */
export class EventEnvelope<P = unknown> {
  /** UUID v7: unique, and sorts by time. Consumers deduplicate on it. */
  @Matches(UUID_V7_PATTERN, { message: 'eventId must be a UUID v7' })
  eventId!: string;

  /** e.g. `grievance.submitted` */
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  type!: string;

  @IsInt()
  @Min(1)
  version!: number;

  @IsISO8601({ strict: true })
  occurredAt!: string;

  @IsUUID()
  grievanceId!: string;

  @ValidateNested()
  @Type(() => Actor)
  actor!: Actor;

  /** Shared by every event caused, directly or not, by one outside request. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  correlationId!: string;

  /** The event id (or request id) that directly caused this one. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  causationId!: string | null;

  @IsObject()
  payload!: P;
}

export interface NewEvent<T extends TopicName> {
  topic: T;
  grievanceId: string;
  actor: Actor;
  payload: PayloadOf<T>;
  /** Carried from the request or from the event that caused this one. */
  correlationId: string;
  causationId?: string | null;
  occurredAt?: Date;
}

/** Builds the envelope for a topic; type and version come from the catalogue. */
export function createEnvelope<T extends TopicName>(event: NewEvent<T>): EventEnvelope<PayloadOf<T>> {
  const spec = topicSpec(event.topic);
  return {
    eventId: uuidv7(),
    type: spec.type,
    version: spec.version,
    occurredAt: (event.occurredAt ?? new Date()).toISOString(),
    grievanceId: event.grievanceId,
    actor: { id: event.actor.id, role: event.actor.role },
    correlationId: event.correlationId,
    causationId: event.causationId ?? null,
    payload: event.payload,
  };
}

/** The envelope of an event caused by another one: same grievance, same correlation. */
export function causedBy<T extends TopicName>(
  cause: Pick<EventEnvelope, 'eventId' | 'correlationId' | 'grievanceId'>,
  event: Omit<NewEvent<T>, 'correlationId' | 'causationId' | 'grievanceId'> & { grievanceId?: string },
): EventEnvelope<PayloadOf<T>> {
  return createEnvelope({
    ...event,
    grievanceId: event.grievanceId ?? cause.grievanceId,
    correlationId: cause.correlationId,
    causationId: cause.eventId,
  } as NewEvent<T>);
}
