/** The routing service: the organisation directory (members, branches, industry committees, the 两新工委, departments, category routes), the escalation chain, and the inboxes of levels and departments. */
import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@grievance/platform';
import { RoutingConfig } from './config';
import { ROUTING_MIGRATIONS } from './migrations';

@Module({})
export class AppModule {
  static readonly configClass = RoutingConfig;

  static forRoot(config: RoutingConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot({ config, entities: [], migrations: ROUTING_MIGRATIONS })],
    };
  }
}
