import { Module } from '@nestjs/common';
import { RegisterReporter } from './register-reporter.use-case';
import { ReportersRepository } from './reporters.repository';
import { ShowRegistration } from './show-registration.use-case';
import { WorkersController } from './workers.controller';

/** The reporters (workers, 新就业群体) who registered with a branch (扫码报到): their occupation, platform, language and branch. */
@Module({
  controllers: [WorkersController],
  providers: [ReportersRepository, RegisterReporter, ShowRegistration],
  exports: [ReportersRepository],
})
export class ReportersModule {}
