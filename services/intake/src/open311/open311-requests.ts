import type { GrievanceStatus } from '@grievance/contracts';
import type { CategoryCatalogue } from '../categories/category-catalogue';
import type { Open311Record } from './open311-format';

/** GeoReport v2 knows two states. */
export type Open311Status = 'open' | 'closed';

/**
 * A grievance is `closed` for Open311 once the work is done or refused: resolved (the department
 * finished; a reporter unhappy with it reopens it, and it is `open` again), rejected, closed.
 * Everything before, from submitted to in progress, is `open`.
 */
const CLOSED: ReadonlySet<GrievanceStatus> = new Set<GrievanceStatus>(['resolved', 'rejected', 'closed']);

export const open311StatusOf = (status: GrievanceStatus): Open311Status => (CLOSED.has(status) ? 'closed' : 'open');

/** The intake statuses behind an Open311 status (the `status` filter). */
export function statusesOf(status: Open311Status, all: readonly GrievanceStatus[]): GrievanceStatus[] {
  return all.filter((s) => open311StatusOf(s) === status);
}

/** A hazard as the Open311 read model sees it: intake's tracking view, plus what the partner posted. */
export interface TrackedRequest {
  /** The grievance id: the token a POST answers, to find the request again. */
  grievanceId: string;
  trackingNo: string;
  category: string;
  description: string;
  location: { lat: number; lng: number; address?: string } | null;
  submittedAt: Date;
  /** The grievance's status; a duplicate's is its original's, which is the one worked on. */
  status: GrievanceStatus;
  /** The latest line of the tracking view's history (zh-CN) and when it happened. */
  latest: { at: Date; summary: string } | null;
  /** The department that holds it, or held it last (by name, as its events name it). */
  agency: string | null;
  /** The link a partner app posted (kept as given, never fetched). */
  mediaUrl: string | null;
  /** The current holder's deadline, when the events named one (a grid worker's accept-by, an SLA warning's due time). */
  expectedAt: Date | null;
}

/**
 * A request as GeoReport v2 answers it ("GET Service Requests"), every field of the spec's list
 * present, in its order; what intake does not know is null (XML: an empty element). `service_request_id` is the
 * tracking number (NC-YYYYMMDD-NNNNNN): the one id the reporter, the holders and the auditors
 * already quote, and it says nothing an outsider could not see anyway.
 */
export function requestOf(request: TrackedRequest, serviceName: string): Open311Record {
  return {
    service_request_id: request.trackingNo,
    status: open311StatusOf(request.status),
    status_notes: request.latest?.summary ?? null,
    service_name: serviceName,
    service_code: request.category,
    description: request.description,
    agency_responsible: request.agency,
    service_notice: null,
    requested_datetime: request.submittedAt.toISOString(),
    updated_datetime: (request.latest?.at ?? request.submittedAt).toISOString(),
    // The current holder's deadline as the events named it (routing and grid-dispatch run the
    // clocks); none once the grievance is closed for Open311, or while no event has named one.
    expected_datetime: open311StatusOf(request.status) === 'open' && request.expectedAt ? request.expectedAt.toISOString() : null,
    address: request.location?.address ?? null,
    address_id: null,
    zipcode: null,
    lat: request.location?.lat ?? null,
    long: request.location?.lng ?? null,
    media_url: request.mediaUrl,
  };
}

/** The answer to a new request: both ids at once, since intake numbers a grievance as it takes it. */
export function createdRequestOf(trackingNo: string, token: string, accountId: string | null): Open311Record {
  return {
    service_request_id: trackingNo,
    token,
    service_notice: '已受理，将转交所在网格核实并交职能部门办理',
    account_id: accountId,
  };
}

/** "GET request_id from a token". */
export const tokenAnswerOf = (trackingNo: string, token: string): Open311Record => ({ service_request_id: trackingNo, token });

/** A tracked request as Open311 answers it, its service named by the catalogue (by its code when the catalogue no longer has it). */
export const recordOf = (categories: CategoryCatalogue, request: TrackedRequest): Open311Record => requestOf(request, categories.find(request.category)?.name ?? request.category);
