import { Injectable } from '@nestjs/common';
import { createEnvelope, Rating } from '@grievance/contracts';
import { TransactionalOutbox, UnitOfWork } from '@grievance/messaging';
import { Clock, DomainError } from '@grievance/platform';
import { RatingWindows } from '../auto-close/rating-window';
import { grievanceCaughtUp } from '../grievances/caught-up';
import { FeedbackRepository } from '../grievances/feedback.repository';
import { DEFAULT_LANGUAGE, t } from '@grievance/i18n';

export interface RateGrievanceCommand {
  grievanceId: string;
  reporterId: string;
  rating: Rating;
  comment?: string;
  correlationId: string;
}

export interface RateGrievanceResult {
  grievanceId: string;
  rating: Rating;
  /** Where the grievance stands now: closed, or in_progress when the rating reopened it. */
  status: 'closed' | 'in_progress';
}

/**
 * The reporter rates a resolved grievance (回访): once per resolution. Unsatisfied sends a
 * hazard back to whoever resolved it, and leaves an appeal to routing (the next rung up);
 * satisfied or basically satisfied closes the loop, saying whether every deadline held.
 */
@Injectable()
export class RateGrievance {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly outbox: TransactionalOutbox,
    private readonly repository: FeedbackRepository,
    private readonly ratingWindows: RatingWindows,
    private readonly clock: Clock,
  ) {}

  async execute(command: RateGrievanceCommand): Promise<RateGrievanceResult> {
    // The reporter saw the resolution (intake's view); feedback may apply it a moment later.
    await grievanceCaughtUp(
      (id) => this.repository.findGrievance(id),
      command.grievanceId,
      (grievance) => !!grievance && (grievance.reporterId !== command.reporterId || grievance.status === 'resolved' || grievance.status === 'closed'),
    );
    return this.unitOfWork.run(async () => {
      // The rating window first, then the grievance: the order its firing locks them in, so a rating
      // at the window's last moment waits for the auto-close (or wins) instead of deadlocking.
      const seen = await this.repository.findGrievance(command.grievanceId);
      if (seen?.status === 'resolved') await this.ratingWindows.end(seen.grievanceId, seen.resolutionNo);
      const grievance = await this.repository.findGrievance(command.grievanceId, { lock: true });
      // Someone else's grievance reads as missing: its existence is not the caller's business.
      // Co-reporters (whose duplicates were joined to it) do not rate it either: as on the 12345
      // hotlines, the callback (回访) goes to the one who raised the grievance, so each resolution
      // has one verdict and one chance to reopen it; co-reporters are told how it ended instead.
      if (!grievance || grievance.reporterId !== command.reporterId) throw DomainError.notFound('grievance', command.grievanceId);
      if (grievance.status !== 'resolved' || !grievance.resolvedBy) {
        throw DomainError.conflict(
          grievance.status === 'closed' ? 'the grievance is closed and cannot be rated again' : `only a resolved grievance can be rated; it is ${grievance.status}`,
          { status: grievance.status }, grievance.status === 'closed' ? { key: 'error.rating.closed' } : { key: 'error.rating.notResolved', params: { status: grievance.status } },
        );
      }
      const stored = await this.repository.insertRating({
        grievanceId: grievance.grievanceId,
        reporterId: command.reporterId,
        resolutionNo: grievance.resolutionNo,
        rating: command.rating,
        comment: command.comment,
      });
      if (!stored) throw DomainError.conflict('this resolution was already rated', undefined, { key: 'error.rating.alreadyRated' });
      if (grievance.resolutionNo !== seen?.resolutionNo) await this.ratingWindows.end(grievance.grievanceId, grievance.resolutionNo);

      const actor = { id: command.reporterId, role: 'worker' as const };
      const base = { grievanceId: grievance.grievanceId, actor, correlationId: command.correlationId };
      const rated = createEnvelope({
        ...base,
        topic: 'feedback.rated.v1',
        payload: { reporterId: command.reporterId, rating: command.rating, ...(command.comment ? { comment: command.comment } : {}) },
      });
      await this.outbox.publish('feedback.rated.v1', rated);
      const follow = { ...base, causationId: rated.eventId };

      if (command.rating === 'unsatisfied') {
        await this.repository.updateGrievance(grievance.grievanceId, { status: 'in_progress', rating: command.rating });
        // An appeal is reopened by routing, at the next rung up the chain (it reads feedback.rated.v1 and
        // publishes grievance.reopened.v1 itself), not at the rung that failed the reporter.
        if (grievance.kind === 'appeal') return { grievanceId: grievance.grievanceId, rating: command.rating, status: 'in_progress' };
        const reason = command.comment?.trim() ? command.comment.trim() : t(DEFAULT_LANGUAGE, 'reason.reporterUnsatisfied');
        await this.outbox.publish(
          'grievance.reopened.v1',
          createEnvelope({ ...follow, topic: 'grievance.reopened.v1', payload: { reason, reopenedTo: grievance.resolvedBy } }),
        );
        return { grievanceId: grievance.grievanceId, rating: command.rating, status: 'in_progress' };
      }

      const now = this.clock.now();
      await this.repository.updateGrievance(grievance.grievanceId, {
        status: 'closed',
        rating: command.rating,
        closeOutcome: 'resolved',
        closedAt: now,
      });
      await this.outbox.publish(
        'grievance.closed.v1',
        createEnvelope({
          ...follow,
          topic: 'grievance.closed.v1',
          occurredAt: now,
          payload: { outcome: 'resolved', rating: command.rating, slaMet: await this.repository.slaMet(grievance.grievanceId) },
        }),
      );
      return { grievanceId: grievance.grievanceId, rating: command.rating, status: 'closed' };
    });
  }
}
