import { Principal } from '@grievance/auth';
import { Level, LEVELS } from '@grievance/contracts';
import { OutboxTransaction, TransactionalOutbox } from '@grievance/messaging';
import { correlationIdForNewWork, currentCorrelationId, DomainError } from '@grievance/platform';
import { GrievanceEntity, WORKED_STATUSES } from '../grievances/grievance.entity';
import { GrievanceRepository } from '../grievances/grievance.repository';
import { MoveCause } from './chain-moves';
import { CHAIN_ROLES } from './chain-rules';

/** Whether the caller is a rung of the escalation chain (its inbox and actions are the chain's). */
export const isRung = (principal: Principal): boolean => (CHAIN_ROLES as readonly string[]).includes(principal.role);

/** The rung of a chain role's caller, and their unit (their own id for a liaison member). */
export function rungOf(principal: Principal): { level: Level; unitId: string } {
  if (!(LEVELS as readonly string[]).includes(principal.role) || !principal.orgUnitId) throw DomainError.forbidden('only a rung of the escalation chain has this inbox', undefined, { key: 'error.chain.onlyRung' });
  return { level: principal.role as Level, unitId: principal.orgUnitId };
}

/** What the caller's rung owns now, oldest first. */
export async function rungInbox(grievances: GrievanceRepository, principal: Principal, limit: number): Promise<GrievanceEntity[]> {
  return grievances.rungInbox(rungOf(principal).unitId, limit);
}

export type RungAction = (tx: OutboxTransaction, grievance: GrievanceEntity, cause: MoveCause) => Promise<void>;

/**
 * Runs a rung's action on a grievance the caller's rung owns now, in one transaction; anyone
 * else's reads as missing, a finished one refuses. A caller who is no rung is refused at once.
 */
export function actOnOwnAppeal(outbox: TransactionalOutbox, grievances: GrievanceRepository, principal: Principal, grievanceId: string, action: RungAction): Promise<GrievanceEntity> {
  const rung = rungOf(principal);
  return outbox.run(async (tx) => {
    const grievance = await grievances.findForUpdate(grievanceId);
    if (!grievance || grievance.owner?.id !== rung.unitId || grievance.level !== rung.level) throw DomainError.notFound('grievance', grievanceId);
    if (!WORKED_STATUSES.includes(grievance.status)) throw DomainError.conflict(`the grievance is ${grievance.status}; nothing more can be done with it here`, undefined, { key: 'error.grievance.finished', params: { status: grievance.status } });
    const cause: MoveCause = { actor: { id: principal.sub, role: principal.role }, correlationId: correlationIdForNewWork(), causationId: currentCorrelationId() ?? null };
    await action(tx, grievance, cause);
    return grievance;
  });
}
