import { Injectable } from '@nestjs/common';
import { createEnvelope, uuidv7, type Actor, type ConsentMethod, type Language } from '@grievance/contracts';
import { message } from '@grievance/i18n';
import { TransactionalOutbox, UnitOfWork } from '@grievance/messaging';
import { Clock, correlationIdForNewWork, DomainError } from '@grievance/platform';
import { CategoryCatalogue } from '../categories/category-catalogue';
import { IntakeConfig } from '../config';
import { boundingBox, duplicateCheckCells, findDuplicate } from './duplicates';
import type { GrievanceRecord, SubmissionAnswer } from './grievance.model';
import { GrievancesRepository } from './grievances.repository';
import type { SubmitGrievanceDto } from './submit-grievance.dto';
import { formatTrackingNo, requestFingerprint, trackingDay } from './tracking-number';
import { TrackingSerials } from './tracking-serials';

export interface SubmitGrievanceCommand {
  reporterId: string;
  /** The language the reporter asked for (Accept-Language), when they named one we speak. */
  language?: Language;
  idempotencyKey?: string;
  body: SubmitGrievanceDto;
  /**
   * A walk-in (驿站代办): the station's staff typed it in for the reporter, with their consent.
   * The grievance is still the reporter's; the staff member is the event's actor, and the photos
   * are the ones they uploaded.
   */
  walkIn?: WalkInOrigin;
  /** Runs in the submission's transaction once the grievance is created (not on a replay): what a caller keeps beside it commits with it. */
  alongside?: (answer: SubmissionAnswer) => Promise<void>;
}

/** Where and by whom a walk-in was logged. */
export interface WalkInOrigin {
  stationId: string;
  /** The station's name, for the reporter's history line. */
  stationName: string;
  staffId: string;
  consentMethod: ConsentMethod;
}

/** Whose Idempotency-Keys a request's key is among: the reporter's own, or the staff member's who logs walk-ins. */
export const idempotencyOwnerOf = (command: Pick<SubmitGrievanceCommand, 'reporterId' | 'walkIn'>): string =>
  command.walkIn ? `station_staff:${command.walkIn.staffId}` : command.reporterId;

const UNIQUE_VIOLATION = '23505';

/**
 * A worker hands in a grievance: it is stored as `submitted` with a tracking number, checked
 * against open hazards nearby (a duplicate keeps the one it repeats as duplicate_of), and
 * announced (grievance.submitted.v1, naming duplicateOf for a duplicate) in the same
 * transaction. Routing links a duplicate (grievance.linked.v1); intake's tracking of that event
 * makes its reporter a co-reporter of the original. With an Idempotency-Key,
 * the same request again gets the same answer; a different body under the key is refused.
 */
@Injectable()
export class SubmitGrievance {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly outbox: TransactionalOutbox,
    private readonly repository: GrievancesRepository,
    private readonly categories: CategoryCatalogue,
    private readonly config: IntakeConfig,
    private readonly clock: Clock,
    private readonly trackingSerials: TrackingSerials,
  ) {}

  async execute(command: SubmitGrievanceCommand): Promise<{ answer: SubmissionAnswer; replayed: boolean }> {
    const { body } = command;
    const category = this.categories.find(body.category);
    if (!category) throw DomainError.invalid(`category must be one of the known categories (GET /v1/categories); "${body.category}" is not`, { field: 'category' }, {
        key: 'error.grievance.unknownCategory',
        params: { category: body.category },
      });
    if (category.kind !== body.kind) throw DomainError.invalid(`category ${body.category} is a ${category.kind} category, not a ${body.kind} one`, { field: 'category' }, {
        key: 'error.grievance.categoryKind',
        params: { category: body.category, categoryKind: category.kind, kind: body.kind },
      });
    const fingerprint = requestFingerprint(body);
    try {
      return await this.submitOnce(command, fingerprint);
    } catch (error) {
      // Two requests with one key raced; the loser answers from the winner's row.
      if (command.idempotencyKey !== undefined && (error as { code?: string }).code === UNIQUE_VIOLATION) {
        return await this.submitOnce(command, fingerprint);
      }
      throw error;
    }
  }

  private submitOnce(command: SubmitGrievanceCommand, fingerprint: string): Promise<{ answer: SubmissionAnswer; replayed: boolean }> {
    return this.unitOfWork.run(async () => {
      if (command.idempotencyKey !== undefined) {
        const seen = await this.repository.findIdempotencyKey(idempotencyOwnerOf(command), command.idempotencyKey);
        if (seen) {
          if (seen.requestHash !== fingerprint) {
            throw DomainError.unprocessable('this Idempotency-Key was already used with a different request', undefined, { key: 'error.grievance.idempotencyReused' });
          }
          return { answer: seen.response, replayed: true };
        }
      }
      const answer = await this.create(command);
      await command.alongside?.(answer);
      if (command.idempotencyKey !== undefined) {
        await this.repository.saveIdempotencyKey(idempotencyOwnerOf(command), command.idempotencyKey, fingerprint, answer);
      }
      return { answer, replayed: false };
    });
  }

  private async create({ reporterId, language, body, walkIn }: SubmitGrievanceCommand): Promise<SubmissionAnswer> {
    // Checks that could find each other take turns (the lock is taken before reading the
    // clock, so a report that committed while we waited counts as earlier than this one).
    if (body.kind === 'hazard' && body.location) {
      await this.repository.lockDuplicateCheck(duplicateCheckCells({ ...body.location, category: body.category }, this.config.DUPLICATE_RADIUS_M));
    }
    const now = this.clock.now();
    const attachmentIds = [...new Set(body.attachmentIds ?? [])];
    // A walk-in's photos are the ones the station's staff took and uploaded.
    const owned = await this.repository.ownedAttachmentIds(walkIn?.staffId ?? reporterId, attachmentIds);
    const unknown = attachmentIds.filter((id) => !owned.has(id));
    if (unknown.length > 0) throw DomainError.invalid(`attachmentIds must be attachments you uploaded; unknown: ${unknown.join(', ')}`, { field: 'attachmentIds' }, {
        key: 'error.grievance.unknownAttachments',
        params: { unknown: unknown.join(', ') },
      });

    let duplicateOf: string | null = null;
    if (body.kind === 'hazard' && body.location) {
      const rules = { radiusM: this.config.DUPLICATE_RADIUS_M, windowH: this.config.DUPLICATE_WINDOW_H };
      const candidates = await this.repository.openHazardsNear({
        category: body.category,
        since: new Date(now.getTime() - rules.windowH * 3600_000),
        ...boundingBox(body.location, rules.radiusM),
      });
      duplicateOf = findDuplicate({ ...body.location, category: body.category, at: now }, candidates, rules)?.id ?? null;
    }

    const day = trackingDay(now, this.config.TRACKING_TIMEZONE);
    const trackingNo = formatTrackingNo(this.config.TRACKING_PREFIX, day, await this.trackingSerials.next(day));
    const record: GrievanceRecord = {
      id: uuidv7(),
      trackingNo,
      reporterId,
      kind: body.kind,
      category: body.category,
      title: body.title,
      description: body.description,
      urgency: body.urgency ?? 'normal',
      location: body.location
        ? { lat: body.location.lat, lng: body.location.lng, ...(body.location.address !== undefined ? { address: body.location.address } : {}) }
        : null,
      attachmentIds,
      status: 'submitted',
      statusAt: now,
      reopenedAt: null,
      level: null,
      levelAt: null,
      holder: null,
      holderAt: null,
      underSupervision: false,
      supervisionRound: 0,
      duplicateOf,
      submittedAt: now,
    };
    await this.repository.insert(record);

    const actor: Actor = walkIn ? { id: walkIn.staffId, role: 'station_staff' } : { id: reporterId, role: 'worker' };
    const correlationId = correlationIdForNewWork();
    const submitted = createEnvelope({
      topic: 'grievance.submitted.v1',
      grievanceId: record.id,
      actor,
      correlationId,
      occurredAt: now,
      payload: {
        trackingNo,
        kind: record.kind,
        category: record.category,
        title: record.title,
        description: record.description,
        urgency: record.urgency,
        ...(record.location ? { location: record.location } : {}),
        attachmentIds,
        reporter: {
          id: reporterId,
          ...(body.occupation ? { occupation: body.occupation } : {}),
          ...(body.platform ? { platform: body.platform } : {}),
          ...(language ? { language } : {}),
        },
        ...(walkIn ? { loggedAt: { stationId: walkIn.stationId, staffId: walkIn.staffId, consentMethod: walkIn.consentMethod } } : {}),
        ...(duplicateOf ? { duplicateOf } : {}),
        submittedAt: now.toISOString(),
      },
    });
    await this.outbox.publish('grievance.submitted.v1', submitted);
    await this.repository.appendHistory(record.id, submitted.eventId, {
      at: submitted.occurredAt,
      type: 'grievance.submitted',
      actor,
      summary: walkIn ? message('history.submittedAtStation', { trackingNo, station: walkIn.stationName }) : message('history.submitted', { trackingNo }),
    });

    return { id: record.id, trackingNo, status: 'submitted' };
  }
}
