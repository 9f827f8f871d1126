/** The routing service: the organisation directory (members, branches, industry committees, the 两新工委, departments, category routes), the escalation chain, and the inboxes of levels and departments. */
import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@grievance/platform';
import { RoutingConfig } from './config';
import { DirectoryModule } from './directory/directory.module';
import { ROUTING_ENTITIES } from './entities';
import { GrievancesModule } from './grievances/grievances.module';
import { ROUTING_MIGRATIONS } from './migrations';
import { ReportersModule } from './reporters/reporters.module';
import { RoutingSlaModule } from './deadlines/routing-sla.module';
import { SlaSettingsModule } from './sla-settings/sla-settings.module';

@Module({})
export class AppModule {
  static readonly configClass = RoutingConfig;

  static forRoot(config: RoutingConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ config, entities: ROUTING_ENTITIES, migrations: ROUTING_MIGRATIONS }),
        DirectoryModule,
        RoutingSlaModule,
        GrievancesModule,
        ReportersModule,
        SlaSettingsModule,
      ],
    };
  }
}
