import { Module } from '@nestjs/common';
import { TransactionalOutbox } from '@grievance/messaging';
import { bullPrefixFor } from '@grievance/platform';
import { SlaModule, SlaSettingsStore } from '@grievance/sla';
import { DataSource } from 'typeorm';
import { RoutingConfig } from '../config';
import { EscalateOnBreach } from '../escalation/escalate-on-breach';
import { publishSettingsChange } from '../sla-settings/publish-settings-change';

/** What the engine is built with: the settings store (whose changes are published) and the chain's breach handler. */
@Module({
  providers: [
    { provide: SlaSettingsStore, inject: [DataSource], useFactory: (dataSource: DataSource) => new SlaSettingsStore(dataSource, { onChanged: publishSettingsChange }) },
    EscalateOnBreach,
  ],
  exports: [SlaSettingsStore, EscalateOnBreach],
})
export class RoutingSlaSupportModule {}

/** Routing's SLA engine (queue `routing.sla`): the rungs' and the departments' deadlines. */
export const RoutingSlaModule = SlaModule.forRootAsync({
  imports: [RoutingSlaSupportModule],
  inject: [DataSource, TransactionalOutbox, RoutingConfig, EscalateOnBreach, SlaSettingsStore],
  useFactory: (dataSource: DataSource, outbox: TransactionalOutbox, config: RoutingConfig, escalate: EscalateOnBreach, settings: SlaSettingsStore) => ({
    dataSource,
    outbox,
    queueName: 'routing.sla',
    redisUrl: config.REDIS_URL,
    prefix: bullPrefixFor(config.KAFKA_TOPIC_PREFIX),
    timeScale: config.SLA_TIME_SCALE,
    settings,
    handlers: escalate,
  }),
});

