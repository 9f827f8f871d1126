import { Injectable } from '@nestjs/common';
import { GRIEVANCE_STATUSES } from '@grievance/contracts';
import { CategoryCatalogue } from '../categories/category-catalogue';
import { Open311Error } from './open311-error';
import type { Open311Record } from './open311-format';
import { MAX_REQUESTS, type RequestFilter } from './open311-input';
import { requestOf, statusesOf, tokenAnswerOf, type TrackedRequest } from './open311-requests';
import { Open311Repository } from './open311.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The public Open311 view of intake's hazards: lists, one request, a token's request id. */
@Injectable()
export class ServiceRequestsView {
  constructor(
    private readonly repository: Open311Repository,
    private readonly categories: CategoryCatalogue,
  ) {}

  private record(request: TrackedRequest): Open311Record {
    return requestOf(request, this.categories.find(request.category)?.name ?? request.category);
  }

  /** "GET Service Requests": by ids alone when ids are given, else by the window, codes and status; newest first, at most 1000. */
  async list(filter: RequestFilter): Promise<Open311Record[]> {
    const requests = filter.serviceRequestIds
      ? await this.repository.find({ trackingNos: filter.serviceRequestIds, limit: MAX_REQUESTS })
      : await this.repository.find({
          submittedFrom: filter.start,
          submittedTo: filter.end,
          ...(filter.serviceCodes ? { categories: filter.serviceCodes } : {}),
          ...(filter.status ? { statuses: filter.status.flatMap((s) => statusesOf(s, GRIEVANCE_STATUSES)) } : {}),
          limit: MAX_REQUESTS,
        });
    return requests.map((request) => this.record(request));
  }

  /** "GET Service Request": a list of one, or 404 naming the id. */
  async one(serviceRequestId: string): Promise<Open311Record[]> {
    const [request] = await this.repository.find({ trackingNos: [serviceRequestId], limit: 1 });
    if (!request) throw Open311Error.notFound(`service_request_id: ${serviceRequestId} not found`);
    return [this.record(request)];
  }

  /** "GET request_id from a token": the token is the grievance id a POST answered. */
  async byToken(token: string): Promise<Open311Record[]> {
    const [request] = UUID.test(token) ? await this.repository.find({ grievanceId: token, limit: 1 }) : [];
    if (!request) throw Open311Error.notFound(`token: ${token.slice(0, 60)} not found`);
    return [tokenAnswerOf(request.trackingNo, request.grievanceId)];
  }
}
