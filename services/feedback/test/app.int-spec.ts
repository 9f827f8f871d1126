import { describeServiceBoots } from '@grievance/testing';
import { AppModule } from '../src/app.module';

describeServiceBoots(AppModule, { name: 'feedback', port: 3004, database: 'grievance_feedback' });
