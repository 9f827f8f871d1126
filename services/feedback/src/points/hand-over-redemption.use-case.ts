import { Injectable } from '@nestjs/common';
import { createEnvelope, pointsAccountId } from '@grievance/contracts';
import { TransactionalOutbox, UnitOfWork } from '@grievance/messaging';
import { Clock, DomainError } from '@grievance/platform';
import { PointsRepository, Redemption } from './points.repository';

export interface HandOverCommand {
  stationId: string;
  staffId: string;
  redemptionId: string;
  correlationId: string;
}

/**
 * The station's staff confirm they handed a redeemed item to its worker (or granted the
 * wish): once, for a redemption of their own station (another's reads as missing).
 * points.handed-over.v1 records it; no points move.
 */
@Injectable()
export class HandOverRedemption {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly outbox: TransactionalOutbox,
    private readonly points: PointsRepository,
    private readonly clock: Clock,
  ) {}

  execute(command: HandOverCommand): Promise<Redemption> {
    return this.unitOfWork.run(async () => {
      const redemption = await this.points.findRedemptionAt(command.stationId, command.redemptionId);
      if (!redemption) throw DomainError.notFound('redemption', command.redemptionId);
      if (redemption.state === 'handed_over') {
        throw DomainError.conflict(
          'this redemption was already handed over',
          { handedOverAt: redemption.handedOverAt?.toISOString() },
          { key: 'error.points.alreadyHandedOver', params: { handedOverAt: redemption.handedOverAt?.toISOString() ?? '' } },
        );
      }
      const now = this.clock.now();
      const handedOver = await this.points.markHandedOver(redemption.id, command.staffId, now);
      await this.outbox.publish(
        'points.handed-over.v1',
        createEnvelope({
          topic: 'points.handed-over.v1',
          grievanceId: pointsAccountId(redemption.workerId),
          actor: { id: command.staffId, role: 'station_staff' },
          correlationId: command.correlationId,
          occurredAt: now,
          payload: {
            redemptionId: redemption.id,
            workerId: redemption.workerId,
            stationId: redemption.stationId,
            itemId: redemption.itemId,
            itemName: redemption.itemName,
            kind: redemption.kind,
            handedOverBy: command.staffId,
          },
        }),
      );
      return handedOver;
    });
  }
}
