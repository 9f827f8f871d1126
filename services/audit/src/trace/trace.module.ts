import { Module } from '@nestjs/common';
import { DossierModule } from '../dossier/dossier.module';
import { TraceGrievance } from './trace-grievance.use-case';
import { TraceWorkerPoints } from './trace-worker-points.use-case';
import { TraceController } from './trace.controller';
import { WorkerPointsController } from './worker-points.controller';

/** What auditors read of one chain: a grievance's trace with its SLA story, and a worker's points movements. */
@Module({
  imports: [DossierModule],
  controllers: [TraceController, WorkerPointsController],
  providers: [TraceGrievance, TraceWorkerPoints],
})
export class TraceModule {}
