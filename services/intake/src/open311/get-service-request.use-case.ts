import { Injectable } from '@nestjs/common';
import { CategoryCatalogue } from '../categories/category-catalogue';
import { Open311Error } from './open311-error';
import type { Open311Record } from './open311-format';
import { recordOf } from './open311-requests';
import { Open311Repository } from './open311.repository';

/** "GET Service Request": the hazard of a tracking number, as a list of one, or 404 naming the id. */
@Injectable()
export class GetServiceRequest {
  constructor(
    private readonly repository: Open311Repository,
    private readonly categories: CategoryCatalogue,
  ) {}

  async execute(serviceRequestId: string): Promise<Open311Record[]> {
    const [request] = await this.repository.find({ trackingNos: [serviceRequestId], limit: 1 });
    if (!request) throw Open311Error.notFound(`service_request_id: ${serviceRequestId} not found`);
    return [recordOf(this.categories, request)];
  }
}
