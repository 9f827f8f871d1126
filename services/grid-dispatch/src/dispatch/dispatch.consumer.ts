import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { BeforeConsuming, ConsumedEvent, HandlesEvent } from '@grievance/platform';
import { SlaEngine } from '@grievance/sla';
import { ApplySlaPolicyChange } from '../deadlines/apply-policy-change.use-case';
import { ApplyDirectoryChange } from '../directory/apply-directory-change.use-case';
import { AdoptUntimedTickets } from './adopt-untimed-tickets.use-case';
import { OpenTicket } from './open-ticket.use-case';
import { RecheckContested } from './recheck-contested.use-case';

/** The grid-dispatch service's consumer group. */
export const GRID_DISPATCH_CONSUMER_GROUP = 'grid-dispatch';

/**
 * Turns each event grid-dispatch's dispatch group consumes into a use case call, inside the
 * consumer's unit of work: `grievance.routed.v1` (a hazard with a grid gets a ticket, with the
 * report the routing carries, and is dispatched), `grievance.contested.v1` (the reporter
 * contested the invalid verdict: another grid worker checks again), `sla.policy-changed.v1` (the SLA
 * settings follow routing's admin API) and `directory.entry-changed.v1` (grids and grid
 * workers follow routing's directory; the group reads the compacted topic from its
 * beginning, so a new one starts with the whole directory).
 */
@Injectable()
export class DispatchConsumer implements BeforeConsuming {
  constructor(
    private readonly logger: PinoLogger,
    private readonly sla: SlaEngine,
    private readonly adoptUntimedTickets: AdoptUntimedTickets,
    private readonly openTicket: OpenTicket,
    private readonly recheckContested: RecheckContested,
    private readonly applyPolicyChange: ApplySlaPolicyChange,
    private readonly applyDirectoryChange: ApplyDirectoryChange,
  ) {
    this.logger.setContext('grid-dispatch');
  }

  /** Before the first event: the SLA engine open (policies seeded, open deadlines re-armed) and every dispatched ticket timed. */
  async beforeConsuming(): Promise<void> {
    // Opening is idempotent (the SLA module opens it too): it must be open before the first routed hazard asks it for a budget.
    await this.sla.open();
    const adopted = await this.adoptUntimedTickets.execute();
    if (adopted > 0) this.logger.info({ adopted }, 'dispatched tickets without an accept deadline got one');
  }

  @HandlesEvent('grievance.routed.v1')
  async routed({ grievanceId, eventId, correlationId, payload }: ConsumedEvent<'grievance.routed.v1'>): Promise<void> {
    await this.openTicket.execute({ grievanceId, eventId, correlationId, kind: payload.kind, category: payload.category, gridId: payload.gridId, report: payload.report });
  }

  @HandlesEvent('grievance.contested.v1')
  async contested({ grievanceId, eventId, payload }: ConsumedEvent<'grievance.contested.v1'>): Promise<void> {
    await this.recheckContested.execute({ grievanceId, eventId, verdictBy: payload.verdictBy.id });
  }

  @HandlesEvent('sla.policy-changed.v1')
  async policyChanged({ payload, actor }: ConsumedEvent<'sla.policy-changed.v1'>): Promise<void> {
    await this.applyPolicyChange.execute({ change: payload, actorId: actor.id });
  }

  @HandlesEvent('directory.entry-changed.v1')
  async directoryChanged({ payload }: ConsumedEvent<'directory.entry-changed.v1'>): Promise<void> {
    await this.applyDirectoryChange.execute(payload);
  }
}
