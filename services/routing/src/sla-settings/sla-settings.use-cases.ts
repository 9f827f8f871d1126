import { Injectable } from '@nestjs/common';
import { Principal } from '@grievance/auth';
import { createEnvelope, SLA_SETTINGS_STREAM_ID } from '@grievance/contracts';
import { OutboxTransaction, TransactionalOutbox } from '@grievance/messaging';
import { correlationIdForNewWork, currentCorrelationId } from '@grievance/platform';
import { CalendarSpec, policyChangedPayload, SettingsChange, SlaPolicy, SlaSettingsStore, VersionedCalendar, VersionedPolicy } from '@grievance/sla';
import { PutCalendarDto, PutPolicyDto, RetirePolicyDto } from './sla-settings.dto';

/**
 * Publishes each change of the settings as sla.policy-changed.v1 in its own transaction:
 * the record for auditors, and how the other services with deadlines follow the one admin API.
 */
export async function publishSettingsChange(change: SettingsChange, tx: OutboxTransaction): Promise<void> {
  if (change.action === 'seed') return;
  await tx.publish(
    'sla.policy-changed.v1',
    createEnvelope({
      topic: 'sla.policy-changed.v1',
      grievanceId: SLA_SETTINGS_STREAM_ID,
      actor: { id: change.actor, role: 'admin' },
      correlationId: correlationIdForNewWork(),
      causationId: currentCorrelationId() ?? null,
      payload: policyChangedPayload(change),
      occurredAt: change.changedAt,
    }),
  );
}

/** The admin's SLA policies and calendars: changes apply to deadlines started after them. */
@Injectable()
export class SlaSettingsAdmin {
  constructor(
    private readonly store: SlaSettingsStore,
    private readonly outbox: TransactionalOutbox,
  ) {}

  policies(): Promise<VersionedPolicy[]> {
    return this.store.listPolicies();
  }

  calendars(): Promise<VersionedCalendar[]> {
    return this.store.listCalendars();
  }

  history(filter: { kind?: 'policy' | 'calendar'; id?: string; limit?: number }): Promise<SettingsChange[]> {
    return this.store.history(filter);
  }

  putPolicy(principal: Principal, id: string, dto: PutPolicyDto): Promise<VersionedPolicy> {
    const { reason, expectedVersion, ...body } = dto;
    return this.outbox.run((tx) => this.store.putPolicy(tx, { ...body, id } as SlaPolicy, { actor: principal.sub, reason, expectedVersion }));
  }

  retirePolicy(principal: Principal, id: string, dto: RetirePolicyDto): Promise<void> {
    return this.outbox.run((tx) => this.store.retirePolicy(tx, id, { actor: principal.sub, reason: dto.reason, expectedVersion: dto.expectedVersion }));
  }

  putCalendar(principal: Principal, id: string, dto: PutCalendarDto): Promise<VersionedCalendar> {
    const { reason, expectedVersion, ...body } = dto;
    return this.outbox.run((tx) => this.store.putCalendar(tx, { ...body, id } as CalendarSpec, { actor: principal.sub, reason, expectedVersion }));
  }
}
