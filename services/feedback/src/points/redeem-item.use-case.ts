import { Injectable } from '@nestjs/common';
import { createEnvelope, pointsAccountId, uuidv7 } from '@grievance/contracts';
import { TransactionalOutbox, UnitOfWork } from '@grievance/messaging';
import { Clock, DomainError } from '@grievance/platform';
import { redemptionRefusal, RedemptionRefusal } from './points-rules';
import { CatalogueItem, PointsRepository, Redemption } from './points.repository';

export interface RedeemItemCommand {
  workerId: string;
  stationId: string;
  itemId: string;
  idempotencyKey: string;
  correlationId: string;
}

/**
 * A worker spends points on an item of a station's catalogue (兑换). In one transaction,
 * under the worker's lock (so their balance cannot be spent twice): the same Idempotency-Key
 * again answers the redemption it made; otherwise the item must be in stock and cost no more
 * than the balance, one is taken from the stock by a conditional UPDATE (of two takers of the
 * last one, exactly one wins), the ledger gets a negative entry and points.redeemed.v1 goes
 * out through the outbox. A refusal writes nothing (and is not remembered: the same key may
 * succeed later, once the worker has the points).
 */
@Injectable()
export class RedeemItem {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly outbox: TransactionalOutbox,
    private readonly points: PointsRepository,
    private readonly clock: Clock,
  ) {}

  execute(command: RedeemItemCommand): Promise<Redemption> {
    return this.unitOfWork.run(async () => {
      await this.points.lockWorker(command.workerId);
      const seen = await this.points.findRedemptionByKey(command.workerId, command.idempotencyKey);
      if (seen) {
        if (seen.stationId !== command.stationId || seen.itemId !== command.itemId) {
          throw DomainError.unprocessable('this Idempotency-Key was already used with a different request', undefined, { key: 'error.points.idempotencyReused' });
        }
        return seen;
      }
      const item = await this.points.findItem(command.stationId, command.itemId);
      if (!item) throw DomainError.notFound('catalogue item', command.itemId);
      const balance = await this.points.balanceOf(command.workerId);
      const refusal = redemptionRefusal(item, balance);
      if (refusal) throw refusalError(refusal, item, balance);
      // Another redemption may have taken the last one since the read: the UPDATE decides.
      if (!(await this.points.takeOne(item.id))) throw refusalError('outOfStock', item, balance);

      const now = this.clock.now();
      const redemptionId = uuidv7();
      const entryId = uuidv7();
      const balanceAfter = balance - item.cost;
      const event = createEnvelope({
        topic: 'points.redeemed.v1',
        grievanceId: pointsAccountId(command.workerId),
        actor: { id: command.workerId, role: 'worker' },
        correlationId: command.correlationId,
        occurredAt: now,
        payload: {
          redemptionId,
          entryId,
          workerId: command.workerId,
          stationId: item.stationId,
          itemId: item.id,
          itemName: item.name,
          kind: item.kind,
          points: -item.cost,
          balanceAfter,
        },
      });
      await this.points.appendDebit({
        id: entryId,
        workerId: command.workerId,
        points: item.cost,
        stationId: item.stationId,
        redemptionId,
        causeEventId: event.eventId,
        at: now,
      });
      const redemption = await this.points.insertRedemption(
        {
          id: redemptionId,
          workerId: command.workerId,
          stationId: item.stationId,
          itemId: item.id,
          itemName: item.name,
          kind: item.kind,
          cost: item.cost,
          entryId,
          balanceAfter,
          idempotencyKey: command.idempotencyKey,
        },
        now,
      );
      await this.outbox.publish('points.redeemed.v1', event);
      return redemption;
    });
  }
}

/** The refusal as the worker reads it: a 409 whose details name the reason. */
function refusalError(reason: RedemptionRefusal, item: CatalogueItem, balance: number): DomainError {
  switch (reason) {
    case 'outOfStock':
      return DomainError.conflict(`${item.name} is out of stock`, { reason, itemId: item.id, stock: 0 }, { key: 'error.points.outOfStock', params: { item: item.name } });
    case 'insufficientPoints':
      return DomainError.conflict(
        `${item.name} costs ${item.cost} points; the balance is ${balance}`,
        { reason, itemId: item.id, cost: item.cost, balance },
        { key: 'error.points.insufficientPoints', params: { item: item.name, cost: item.cost, balance } },
      );
  }
}
