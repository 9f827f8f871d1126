import { Injectable } from '@nestjs/common';
import { createEnvelope, pointsAccountId, uuidv7 } from '@grievance/contracts';
import { TransactionalOutbox, UnitOfWork } from '@grievance/messaging';
import { Clock, DomainError } from '@grievance/platform';
import { FeedbackConfig } from '../config';
import { REASON_VOLUNTEERING, shanghaiDayStart, volunteeringRoom } from './points-rules';
import { PointsRepository, VolunteeringEntry } from './points.repository';

export interface AwardVolunteeringCommand {
  stationId: string;
  staffId: string;
  workerId: string;
  points: number;
  reason: string;
  /** The counter's Idempotency-Key: the same key again at this station answers the same award and pays nothing more. */
  idempotencyKey?: string;
  correlationId: string;
}

export interface VolunteeringAward {
  entryId: string;
  workerId: string;
  points: number;
  reason: string;
  stationId: string;
  /** What is left of the worker's cap today, after this award. */
  remainingToday: number;
  createdAt: string;
}

/**
 * A station's staff award a worker points for volunteering (志愿服务), with a reason, within
 * the daily cap per worker (VOLUNTEERING_DAILY_CAP, the day of Asia/Shanghai, across every
 * station): an award that would pass the cap is refused whole (422), nothing written. With an
 * Idempotency-Key, a double tap or a retry after a lost answer pays once: the key is looked up
 * under the worker's lock, so of two such requests the second finds the first's award.
 */
@Injectable()
export class AwardVolunteering {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly outbox: TransactionalOutbox,
    private readonly points: PointsRepository,
    private readonly config: FeedbackConfig,
    private readonly clock: Clock,
  ) {}

  execute(command: AwardVolunteeringCommand): Promise<VolunteeringAward> {
    return this.unitOfWork.run(async () => {
      await this.points.lockWorker(command.workerId);
      const now = this.clock.now();
      const cap = this.config.VOLUNTEERING_DAILY_CAP;
      const awardedToday = await this.points.volunteeringSince(command.workerId, shanghaiDayStart(now));
      const room = volunteeringRoom(awardedToday, cap);
      if (command.idempotencyKey !== undefined) {
        const earlier = await this.points.findVolunteeringByKey(command.stationId, command.idempotencyKey);
        if (earlier) return sameAward(earlier, command, room);
      }
      if (command.points > room) {
        throw DomainError.unprocessable(
          `a worker may get at most ${cap} volunteering points a day; ${room} are left today`,
          { cap, awardedToday, remaining: room },
          { key: 'error.points.dailyCapReached', params: { cap, remaining: room } },
        );
      }
      const entryId = uuidv7();
      const note = command.reason.trim();
      const event = createEnvelope({
        topic: 'points.awarded.v1',
        grievanceId: pointsAccountId(command.workerId),
        actor: { id: command.staffId, role: 'station_staff' },
        correlationId: command.correlationId,
        occurredAt: now,
        payload: { entryId, workerId: command.workerId, points: command.points, reason: REASON_VOLUNTEERING, stationId: command.stationId, note },
      });
      await this.points.appendVolunteering({
        id: entryId,
        workerId: command.workerId,
        points: command.points,
        stationId: command.stationId,
        note,
        causeEventId: event.eventId,
        idempotencyKey: command.idempotencyKey,
        at: now,
      });
      await this.outbox.publish('points.awarded.v1', event);
      return {
        entryId,
        workerId: command.workerId,
        points: command.points,
        reason: note,
        stationId: command.stationId,
        remainingToday: room - command.points,
        createdAt: now.toISOString(),
      };
    });
  }
}

/** The award an Idempotency-Key already made, answered again; the key with another request is refused (422). */
function sameAward(earlier: VolunteeringEntry, command: AwardVolunteeringCommand, room: number): VolunteeringAward {
  if (earlier.workerId !== command.workerId || earlier.points !== command.points || earlier.note !== command.reason.trim()) {
    throw DomainError.unprocessable('this Idempotency-Key was already used for another award', undefined, { key: 'error.points.awardIdempotencyReused' });
  }
  return {
    entryId: earlier.id,
    workerId: earlier.workerId,
    points: earlier.points,
    reason: earlier.note,
    stationId: earlier.stationId,
    remainingToday: room,
    createdAt: earlier.at.toISOString(),
  };
}
