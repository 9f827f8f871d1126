import { Module } from '@nestjs/common';
import { RoutingSlaSupportModule } from '../deadlines/routing-sla.module';
import { SlaSettingsController } from './sla-settings.controller';
import { SlaSettingsAdmin } from './sla-settings.use-cases';

/** The admin API of SLA policies and calendars. */
@Module({ imports: [RoutingSlaSupportModule], controllers: [SlaSettingsController], providers: [SlaSettingsAdmin] })
export class SlaSettingsModule {}
