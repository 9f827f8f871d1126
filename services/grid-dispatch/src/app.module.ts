/** The grid-dispatch service: grids and grid workers, dispatch and re-dispatch, the on-site check, and the hand-over to the department. */
import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@grievance/platform';
import { GridDispatchConfig } from './config';
import { GRID_DISPATCH_MIGRATIONS } from './migrations';

@Module({})
export class AppModule {
  static readonly configClass = GridDispatchConfig;

  static forRoot(config: GridDispatchConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot({ config, entities: [], migrations: GRID_DISPATCH_MIGRATIONS })],
    };
  }
}
