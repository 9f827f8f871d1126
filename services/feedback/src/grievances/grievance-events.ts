import { Inject, Injectable } from '@nestjs/common';
import { causedBy, EventEnvelope, grievanceStateAfter, PayloadOf, submittedGrievanceState, SYSTEM_ACTOR } from '@grievance/contracts';
import type { Message } from '@grievance/i18n';
import { OutboxTransaction } from '@grievance/messaging';
import { PinoLogger } from 'nestjs-pino';
import { RatingWindows } from '../auto-close/rating-window';
import { FeedbackConfig } from '../config';
import { coReporterNotificationMessage, notificationMessage, NotifiedTopic } from '../notifications/messages';
import { NOTIFICATION_SENDER, NotificationSender } from '../notifications/notification-sender';
import { pointsForVerification } from '../points/points-rules';
import { GrievanceEntity } from './entities';
import { FeedbackRepository, GrievanceChange } from './feedback.repository';
import { GrievanceWrites } from './grievance-writes';

type Envelope<T extends NotifiedTopic> = EventEnvelope<PayloadOf<T>>;

/** What the service keeps of a resolution (to rate it) and of a close, beside the status. */
const OWN_FACTS: { [K in NotifiedTopic]?: (p: PayloadOf<K>, at: Date) => GrievanceChange } = {
  'grievance.resolved.v1': (p, at) => ({ resolvedBy: p.resolvedBy, resolution: p.resolution, resolvedAt: at, newResolution: true }),
  'grievance.closed.v1': (p, at) => ({ closeOutcome: p.outcome, closedAt: at, ...(p.rating ? { rating: p.rating } : {}) }),
  'grievance.rejected.v1': (p, at) => ({ rejectedBy: p.rejectedBy, rejectedAt: at }),
};

/**
 * Applies the events of a grievance to the feedback service's view of it, inside the
 * consumer's inbox transaction: updates the status, notifies the reporter and the
 * co-reporters, awards points, closes rejected grievances and opens the rating window of a resolution.
 */
@Injectable()
export class GrievanceEvents {
  constructor(
    private readonly repository: FeedbackRepository,
    private readonly config: FeedbackConfig,
    private readonly ratingWindows: RatingWindows,
    @Inject(NOTIFICATION_SENDER) private readonly sender: NotificationSender,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext('grievance-events');
  }

  async apply<T extends NotifiedTopic>(topic: T, event: Envelope<T>, tx: OutboxTransaction): Promise<void> {
    switch (topic) {
      case 'grievance.submitted.v1':
        return this.submitted(event as Envelope<'grievance.submitted.v1'>, tx);
      case 'grievance.linked.v1':
        return this.linked(event as Envelope<'grievance.linked.v1'>, tx);
      default:
        return this.progressed(topic, event, tx);
    }
  }

  private async submitted(event: Envelope<'grievance.submitted.v1'>, tx: OutboxTransaction): Promise<void> {
    const p = event.payload;
    await this.repository.insertGrievance(tx.manager, {
      grievanceId: event.grievanceId,
      trackingNo: p.trackingNo,
      title: p.title,
      reporterId: p.reporter.id,
      kind: p.kind,
      duplicateOf: p.duplicateOf,
      status: 'submitted',
    });
    GrievanceWrites.of(tx, this.repository).stored(event.grievanceId);
    // The language the submission asked for (Accept-Language); routing may know better (the registration).
    if (p.reporter.language) GrievanceWrites.of(tx, this.repository).setLanguage(p.reporter.id, p.reporter.language);
    if (p.duplicateOf) await this.follow(tx, p.duplicateOf, p.reporter.id, event.grievanceId, { topic: 'grievance.submitted.v1', event });
    await this.notify(tx, 'grievance.submitted.v1', event, [p.reporter.id]);
    // What came before the submission (on other topics, read sooner) applies now, in the order it came.
    for (const waiting of await this.repository.takeWaiting(tx.manager, event.grievanceId)) {
      if (waiting.topic === 'grievance.submitted.v1') {
        // A duplicate's submission that came before its original: it follows the original now.
        const duplicate = waiting.event as Envelope<'grievance.submitted.v1'>;
        await this.follow(tx, event.grievanceId, duplicate.payload.reporter.id, duplicate.grievanceId, { topic: waiting.topic, event: duplicate });
      } else {
        await this.apply(waiting.topic as NotifiedTopic, waiting.event as Envelope<NotifiedTopic>, tx);
      }
    }
  }

  /**
   * A deadline of the grievance broke (any service's: a grid worker's accept, a rung's or a
   * department's): remembered, so its close says the SLA was not met. Not a notification:
   * the escalation or re-dispatch it causes is.
   */
  async breached(event: EventEnvelope<PayloadOf<'sla.breached.v1'>>, tx: OutboxTransaction): Promise<void> {
    const p = event.payload;
    // Written with the other events of the transaction, right before it commits (see GrievanceWrites).
    GrievanceWrites.of(tx, this.repository).recordBreach({
      grievanceId: event.grievanceId,
      deadlineId: p.deadlineId,
      target: p.target,
      holder: p.holder,
      firedAt: new Date(p.firedAt),
      eventId: event.eventId,
    });
  }

  private async linked(event: Envelope<'grievance.linked.v1'>, tx: OutboxTransaction): Promise<void> {
    const p = event.payload;
    if (!(await this.follow(tx, p.duplicateOf, p.reporterId, event.grievanceId, { topic: 'grievance.linked.v1', event }))) return;
    await this.notify(tx, 'grievance.linked.v1', event, [p.reporterId]);
  }

  /**
   * The reporter of a duplicate follows the original as a co-reporter. An original not known
   * yet is waited for: `cause` is kept and applied again when it arrives (false is returned).
   */
  private async follow(
    tx: OutboxTransaction,
    originalId: string,
    reporterId: string,
    viaGrievanceId: string,
    cause: { topic: NotifiedTopic; event: EventEnvelope },
  ): Promise<boolean> {
    const original = await this.repository.findGrievance(tx.manager, originalId);
    if (!original) {
      await this.waitFor(tx, originalId, cause.topic, cause.event);
      return false;
    }
    if (original.reporterId !== reporterId) {
      await this.repository.addCoReporter(tx.manager, originalId, reporterId, viaGrievanceId);
      await GrievanceWrites.of(tx, this.repository).coReporterAdded(originalId);
    }
    if (viaGrievanceId !== originalId) {
      await tx.manager.query(`UPDATE feedback_grievances SET duplicate_of = $2 WHERE grievance_id = $1 AND duplicate_of IS NULL`, [
        viaGrievanceId,
        originalId,
      ]);
    }
    return true;
  }

  /** Keeps an event that came before the grievance it needs (its submission is still on its way, on another topic). */
  private async waitFor(tx: OutboxTransaction, grievanceId: string, topic: NotifiedTopic, event: EventEnvelope): Promise<void> {
    await this.repository.holdUntilKnown(tx.manager, grievanceId, topic, event);
    this.logger.debug({ grievanceId, topic, eventId: event.eventId }, 'the grievance is not known yet; the event waits for its submission');
  }

  private async progressed<T extends NotifiedTopic>(topic: T, event: Envelope<T>, tx: OutboxTransaction): Promise<void> {
    // Read and locked once per transaction, written with the other events' changes right before it commits (see GrievanceWrites).
    const grievances = GrievanceWrites.of(tx, this.repository);
    const found = await grievances.current(event.grievanceId);
    if (!found) return this.waitFor(tx, event.grievanceId, topic, event);
    // What this event decides on is the grievance as the events before it left it (a copy: the writer's state moves on).
    const grievance = Object.assign(new GrievanceEntity(), found);
    const change = this.statusChange(topic, event, grievance);
    if (change) grievances.change(found, change);
    if (topic === 'grievance.routed.v1') {
      const language = (event as Envelope<'grievance.routed.v1'>).payload.reporter?.language;
      if (language) GrievanceWrites.of(tx, this.repository).setLanguage(grievance.reporterId, language);
    }

    if (topic === 'ticket.verified.v1') await this.award(event as Envelope<'ticket.verified.v1'>, grievance, tx);
    if (topic === 'grievance.rejected.v1' && grievance.status !== 'closed') {
      // A rejected grievance has nothing to rate: the loop closes at once.
      await tx.publish(
        'grievance.closed.v1',
        causedBy(event, {
          topic: 'grievance.closed.v1',
          actor: SYSTEM_ACTOR,
          payload: { outcome: 'rejected', slaMet: await GrievanceWrites.of(tx, this.repository).slaMet(grievance.grievanceId) },
        }),
      );
    }
    if (topic === 'grievance.resolved.v1' && grievance.status !== 'closed') {
      const p = (event as Envelope<'grievance.resolved.v1'>).payload;
      await this.ratingWindows.open(tx, {
        grievanceId: grievance.grievanceId,
        resolutionNo: grievance.resolutionNo + 1,
        resolvedBy: p.resolvedBy,
        resolvedAt: new Date(event.occurredAt),
        kind: grievance.kind,
        correlationId: event.correlationId,
        causationId: event.eventId,
      });
    }
    await this.notify(tx, topic, event, [grievance.reporterId]);
    await this.notifyCoReporters(tx, topic, event, grievance);
  }

  /** The co-reporters of the grievance are told too, in the words meant for them (coReporterNotificationMessage). */
  private async notifyCoReporters<T extends NotifiedTopic>(tx: OutboxTransaction, topic: T, event: Envelope<T>, grievance: GrievanceEntity): Promise<void> {
    const coReporters = (await GrievanceWrites.of(tx, this.repository).coReporters(grievance.grievanceId)).filter((id) => id !== grievance.reporterId);
    await this.send(tx, event, coReporterNotificationMessage(topic, event, grievance.trackingNo ?? grievance.grievanceId), coReporters);
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

  /** Points for a report confirmed on site: one ledger entry per worker and cause, so a redelivery pays nothing twice. */
  private async award(event: Envelope<'ticket.verified.v1'>, grievance: GrievanceEntity, tx: OutboxTransaction): Promise<void> {
    const coReporters = await GrievanceWrites.of(tx, this.repository).coReporters(grievance.grievanceId);
    const awards = pointsForVerification(event.payload.verdict, grievance.reporterId, coReporters, {
      verifiedReport: this.config.POINTS_VERIFIED_REPORT,
      coReporterShare: this.config.POINTS_CO_REPORTER_SHARE,
    });
    for (const award of awards) {
      const entryId = await this.repository.appendPoints(tx.manager, { ...award, grievanceId: grievance.grievanceId, causeEventId: event.eventId });
      if (!entryId) continue;
      await tx.publish(
        'points.awarded.v1',
        causedBy(event, { topic: 'points.awarded.v1', actor: SYSTEM_ACTOR, payload: { entryId, ...award } }),
      );
    }
  }

  private async notify<T extends NotifiedTopic>(tx: OutboxTransaction, topic: T, event: Envelope<T>, recipients: string[]): Promise<void> {
    await this.send(tx, event, notificationMessage(topic, event), recipients);
  }

  private async send(tx: OutboxTransaction, event: EventEnvelope, message: Message | undefined, recipients: string[]): Promise<void> {
    if (!message || recipients.length === 0) return;
    const unique = [...new Set(recipients)];
    // Written with the other events of the transaction, right before it commits (see GrievanceWrites).
    GrievanceWrites.of(tx, this.repository).notify(
      unique.map((recipientId) => ({ recipientId, grievanceId: event.grievanceId, eventId: event.eventId, eventType: event.type, message })),
      this.sender.enabled ? 'pending' : 'off',
    );
  }
}
