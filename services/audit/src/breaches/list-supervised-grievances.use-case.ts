import { Injectable } from '@nestjs/common';
import { maskPersonalData } from '@grievance/platform';
import { SupervisedGrievance, supervisedGrievances } from './breaches';
import { BreachesRepository } from './breaches.repository';

/** Grievances under supervision (督办): the top rung missed its deadline, or grievance.supervised says so; holders who are people masked. */
@Injectable()
export class ListSupervisedGrievances {
  constructor(private readonly breaches: BreachesRepository) {}

  async execute(): Promise<SupervisedGrievance[]> {
    return maskPersonalData(supervisedGrievances(await this.breaches.supervisionEvents()));
  }
}
