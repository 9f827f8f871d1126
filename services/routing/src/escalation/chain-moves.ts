import { Injectable } from '@nestjs/common';
import { Actor, createEnvelope, EscalationTrigger, Holder, Level, PayloadOf, SupervisionCause, TopicName } from '@grievance/contracts';
import { OutboxTransaction } from '@grievance/messaging';
import { DomainError } from '@grievance/platform';
import { RoutingConfig } from '../config';
import { GrievanceDeadlines } from '../deadlines/grievance-deadlines';
import { GrievanceEntity } from '../grievances/grievance.entity';
import { GrievanceRepository } from '../grievances/grievance.repository';
import { SupervisionMoves } from '../supervision/supervision-moves';
import { supervisionRenewal } from '../supervision/supervision-rules';
import { ChainDirectory } from './chain-directory';
import { needsArbitration, nextRungDown, nextRungUp, TOP_LEVEL } from './chain-rules';
import { DEFAULT_LANGUAGE, t } from '@grievance/i18n';

/** Who caused a move and under which correlation: a person through HTTP, or the SLA check. */
export interface MoveCause {
  actor: Actor;
  correlationId: string;
  causationId: string | null;
}

/**
 * The moves of an appeal along the escalation chain (诉求直通): up (by hand, by a missed
 * deadline, for arbitration), down (退单), and supervision (督办) at the top. Each move
 * changes the owner and holder, passes the deadlines to the new rung and records the event,
 * all in the caller's transaction.
 */
@Injectable()
export class ChainMoves {
  constructor(
    private readonly grievances: GrievanceRepository,
    private readonly directory: ChainDirectory,
    private readonly deadlines: GrievanceDeadlines,
    private readonly config: RoutingConfig,
    private readonly supervision: SupervisionMoves,
  ) {}

  /** Passes the grievance to the next rung above that has someone. */
  async escalate(tx: OutboxTransaction, grievance: GrievanceEntity, trigger: EscalationTrigger, reason: string, cause: MoveCause): Promise<Holder> {
    const from = levelOf(grievance);
    const to = nextRungUp(grievance.chain, from);
    if (!to) throw DomainError.conflict('the 两新工委 is the top of the chain: there is no one above it to escalate to', undefined, { key: 'error.chain.top' });
    return this.move(tx, grievance, to, cause, (fromHolder, toHolder) =>
      this.publish(tx, grievance, cause, 'grievance.escalated.v1', { fromLevel: from, toLevel: to, fromHolder, toHolder, reason, automatic: trigger !== 'by_hand', trigger }),
    );
  }

  /**
   * Hands the grievance back to the rung below (退单), with a reason. One bounce too many and
   * it goes to the 两新工委 for arbitration instead.
   */
  async returnDown(tx: OutboxTransaction, grievance: GrievanceEntity, reason: string, attachmentIds: string[], cause: MoveCause): Promise<Holder> {
    const from = levelOf(grievance);
    const to = nextRungDown(grievance.chain, from);
    if (!to) throw DomainError.conflict('a liaison member is the first rung: there is no one below to return the grievance to', undefined, { key: 'error.chain.bottom' });
    const bounces = grievance.bounces + 1;
    grievance.bounces = bounces;
    if (needsArbitration(bounces, this.config.CHAIN_MAX_RETURNS, from === TOP_LEVEL)) {
      return this.move(tx, grievance, TOP_LEVEL, cause, (fromHolder, toHolder) =>
        this.publish(tx, grievance, cause, 'grievance.escalated.v1', {
          fromLevel: from,
          toLevel: TOP_LEVEL,
          fromHolder,
          toHolder,
          reason: t(DEFAULT_LANGUAGE, 'chain.arbitration', { bounces, max: this.config.CHAIN_MAX_RETURNS, reason }).slice(0, 2000),
          automatic: true,
          trigger: 'arbitration',
        }),
      );
    }
    return this.move(tx, grievance, to, cause, (fromHolder, toHolder) =>
      this.publish(tx, grievance, cause, 'grievance.returned.v1', { fromLevel: from, toLevel: to, fromHolder, toHolder, reason, bounces, ...(attachmentIds.length ? { attachmentIds } : {}) }),
    );
  }

  /**
   * Puts the grievance under supervision (督办); it stays with the 两新工委, never dropped. The
   * 两新工委 unit owns the supervision: its follow-up deadline starts (round 1). While that
   * deadline runs a new cause changes nothing; once it closed (the 两新工委 resolved the grievance,
   * which came back) a new cause opens the next round, up to SUPERVISION_MAX_ROUNDS.
   */
  async supervise(tx: OutboxTransaction, grievance: GrievanceEntity, why: SupervisionCause, reason: string, cause: MoveCause): Promise<boolean> {
    const open = grievance.supervisionRound > 0 ? await this.supervision.followUpOpen(tx, grievance.grievanceId) : false;
    const renewed = supervisionRenewal(grievance, open, this.config.SUPERVISION_MAX_ROUNDS);
    if (renewed.kind !== 'supervise') return false;
    const holder = grievance.owner ?? grievance.holder;
    await this.supervision.begin(tx, grievance, { holder, level: levelOf(grievance), supervisor: holder, cause: why, reason, round: renewed.round }, cause);
    return true;
  }

  /** The grievance now waits at `level` for that rung to acknowledge it. */
  async arriveAt(tx: OutboxTransaction, grievance: GrievanceEntity, level: Level, cause: Pick<MoveCause, 'correlationId' | 'causationId'>): Promise<Holder> {
    const holder = await this.directory.holderAt(grievance.chain, level);
    grievance.level = level;
    grievance.owner = holder;
    grievance.holder = holder;
    grievance.status = 'routed';
    grievance.resolution = null;
    await this.grievances.save(grievance);
    await this.deadlines.arrive(tx, grievance, holder, level, cause);
    return holder;
  }

  async publish<T extends TopicName>(tx: OutboxTransaction, grievance: GrievanceEntity, cause: MoveCause, topic: T, payload: PayloadOf<T>): Promise<void> {
    await tx.publish(topic, createEnvelope({ topic, grievanceId: grievance.grievanceId, actor: cause.actor, correlationId: cause.correlationId, causationId: cause.causationId, payload }));
  }

  /** Moves the grievance to the rung `to` (owner, holder, deadlines), then records the move. */
  private async move(tx: OutboxTransaction, grievance: GrievanceEntity, to: Level, cause: MoveCause, record: (from: Holder, to: Holder) => Promise<void>): Promise<Holder> {
    const fromHolder = grievance.owner ?? grievance.holder;
    const toHolder = await this.arriveAt(tx, grievance, to, cause);
    await record(fromHolder, toHolder);
    return toHolder;
  }
}

function levelOf(grievance: GrievanceEntity): Level {
  if (!grievance.level) throw new Error(`grievance ${grievance.grievanceId} is not on the escalation chain`);
  return grievance.level;
}
