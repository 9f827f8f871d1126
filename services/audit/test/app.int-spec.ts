import { describeServiceBoots } from '@grievance/testing';
import { AppModule } from '../src/app.module';

describeServiceBoots(AppModule, { name: 'audit', port: 3005, database: 'grievance_audit' });
