import { Injectable } from '@nestjs/common';
import { Occupation } from '@grievance/contracts';
import { UnitOfWork } from '@grievance/messaging';
import { BenefitsRepository } from './benefits.repository';

export interface RecordWorkerRegistrationCommand {
  workerId: string;
  occupation: Occupation;
  branchId: string | null;
  committeeId: string | null;
  registeredAt: Date;
  eventId: string;
}

/** Keeps which industry committee owns a worker, as routing last told it (for their benefit applications); an older registration changes nothing. */
@Injectable()
export class RecordWorkerRegistration {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly benefits: BenefitsRepository,
  ) {}

  execute(command: RecordWorkerRegistrationCommand): Promise<void> {
    return this.unitOfWork.run(() => this.benefits.saveRegistration(command));
  }
}
