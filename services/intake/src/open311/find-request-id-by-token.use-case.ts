import { Injectable } from '@nestjs/common';
import { Open311Error } from './open311-error';
import type { Open311Record } from './open311-format';
import { tokenAnswerOf } from './open311-requests';
import { Open311Repository } from './open311.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "GET request_id from a token": the token is the grievance id a POST answered; 404 naming the token when no hazard has it. */
@Injectable()
export class FindRequestIdByToken {
  constructor(private readonly repository: Open311Repository) {}

  async execute(token: string): Promise<Open311Record[]> {
    const [request] = UUID.test(token) ? await this.repository.find({ grievanceId: token, limit: 1 }) : [];
    if (!request) throw Open311Error.notFound(`token: ${token.slice(0, 60)} not found`);
    return [tokenAnswerOf(request.trackingNo, request.grievanceId)];
  }
}
