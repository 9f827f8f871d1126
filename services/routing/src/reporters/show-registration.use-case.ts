import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@grievance/messaging';
import { DomainError } from '@grievance/platform';
import { ReportersRepository } from './reporters.repository';
import { toRegistrationView, WorkerRegistrationView } from './registration-view';

/** A worker's own registration; not found before they registered. */
@Injectable()
export class ShowRegistration {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly reporters: ReportersRepository,
  ) {}

  execute({ workerId }: { workerId: string }): Promise<WorkerRegistrationView> {
    return this.unitOfWork.run(async () => {
      const registration = await this.reporters.find(workerId);
      if (!registration) throw DomainError.notFound('registration of worker', workerId);
      return toRegistrationView(this.reporters, registration);
    });
  }
}
