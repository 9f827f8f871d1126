import { ROLES, type Role } from '@grievance/contracts';

/**
 * Every endpoint of the five services, with who may call it (API.md) and, for those that
 * take a body, a valid example the abuse suite mutates. The security suite reads each
 * service's OpenAPI document and fails on an endpoint missing here, so a new endpoint
 * joins the role matrix and the abuse suite by default.
 *
 * `roles: 'any'` means any authenticated caller passes the role check; what they then
 * see is narrowed by scope (a 404 for what is not theirs), which the scope tests cover.
 * `roles: 'public'` means no token is asked for or read (Open311 GeoReport v2, public by its
 * spec; its POST is guarded by a partner's api_key in the form instead): every caller gets
 * the same answer, never a 401.
 */
export interface EndpointSpec {
  service: 'intake' | 'routing' | 'grid-dispatch' | 'feedback' | 'audit';
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** As in the OpenAPI document: `/v1/matters/{id}/resolve`. */
  path: string;
  roles: readonly Role[] | 'any' | 'public';
  /** What the path parameter names, so the suite can put a real one in. */
  param?: ParamKind;
  /** A valid body (field mutations start from it); `{}` for a body with no required fields. */
  body?: Record<string, unknown>;
  /** Body fields (dotted paths) that are free text: any string is fine in them, only types and lengths are not. */
  freeText?: readonly string[];
  /** Body fields that must be present. */
  required?: readonly string[];
  /** Query parameters a DTO checks, each with a valid value. */
  query?: Record<string, string>;
  /** A multipart upload, not JSON. */
  multipart?: boolean;
}

export type ParamKind = 'appeal' | 'hazard' | 'ticket' | 'grid' | 'department' | 'orgUnit' | 'gridWorker' | 'station' | 'setting' | 'attachment';

export const ALL_ROLES: readonly Role[] = ROLES;
export const CHAIN: readonly Role[] = ['member', 'branch', 'industry_committee', 'two_new_committee'];
const PHOTOGRAPHERS: readonly Role[] = ['worker', 'station_staff', 'grid_worker', 'department', ...CHAIN];

const HAZARD_BODY = {
  kind: 'hazard',
  category: 'manhole_cover_missing',
  title: 'Manhole cover missing',
  description: 'Open hole in the cycle lane.',
  urgency: 'normal',
  location: { lat: 28.66, lng: 115.82, address: 'Yuhua Rd' },
  attachmentIds: [],
};

export const ENDPOINTS: readonly EndpointSpec[] = [
  // intake
  { service: 'intake', method: 'POST', path: '/v1/attachments', roles: PHOTOGRAPHERS, multipart: true },
  { service: 'intake', method: 'GET', path: '/v1/attachments/{id}', roles: 'any', param: 'attachment' },
  {
    service: 'intake',
    method: 'POST',
    path: '/v1/grievances',
    roles: ['worker'],
    body: HAZARD_BODY,
    freeText: ['title', 'description', 'location.address'],
    required: ['kind', 'category', 'title', 'description', 'location'],
  },
  { service: 'intake', method: 'GET', path: '/v1/grievances', roles: ['worker'], query: { limit: '10' } },
  { service: 'intake', method: 'GET', path: '/v1/grievances/{id}', roles: 'any', param: 'appeal' },
  { service: 'intake', method: 'POST', path: '/v1/grievances/{id}/reply', roles: ['worker'], param: 'appeal', body: { message: 'At the east gate.' }, freeText: ['message'], required: ['message'] },
  { service: 'intake', method: 'GET', path: '/v1/categories', roles: 'any' },
  // intake: walk-ins logged by a station's staff for a worker (the station is the token's)
  {
    service: 'intake',
    method: 'POST',
    path: '/v1/stations/me/walk-ins',
    roles: ['station_staff'],
    body: {
      kind: 'appeal',
      category: 'pay_dispute',
      title: 'Wages unpaid for three weeks',
      description: 'Told at the station counter.',
      workerId: 'rider-walk-in-abuse',
      workerPhone: '13800001234',
      consent: { given: true, method: 'verbal' },
    },
    freeText: ['title', 'description'],
    required: ['kind', 'category', 'title', 'description', 'workerId', 'consent'],
  },
  { service: 'intake', method: 'GET', path: '/v1/stations/me/walk-ins', roles: ['station_staff'], query: { limit: '10' } },
  // intake: Open311 GeoReport v2 (`{format}` is json or xml)
  { service: 'intake', method: 'GET', path: '/open311/v2/services.{format}', roles: 'public' },
  { service: 'intake', method: 'GET', path: '/open311/v2/services/{service_code}.{format}', roles: 'public' },
  { service: 'intake', method: 'POST', path: '/open311/v2/requests.{format}', roles: 'public' },
  { service: 'intake', method: 'GET', path: '/open311/v2/requests.{format}', roles: 'public', query: { start_date: '2026-12-01T00:00:00Z' } },
  { service: 'intake', method: 'GET', path: '/open311/v2/requests/{service_request_id}.{format}', roles: 'public' },
  { service: 'intake', method: 'GET', path: '/open311/v2/tokens/{token}.{format}', roles: 'public' },

  // routing: the worker's registration
  { service: 'routing', method: 'PUT', path: '/v1/workers/me', roles: ['worker'], body: { occupation: 'rider', platform: 'meituan' }, freeText: ['platform'], required: ['occupation'] },
  { service: 'routing', method: 'GET', path: '/v1/workers/me', roles: ['worker'] },
  // routing: the directory
  { service: 'routing', method: 'GET', path: '/v1/directory/departments', roles: 'any' },
  { service: 'routing', method: 'POST', path: '/v1/directory/departments', roles: ['admin'], body: { code: 'water_supply_e2e', name: 'Water supply' }, freeText: ['name'], required: ['code', 'name'] },
  { service: 'routing', method: 'PUT', path: '/v1/directory/departments/{code}', roles: ['admin'], param: 'department', body: { name: 'Municipal Works' }, freeText: ['name'], required: ['name'] },
  { service: 'routing', method: 'POST', path: '/v1/directory/departments/{code}/retire', roles: ['admin'], param: 'department', body: {} },
  { service: 'routing', method: 'GET', path: '/v1/directory/categories', roles: 'any' },
  { service: 'routing', method: 'GET', path: '/v1/directory/org-units', roles: 'any', query: { level: 'branch' } },
  {
    service: 'routing',
    method: 'POST',
    path: '/v1/directory/org-units',
    roles: ['admin'],
    body: { id: 'br-e2e-abuse', level: 'branch', name: 'A branch', parentId: 'ic-delivery' },
    freeText: ['name'],
    required: ['id', 'level', 'name'],
  },
  { service: 'routing', method: 'PUT', path: '/v1/directory/org-units/{id}', roles: ['admin'], param: 'orgUnit', body: { name: 'A branch' }, freeText: ['name'], required: ['name'] },
  { service: 'routing', method: 'POST', path: '/v1/directory/org-units/{id}/retire', roles: ['admin'], param: 'orgUnit', body: {} },
  { service: 'routing', method: 'GET', path: '/v1/directory/grid-workers', roles: ['admin'], query: { gridId: 'xiangyun-yuhua-g1' } },
  {
    service: 'routing',
    method: 'POST',
    path: '/v1/directory/grid-workers',
    roles: ['admin'],
    body: { id: 'gw-e2e-abuse', name: 'A grid worker', gridId: 'xiangyun-yuhua-g1', phone: '13800001234', employment: 'part_time' },
    freeText: ['name'],
    required: ['id', 'name', 'gridId', 'employment'],
  },
  {
    service: 'routing',
    method: 'PUT',
    path: '/v1/directory/grid-workers/{id}',
    roles: ['admin'],
    param: 'gridWorker',
    body: { name: 'A grid worker', gridId: 'xiangyun-yuhua-g1', employment: 'full_time' },
    freeText: ['name'],
    required: ['name', 'gridId', 'employment'],
  },
  { service: 'routing', method: 'POST', path: '/v1/directory/grid-workers/{id}/retire', roles: ['admin'], param: 'gridWorker', body: {} },
  { service: 'routing', method: 'GET', path: '/v1/directory/stations', roles: 'any' },
  {
    service: 'routing',
    method: 'POST',
    path: '/v1/directory/stations',
    roles: ['admin'],
    body: { id: 'st-e2e-abuse', name: 'A station', districtId: 'xiangyun', address: '1 Yuhua Road', hours: '24h' },
    freeText: ['name', 'address', 'hours'],
    required: ['id', 'name', 'districtId', 'address', 'hours'],
  },
  {
    service: 'routing',
    method: 'PUT',
    path: '/v1/directory/stations/{id}',
    roles: ['admin'],
    param: 'station',
    body: { name: 'A station', districtId: 'xiangyun', address: '1 Yuhua Road', hours: '24h' },
    freeText: ['name', 'address', 'hours'],
    required: ['name', 'districtId', 'address', 'hours'],
  },
  { service: 'routing', method: 'POST', path: '/v1/directory/stations/{id}/retire', roles: ['admin'], param: 'station', body: {} },
  { service: 'routing', method: 'GET', path: '/v1/directory/category-routes', roles: 'any' },
  {
    service: 'routing',
    method: 'PUT',
    path: '/v1/directory/category-routes',
    roles: ['admin'],
    body: { category: 'road_damage', districtId: 'xiangyun', departmentCode: 'municipal_works' },
    required: ['category', 'districtId', 'departmentCode'],
  },
  { service: 'routing', method: 'POST', path: '/v1/directory/category-routes/retire', roles: ['admin'], body: { category: 'illegal_parking', districtId: 'hongcheng' }, required: ['category', 'districtId'] },
  { service: 'routing', method: 'GET', path: '/v1/directory/fallback-owners', roles: 'any' },
  { service: 'routing', method: 'POST', path: '/v1/directory/fallback-owners/retire', roles: ['admin'], body: { districtId: 'xiangyun' }, required: ['districtId'] },
  { service: 'routing', method: 'PUT', path: '/v1/directory/fallback-owners', roles: ['admin'], body: { districtId: 'xiangyun', departmentCode: 'municipal_works' }, required: ['departmentCode'] },
  // routing: the holders' work
  { service: 'routing', method: 'GET', path: '/v1/inbox', roles: ['department', ...CHAIN] },
  { service: 'routing', method: 'POST', path: '/v1/matters/{id}/accept', roles: ['department'], param: 'hazard' },
  {
    service: 'routing',
    method: 'POST',
    path: '/v1/matters/{id}/resolve',
    roles: ['department', ...CHAIN],
    param: 'appeal',
    body: { resolution: 'Paid in full.', attachmentIds: [] },
    freeText: ['resolution'],
    required: ['resolution'],
  },
  { service: 'routing', method: 'POST', path: '/v1/matters/{id}/acknowledge', roles: CHAIN, param: 'appeal' },
  { service: 'routing', method: 'POST', path: '/v1/matters/{id}/escalate', roles: CHAIN, param: 'appeal', body: { reason: 'Needs the branch.' }, freeText: ['reason'], required: ['reason'] },
  {
    service: 'routing',
    method: 'POST',
    path: '/v1/matters/{id}/return',
    roles: ['department', ...CHAIN],
    param: 'appeal',
    body: { reason: 'Wrong station.', attachmentIds: [] },
    freeText: ['reason'],
    required: ['reason'],
  },
  {
    service: 'routing',
    method: 'POST',
    path: '/v1/matters/{id}/transfer',
    roles: ['department'],
    param: 'hazard',
    body: { departmentCode: 'fire', reason: 'A gas smell: for the fire brigade.' },
    freeText: ['reason'],
    required: ['departmentCode', 'reason'],
  },
  { service: 'routing', method: 'POST', path: '/v1/matters/{id}/ask-reporter', roles: CHAIN, param: 'appeal', body: { question: 'Which station?' }, freeText: ['question'], required: ['question'] },
  { service: 'routing', method: 'POST', path: '/v1/matters/{id}/resume', roles: CHAIN, param: 'appeal', body: { answer: 'The east one.' }, freeText: ['answer'], required: ['answer'] },
  {
    service: 'routing',
    method: 'POST',
    path: '/v1/matters/{id}/assign-department',
    roles: CHAIN,
    param: 'appeal',
    body: { departmentCode: 'hrss', note: 'Wage arrears.' },
    freeText: ['note'],
    required: ['departmentCode'],
  },
  // routing: SLA settings
  { service: 'routing', method: 'GET', path: '/v1/sla/policies', roles: ['admin', 'auditor'] },
  {
    service: 'routing',
    method: 'PUT',
    path: '/v1/sla/policies/{id}',
    roles: ['admin'],
    param: 'setting',
    body: { match: { kind: 'appeal' }, targets: { respond: 'PT4H' }, calendar: 'calendar', priority: 5, reason: 'tighter' },
    freeText: ['reason'],
    required: ['match', 'targets', 'calendar'],
  },
  { service: 'routing', method: 'DELETE', path: '/v1/sla/policies/{id}', roles: ['admin'], param: 'setting', body: { reason: 'retired' }, freeText: ['reason'] },
  { service: 'routing', method: 'GET', path: '/v1/sla/calendars', roles: ['admin', 'auditor'] },
  {
    service: 'routing',
    method: 'PUT',
    path: '/v1/sla/calendars/{id}',
    roles: ['admin'],
    param: 'setting',
    body: { kind: 'working', timeZone: 'Asia/Shanghai', workingHours: [{ from: '09:00', to: '17:00' }], weekend: [0, 6], reason: 'office hours' },
    freeText: ['reason'],
    required: ['kind'],
  },
  { service: 'routing', method: 'GET', path: '/v1/sla/history', roles: ['admin', 'auditor'], query: { kind: 'policy', limit: '10' } },

  // grid-dispatch
  { service: 'grid-dispatch', method: 'GET', path: '/v1/grids', roles: 'any', query: { lat: '28.66', lng: '115.82' } },
  { service: 'grid-dispatch', method: 'GET', path: '/v1/grids/{id}/workers', roles: 'any', param: 'grid' },
  { service: 'grid-dispatch', method: 'GET', path: '/v1/grid-workers/me/duty', roles: ['grid_worker'] },
  { service: 'grid-dispatch', method: 'PUT', path: '/v1/grid-workers/me/duty', roles: ['grid_worker'], body: { onDuty: true }, required: ['onDuty'] },
  { service: 'grid-dispatch', method: 'GET', path: '/v1/tickets', roles: ['grid_worker', 'admin', 'auditor'] },
  { service: 'grid-dispatch', method: 'GET', path: '/v1/tickets/stream', roles: ['grid_worker'] },
  { service: 'grid-dispatch', method: 'POST', path: '/v1/tickets/{id}/accept', roles: ['grid_worker'], param: 'ticket' },
  {
    service: 'grid-dispatch',
    method: 'POST',
    path: '/v1/tickets/{id}/verify',
    roles: ['grid_worker'],
    param: 'ticket',
    body: { verdict: 'confirmed', note: 'Cover gone, cones placed.', position: { lat: 28.66, lng: 115.82 }, attachmentIds: [] },
    freeText: ['note'],
    required: ['verdict', 'note', 'position'],
  },

  // feedback
  { service: 'feedback', method: 'POST', path: '/v1/grievances/{id}/rating', roles: ['worker'], param: 'appeal', body: { rating: 'satisfied', comment: 'Quick.' }, freeText: ['comment'], required: ['rating'] },
  { service: 'feedback', method: 'POST', path: '/v1/grievances/{id}/contest', roles: ['worker'], param: 'appeal', body: { reason: 'The pothole is still there.' }, freeText: ['reason'], required: ['reason'] },
  { service: 'feedback', method: 'GET', path: '/v1/notifications', roles: ['worker'] },
  { service: 'feedback', method: 'GET', path: '/v1/points/me', roles: ['worker'] },
  {
    service: 'feedback',
    method: 'POST',
    path: '/v1/points/redemptions',
    roles: ['worker'],
    body: { stationId: 'st-xiangyun-yuhua', itemId: '0190a0c0-0000-7000-8000-000000000000' },
    required: ['stationId', 'itemId'],
  },
  {
    service: 'feedback',
    method: 'POST',
    path: '/v1/points/benefits',
    roles: ['worker'],
    body: { kind: 'childcare', note: '孩子三岁，想进社区托育点' },
    freeText: ['note'],
    required: ['kind'],
  },
  { service: 'feedback', method: 'GET', path: '/v1/benefits', roles: ['industry_committee'], query: { state: 'pending' } },
  {
    service: 'feedback',
    method: 'POST',
    path: '/v1/benefits/{id}/decide',
    roles: ['industry_committee'],
    body: { decision: 'approved', reason: '同意，已联系社区托育点。' },
    freeText: ['reason'],
    required: ['decision', 'reason'],
  },
  { service: 'feedback', method: 'GET', path: '/v1/stations/{id}/catalogue', roles: ['worker', 'station_staff'], param: 'station' },
  {
    service: 'feedback',
    method: 'POST',
    path: '/v1/stations/me/catalogue',
    roles: ['station_staff'],
    body: { name: '雨衣', kind: 'prize', cost: 30, stock: 5 },
    freeText: ['name'],
    required: ['name', 'kind', 'cost', 'stock'],
  },
  { service: 'feedback', method: 'PUT', path: '/v1/stations/me/catalogue/{itemId}', roles: ['station_staff'], body: { stock: 4 }, freeText: ['name'] },
  { service: 'feedback', method: 'GET', path: '/v1/stations/me/redemptions', roles: ['station_staff'], query: { state: 'awaiting_hand_over' } },
  { service: 'feedback', method: 'POST', path: '/v1/stations/me/redemptions/{id}/hand-over', roles: ['station_staff'] },
  {
    service: 'feedback',
    method: 'POST',
    path: '/v1/stations/me/volunteering',
    roles: ['station_staff'],
    body: { workerId: 'rider-volunteer', points: 1, reason: '协助驿站整理物资' },
    freeText: ['workerId', 'reason'],
    required: ['workerId', 'points', 'reason'],
  },
  // feedback: staff notifications (员工提醒) of the holders of grievances
  { service: 'feedback', method: 'GET', path: '/v1/staff-notifications', roles: ['grid_worker', 'department', ...CHAIN], query: { limit: '10' } },
  { service: 'feedback', method: 'POST', path: '/v1/staff-notifications/read', roles: ['grid_worker', 'department', ...CHAIN], body: { upTo: '0193a0a0-0000-7000-8000-000000000000' }, required: ['upTo'] },
  { service: 'feedback', method: 'GET', path: '/v1/staff-notifications/stream', roles: ['grid_worker', 'department', ...CHAIN] },

  // audit (auditors only)
  { service: 'audit', method: 'GET', path: '/v1/trace/{grievanceId}', roles: ['auditor'], param: 'appeal' },
  { service: 'audit', method: 'GET', path: '/v1/workers/{workerId}/points', roles: ['auditor'] },
  { service: 'audit', method: 'GET', path: '/v1/breaches', roles: ['auditor'], query: { level: 'member', limit: '10' } },
  { service: 'audit', method: 'GET', path: '/v1/supervision', roles: ['auditor'] },
  { service: 'audit', method: 'GET', path: '/v1/anchors', roles: ['auditor'] },
  { service: 'audit', method: 'GET', path: '/v1/anchors/verify', roles: ['auditor'] },
  { service: 'audit', method: 'POST', path: '/v1/anchors', roles: ['auditor'] },
  { service: 'audit', method: 'GET', path: '/v1/rates', roles: ['auditor'], query: { groupBy: 'level' } },
  { service: 'audit', method: 'GET', path: '/v1/rankings', roles: ['auditor'], query: { month: '2026-11', groupBy: 'department' } },
  { service: 'audit', method: 'GET', path: '/v1/matters', roles: ['auditor'], query: { kind: 'hazard', status: 'closed', breached: 'true', sort: 'asc', limit: '10' } },
  { service: 'audit', method: 'GET', path: '/v1/assessments', roles: ['auditor'], query: { year: '2026', unit: 'committee' } },
  { service: 'audit', method: 'GET', path: '/v1/audit-queries', roles: ['auditor'] },
];

export const allows = (spec: EndpointSpec, role: Role): boolean => spec.roles === 'any' || spec.roles === 'public' || spec.roles.includes(role);
export const endpointKey = (spec: Pick<EndpointSpec, 'method' | 'path'>): string => `${spec.method} ${spec.path}`;
