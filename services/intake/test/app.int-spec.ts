import { describeServiceBoots } from '@grievance/testing';
import { AppModule } from '../src/app.module';

describeServiceBoots(AppModule, { name: 'intake', port: 3001, database: 'grievance_intake' });
