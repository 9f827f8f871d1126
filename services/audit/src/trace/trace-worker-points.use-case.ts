import { Injectable } from '@nestjs/common';
import { pointsAccountId } from '@grievance/contracts';
import { maskPersonalData } from '@grievance/platform';
import { verifyChain } from '../dossier/chain';
import { DossierRepository } from '../dossier/dossier.repository';

export interface WorkerPointsMovement {
  eventId: string;
  type: string;
  occurredAt: string;
  actor: { id: string; role: string };
  /** The movement on the ledger (negative for a redemption); 0 for a hand-over. */
  points: number;
  /** The sum of the movements up to and including this one. */
  balanceAfter: number;
  payload: unknown;
  /** The chain that holds it: a grievance's (a verified report's award) or the worker's account. */
  chain: { grievanceId: string; chainIndex: number; hash: string };
}

export interface WorkerPointsView {
  workerId: string;
  /** The chain of the worker's movements that belong to no grievance. */
  accountId: string;
  balance: number;
  movements: WorkerPointsMovement[];
  /** Every chain holding one of the movements verifies. */
  verified: boolean;
  /** The chains that do not verify, if any. */
  brokenChains: string[];
}

/**
 * Every points movement of one worker, as the dossier recorded it: the awards for verified
 * reports (in their grievances' chains), volunteering awards, redemptions and hand-overs (in the
 * worker's account), in time order with the running balance, and whether each chain holding
 * them still verifies. As in a grievance's trace, phone numbers in free text (a volunteer's note) are masked.
 */
@Injectable()
export class TraceWorkerPoints {
  constructor(private readonly dossier: DossierRepository) {}

  async execute({ workerId }: { workerId: string }): Promise<WorkerPointsView> {
    const rows = await this.dossier.pointsMovementsOf(workerId);
    const chains = [...new Set(rows.map((r) => r.grievanceId))];
    const brokenChains: string[] = [];
    for (const grievanceId of chains) {
      if (!verifyChain(grievanceId, await this.dossier.chainOf(grievanceId)).verified) brokenChains.push(grievanceId);
    }
    let balance = 0;
    const movements = rows.map((row): WorkerPointsMovement => {
      const event = row.event as unknown as { type: string; occurredAt: string; actor: { id: string; role: string }; payload: { points?: unknown } };
      const points = event.type === 'points.handed-over' || typeof event.payload?.points !== 'number' ? 0 : event.payload.points;
      balance += points;
      return {
        eventId: row.eventId,
        type: event.type,
        occurredAt: event.occurredAt,
        actor: { id: event.actor?.id, role: event.actor?.role },
        points,
        balanceAfter: balance,
        payload: event.payload,
        chain: { grievanceId: row.grievanceId, chainIndex: row.chainIndex, hash: row.hash },
      };
    });
    return maskPersonalData({ workerId, accountId: pointsAccountId(workerId), balance, movements, verified: brokenChains.length === 0, brokenChains });
  }
}
