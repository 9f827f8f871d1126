import { createEnvelope, SLA_SETTINGS_STREAM_ID } from '@grievance/contracts';
import { OutboxTransaction } from '@grievance/messaging';
import { correlationIdForNewWork, currentCorrelationId } from '@grievance/platform';
import { policyChangedPayload, SettingsChange } from '@grievance/sla';

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
