import { describeServiceBoots } from '@grievance/testing';
import { AppModule } from '../src/app.module';

describeServiceBoots(AppModule, { name: 'routing', port: 3002, database: 'grievance_routing' });
