import { Injectable } from '@nestjs/common';
import { GRIEVANCE_STATUSES } from '@grievance/contracts';
import { CategoryCatalogue } from '../categories/category-catalogue';
import type { Open311Record } from './open311-format';
import { MAX_REQUESTS, type RequestFilter } from './open311-input';
import { recordOf, statusesOf } from './open311-requests';
import { Open311Repository } from './open311.repository';

/** "GET Service Requests": intake's hazards by ids alone when ids are given, else by the window, codes and status; newest first, at most 1000. */
@Injectable()
export class ListServiceRequests {
  constructor(
    private readonly repository: Open311Repository,
    private readonly categories: CategoryCatalogue,
  ) {}

  async execute(filter: RequestFilter): Promise<Open311Record[]> {
    const requests = filter.serviceRequestIds
      ? await this.repository.find({ trackingNos: filter.serviceRequestIds, limit: MAX_REQUESTS })
      : await this.repository.find({
          submittedFrom: filter.start,
          submittedTo: filter.end,
          ...(filter.serviceCodes ? { categories: filter.serviceCodes } : {}),
          ...(filter.status ? { statuses: filter.status.flatMap((s) => statusesOf(s, GRIEVANCE_STATUSES)) } : {}),
          limit: MAX_REQUESTS,
        });
    return requests.map((request) => recordOf(this.categories, request));
  }
}
