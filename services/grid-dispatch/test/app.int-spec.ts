import { describeServiceBoots } from '@grievance/testing';
import { AppModule } from '../src/app.module';

describeServiceBoots(AppModule, { name: 'grid-dispatch', port: 3003, database: 'grievance_grid_dispatch' });
