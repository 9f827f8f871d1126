import { Inject, Injectable } from '@nestjs/common';
import { causedBy, EventEnvelope, grievanceStateAfter, PayloadOf, submittedGrievanceState, SYSTEM_ACTOR, uuidv7 } from '@grievance/contracts';
import type { Message } from '@grievance/i18n';
import { TransactionalOutbox, UnitOfWork } from '@grievance/messaging';
import type { ConsumedEvent } from '@grievance/platform';
import { PinoLogger } from 'nestjs-pino';
import { RatingWindows } from '../auto-close/rating-window';
import { FeedbackConfig } from '../config';
import { coReporterNotificationMessage, notificationMessage, NotifiedTopic } from '../notifications/messages';
import { NOTIFICATION_SENDER, NotificationSender } from '../notifications/notification-sender';
import { PointsAwards } from '../points/points-awards';
import { pointsForVerification } from '../points/points-rules';
import { GrievanceEntity } from './entities';
import { FeedbackRepository, GrievanceChange } from './feedback.repository';
import { GrievanceWrites } from './grievance-writes';
import { keptEvent, NotifiedEvent } from './notified-event';

type Envelope<T extends NotifiedTopic> = EventEnvelope<PayloadOf<T>>;

/** What the service keeps of a resolution (to rate it) and of a close, beside the status. */
const OWN_FACTS: { [K in NotifiedTopic]?: (p: PayloadOf<K>, at: Date) => GrievanceChange } = {
  'grievance.resolved.v1': (p, at) => ({ resolvedBy: p.resolvedBy, resolution: p.resolution, resolvedAt: at, newResolution: true }),
  'grievance.closed.v1': (p, at) => ({ closeOutcome: p.outcome, closedAt: at, ...(p.rating ? { rating: p.rating } : {}) }),
  'grievance.rejected.v1': (p, at) => ({ rejectedBy: p.rejectedBy, rejectedAt: at }),
};

/**
 * Applies an event of a grievance to the feedback service's view of it, in the unit of work
 * (the consumer's inbox transaction): updates the status, notifies the reporter and the
 * co-reporters, awards points, closes rejected grievances and opens the rating window of a resolution.
 */
@Injectable()
export class ApplyGrievanceEvent {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly outbox: TransactionalOutbox,
    private readonly repository: FeedbackRepository,
    private readonly config: FeedbackConfig,
    private readonly ratingWindows: RatingWindows,
    @Inject(NOTIFICATION_SENDER) private readonly sender: NotificationSender,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext('grievance-events');
  }

  execute(notified: NotifiedEvent): Promise<void> {
    return this.unitOfWork.run(() => this.apply(notified));
  }

  /** The batch writer of the unit of work's transaction (see GrievanceWrites). */
  private get writes(): GrievanceWrites {
    return GrievanceWrites.of(this.unitOfWork.transaction(), this.repository);
  }

  private async apply(notified: NotifiedEvent): Promise<void> {
    switch (notified.topic) {
      case 'grievance.submitted.v1':
        return this.submitted(notified.event);
      case 'grievance.linked.v1':
        return this.linked(notified.event);
      default:
        return this.progressed(notified);
    }
  }

  private async submitted(event: ConsumedEvent<'grievance.submitted.v1'>): Promise<void> {
    const p = event.payload;
    await this.repository.insertGrievance({
      grievanceId: event.grievanceId,
      trackingNo: p.trackingNo,
      title: p.title,
      reporterId: p.reporter.id,
      kind: p.kind,
      duplicateOf: p.duplicateOf,
      status: 'submitted',
    });
    this.writes.stored(event.grievanceId);
    // The language the submission asked for (Accept-Language); routing may know better (the registration).
    if (p.reporter.language) this.writes.setLanguage(p.reporter.id, p.reporter.language);
    if (p.duplicateOf) await this.follow(p.duplicateOf, p.reporter.id, event.grievanceId, { topic: 'grievance.submitted.v1', event });
    await this.notify('grievance.submitted.v1', event, [p.reporter.id]);
    // What came before the submission (on other topics, read sooner) applies now, in the order it came.
    for (const waiting of await this.repository.takeWaiting(event.grievanceId)) {
      const kept = keptEvent(waiting.topic, waiting.event);
      if (!kept) continue;
      if (kept.topic === 'grievance.submitted.v1') {
        // A duplicate's submission that came before its original: it follows the original now.
        await this.follow(event.grievanceId, kept.event.payload.reporter.id, kept.event.grievanceId, kept);
      } else {
        await this.apply(kept);
      }
    }
  }

  private async linked(event: ConsumedEvent<'grievance.linked.v1'>): Promise<void> {
    const p = event.payload;
    if (!(await this.follow(p.duplicateOf, p.reporterId, event.grievanceId, { topic: 'grievance.linked.v1', event }))) return;
    await this.notify('grievance.linked.v1', event, [p.reporterId]);
  }

  /**
   * The reporter of a duplicate follows the original as a co-reporter. An original not known
   * yet is waited for: `cause` is kept and applied again when it arrives (false is returned).
   */
  private async follow(originalId: string, reporterId: string, viaGrievanceId: string, cause: NotifiedEvent): Promise<boolean> {
    const original = await this.repository.findGrievance(originalId);
    if (!original) {
      await this.waitFor(originalId, cause);
      return false;
    }
    if (original.reporterId !== reporterId) {
      await this.repository.addCoReporter(originalId, reporterId, viaGrievanceId);
      await this.writes.coReporterAdded(originalId);
    }
    if (viaGrievanceId !== originalId) await this.repository.markDuplicateOf(viaGrievanceId, originalId);
    return true;
  }

  /** Keeps an event that came before the grievance it needs (its submission is still on its way, on another topic). */
  private async waitFor(grievanceId: string, { topic, event }: NotifiedEvent): Promise<void> {
    await this.repository.holdUntilKnown(grievanceId, topic, event);
    this.logger.debug({ grievanceId, topic, eventId: event.eventId }, 'the grievance is not known yet; the event waits for its submission');
  }

  private async progressed(notified: NotifiedEvent): Promise<void> {
    const { topic, event } = notified;
    // Read and locked once per transaction, written with the other events' changes right before it commits (see GrievanceWrites).
    const grievances = this.writes;
    const found = await grievances.current(event.grievanceId);
    if (!found) return this.waitFor(event.grievanceId, notified);
    // What this event decides on is the grievance as the events before it left it (a copy: the writer's state moves on).
    const grievance = Object.assign(new GrievanceEntity(), found);
    const change = this.statusChange(topic, event, grievance);
    if (change) grievances.change(found, change);
    if (notified.topic === 'grievance.routed.v1') {
      const language = notified.event.payload.reporter?.language;
      if (language) this.writes.setLanguage(grievance.reporterId, language);
    }

    if (notified.topic === 'ticket.verified.v1') await this.award(notified.event, grievance);
    if (notified.topic === 'grievance.rejected.v1' && grievance.status !== 'closed') {
      // A rejected grievance has nothing to rate: the loop closes at once.
      await this.outbox.publish(
        'grievance.closed.v1',
        causedBy(event, {
          topic: 'grievance.closed.v1',
          actor: SYSTEM_ACTOR,
          payload: { outcome: 'rejected', slaMet: await this.writes.slaMet(grievance.grievanceId) },
        }),
      );
    }
    if (notified.topic === 'grievance.resolved.v1' && grievance.status !== 'closed') {
      const resolved = notified.event;
      await this.ratingWindows.open({
        grievanceId: grievance.grievanceId,
        resolutionNo: grievance.resolutionNo + 1,
        resolvedBy: resolved.payload.resolvedBy,
        resolvedAt: new Date(resolved.occurredAt),
        kind: grievance.kind,
        correlationId: resolved.correlationId,
        causationId: resolved.eventId,
      });
    }
    await this.notify(topic, event, [grievance.reporterId]);
    await this.notifyCoReporters(topic, event, grievance);
  }

  /** The co-reporters of the grievance are told too, in the words meant for them (coReporterNotificationMessage). */
  private async notifyCoReporters<T extends NotifiedTopic>(topic: T, event: Envelope<T>, grievance: GrievanceEntity): Promise<void> {
    const coReporters = (await this.writes.coReporters(grievance.grievanceId)).filter((id) => id !== grievance.reporterId);
    this.send(event, coReporterNotificationMessage(topic, event, grievance.trackingNo ?? grievance.grievanceId), coReporters);
  }

  /**
   * What an event changes in the feedback service's view of the grievance: its status, by the
   * grievance-state reducer of the contracts (feedback keeps no times, so arrival order breaks
   * ties, but for its contest: the reporter's contest reopened it at contestedAt, so the contest
   * coming back to it, or an event from before it, does not undo what came after), and the
   * resolution and close the service keeps of its own. Nothing changes a closed grievance but its close.
   */
  private statusChange<T extends NotifiedTopic>(topic: T, event: Envelope<T>, grievance: GrievanceEntity): GrievanceChange | undefined {
    if (grievance.status === 'closed' && topic !== 'grievance.closed.v1') return undefined;
    const { status } = grievanceStateAfter({ ...submittedGrievanceState(), status: grievance.status, reopenedAt: grievance.contestedAt }, topic, event);
    const own = OWN_FACTS[topic]?.(event.payload, new Date(event.occurredAt));
    const change: GrievanceChange = { ...(status !== grievance.status ? { status } : {}), ...own };
    return Object.keys(change).length > 0 ? change : undefined;
  }

  /**
   * Points for a report confirmed on site: one ledger entry per worker and cause, so a redelivery pays nothing twice;
   * written with the other awards of the transaction, right before it commits (see PointsAwards).
   */
  private async award(event: ConsumedEvent<'ticket.verified.v1'>, grievance: GrievanceEntity): Promise<void> {
    const coReporters = await this.writes.coReporters(grievance.grievanceId);
    const awards = pointsForVerification(event.payload.verdict, grievance.reporterId, coReporters, {
      verifiedReport: this.config.POINTS_VERIFIED_REPORT,
      coReporterShare: this.config.POINTS_CO_REPORTER_SHARE,
    });
    PointsAwards.of(this.unitOfWork.transaction(), this.repository).add(
      awards.map((award) => {
        const entryId = uuidv7();
        return {
          entry: { id: entryId, ...award, grievanceId: grievance.grievanceId, causeEventId: event.eventId },
          event: causedBy(event, { topic: 'points.awarded.v1', actor: SYSTEM_ACTOR, payload: { entryId, ...award } }),
        };
      }),
    );
  }

  private async notify<T extends NotifiedTopic>(topic: T, event: Envelope<T>, recipients: string[]): Promise<void> {
    this.send(event, notificationMessage(topic, event), recipients);
  }

  private send(event: EventEnvelope, message: Message | undefined, recipients: string[]): void {
    if (!message || recipients.length === 0) return;
    const unique = [...new Set(recipients)];
    // Written with the other events of the transaction, right before it commits (see GrievanceWrites).
    this.writes.notify(
      unique.map((recipientId) => ({ recipientId, grievanceId: event.grievanceId, eventId: event.eventId, eventType: event.type, message })),
      this.sender.enabled ? 'pending' : 'off',
    );
  }
}
