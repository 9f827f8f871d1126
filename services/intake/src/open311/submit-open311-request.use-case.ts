import { Injectable } from '@nestjs/common';
import { CategoryCatalogue } from '../categories/category-catalogue';
import type { SubmitGrievanceDto } from '../grievances/submit-grievance.dto';
import { SubmitGrievance } from '../grievances/submit-grievance.use-case';
import { requestFingerprint } from '../grievances/tracking-number';
import { Open311Error } from './open311-error';
import type { ServiceRequestForm } from './open311-input';
import { Open311Repository } from './open311.repository';
import { isOpen311Service } from './open311-services';

/**
 * Who reported, as far as intake can know: the partner app and the account (or else the
 * device) it names. The grievance's reporter id says it, so the event grievance.submitted.v1,
 * notifications, points and the audit trace all lead back to the partner.
 */
export function reporterIdOf(partnerId: string, form: Pick<ServiceRequestForm, 'accountId' | 'deviceId'>): string {
  if (form.accountId !== undefined) return `open311:${partnerId}:account:${form.accountId}`;
  if (form.deviceId !== undefined) return `open311:${partnerId}:device:${form.deviceId}`;
  return `open311:${partnerId}:anonymous`;
}

/**
 * The spec gives a client no request id of its own, so the idempotency key is the hash of what
 * the partner sent (every argument but the api_key): the same form posted again, as a client
 * does when an answer was lost, gets the same grievance back.
 */
export const idempotencyKeyOf = (partnerId: string, form: ServiceRequestForm): string => {
  const { apiKey: _apiKey, ...sent } = form;
  return `open311:${requestFingerprint({ partnerId, ...sent })}`;
};

/**
 * A partner app's request enters intake as a hazard report through the native path
 * (SubmitGrievance: tracking number, duplicate check, grievance.submitted.v1 and so
 * routing); the partner, its account or device and the media_url are kept in the same transaction.
 */
@Injectable()
export class SubmitOpen311Request {
  constructor(
    private readonly submit: SubmitGrievance,
    private readonly categories: CategoryCatalogue,
    private readonly repository: Open311Repository,
  ) {}

  async execute(partnerId: string, form: ServiceRequestForm): Promise<{ trackingNo: string; token: string }> {
    const category = this.categories.find(form.serviceCode);
    if (!category || !isOpen311Service(category)) throw Open311Error.badRequest([`service_code: ${form.serviceCode} is not a service of GET services`]);
    const body: SubmitGrievanceDto = {
      kind: 'hazard',
      category: category.code,
      title: category.name.slice(0, 200),
      description: form.description,
      ...(form.urgency ? { urgency: form.urgency } : {}),
      location: { lat: form.lat, lng: form.long, ...(form.addressString !== undefined ? { address: form.addressString } : {}) },
    };
    const { answer } = await this.submit.execute({
      reporterId: reporterIdOf(partnerId, form),
      idempotencyKey: idempotencyKeyOf(partnerId, form),
      body,
      alongside: (created) =>
        this.repository.saveSubmission({
          grievanceId: created.id,
          partnerId,
          accountId: form.accountId ?? null,
          deviceId: form.deviceId ?? null,
          mediaUrl: form.mediaUrl ?? null,
        }),
    });
    return { trackingNo: answer.trackingNo, token: answer.id };
  }
}
