import { Module } from '@nestjs/common';
import { RoutingSlaSupportModule } from '../deadlines/routing-sla.module';
import { SlaSettingsController } from './sla-settings.controller';
import { ListCalendars } from './list-calendars.use-case';
import { ListPolicies } from './list-policies.use-case';
import { ListSettingsHistory } from './list-settings-history.use-case';
import { PutCalendar } from './put-calendar.use-case';
import { PutPolicy } from './put-policy.use-case';
import { RetirePolicy } from './retire-policy.use-case';

/** The admin API of SLA policies and calendars. */
@Module({
  imports: [RoutingSlaSupportModule],
  controllers: [SlaSettingsController],
  providers: [ListPolicies, PutPolicy, RetirePolicy, ListCalendars, PutCalendar, ListSettingsHistory],
})
export class SlaSettingsModule {}
