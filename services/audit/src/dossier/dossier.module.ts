import { Module } from '@nestjs/common';
import { EventConsumersModule } from '@grievance/platform';
import { AnchorScheduler } from './anchor.scheduler';
import { AnchorsController } from './anchors.controller';
import { AUDIT_CONSUMER_GROUP, DossierConsumer } from './dossier.consumer';
import { DossierRepository } from './dossier.repository';
import { ListAnchors } from './list-anchors.use-case';
import { RecordEvent } from './record-event.use-case';
import { TakeAnchor } from './take-anchor.use-case';
import { VerifyAnchors } from './verify-anchors.use-case';

/** The dossier: every consumed event appended to its grievance's hash chain, and the anchors that witness the chains' heads. */
@Module({
  imports: [EventConsumersModule.forGroup({ groupId: AUDIT_CONSUMER_GROUP, handlers: [DossierConsumer] })],
  controllers: [AnchorsController],
  providers: [DossierRepository, RecordEvent, TakeAnchor, ListAnchors, VerifyAnchors, AnchorScheduler, DossierConsumer],
  exports: [DossierRepository],
})
export class DossierModule {}
