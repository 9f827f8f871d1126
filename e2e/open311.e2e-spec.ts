import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { waitForMessages } from '@grievance/testing';
import { readXml, type XmlNode } from '../services/intake/src/open311/open311-xml.testing';
import { call, eventually, RunningSystem, startSystem, tokenFor, uploadPhoto } from './system-harness';

/**
 * A third-party client (a partner app of the city) speaks Open311 GeoReport v2 to intake:
 * lists the services, posts a hazard form-encoded with its api_key, follows it by id, by
 * token and in filtered lists as the grid worker and the department work it through the
 * system's own HTTP APIs, until it is closed (expected by the holder's deadline while one is known). Every answer is checked against the spec's
 * field lists, XML answers parsed and checked against the spec's structure, and bad requests
 * get the spec's errors naming the field, leaving nothing behind.
 */

const JURISDICTION = 'nanchang.example';
const PARTNER = 'fixit';
const API_KEY = randomBytes(24).toString('base64url');
const GRID = 'xiangyun-yuhua-g1';
const GRID_WORKER = 'gw-xiangyun-yuhua-g1-1';
const OTHER_GRID_WORKER = 'gw-xiangyun-yuhua-g1-2';
// Inside grid xiangyun-yuhua-g1 of the demo city, away from the other suites' points.
const PLACE = { lat: 28.6612, long: 115.8188 };

/** The fields of each answer, as GeoReport v2 lists them. */
const SERVICE_FIELDS = ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'];
const REQUEST_FIELDS = [
  'service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description', 'agency_responsible', 'service_notice',
  'requested_datetime', 'updated_datetime', 'expected_datetime', 'address', 'address_id', 'zipcode', 'lat', 'long', 'media_url',
];
const CREATED_FIELDS = ['service_request_id', 'token', 'service_notice', 'account_id'];
const ATTRIBUTE_FIELDS = ['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description', 'values'];
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

jest.setTimeout(180_000);

interface Answer {
  status: number;
  type: string;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the JSON of an answer, checked field by field
  json: any;
}

describe('Open311 GeoReport v2 on intake', () => {
  let system: RunningSystem;
  let gridWorker: string;
  let department: string;

  const base = () => `${system.url('intake')}/open311/v2`;

  async function open311(path: string, init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<Answer> {
    const response = await fetch(`${base()}${path}`, {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      headers: { ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}), ...init.headers },
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    });
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    return { status: response.status, type, text, json: type.startsWith('application/json') ? JSON.parse(text) : undefined };
  }

  /** A request's record has every field of the spec and no other, with the types it says. */
  function expectRequestRecord(record: Record<string, unknown>): void {
    expect(Object.keys(record)).toEqual(REQUEST_FIELDS);
    expect(record.status).toMatch(/^(open|closed)$/);
    expect(record.requested_datetime).toMatch(ISO);
    expect(record.updated_datetime).toMatch(ISO);
  }

  /** The spec's error answer: a list of {code, description}, each description naming `field`. */
  function expectError(answer: Answer, status: number, field: string): void {
    expect({ status: answer.status, type: answer.type }).toEqual({ status, type: expect.stringMatching(/^application\/json/) });
    expect(Array.isArray(answer.json)).toBe(true);
    for (const entry of answer.json as Record<string, unknown>[]) expect(Object.keys(entry)).toEqual(['code', 'description']);
    expect(answer.json).toContainEqual({ code: status, description: expect.stringContaining(field) });
  }

  const asList = (node: XmlNode | XmlNode[] | undefined): XmlNode[] => (node === undefined ? [] : Array.isArray(node) ? node : [node]);

  async function count(sql: string): Promise<number> {
    const client = new Client({ connectionString: system.databases.intake });
    await client.connect();
    try {
      return Number((await client.query<{ n: string }>(sql)).rows[0]!.n);
    } finally {
      await client.end();
    }
  }

  const form = (extra: Record<string, string> = {}) => ({
    api_key: API_KEY,
    jurisdiction_id: JURISDICTION,
    service_code: 'manhole_cover_missing',
    lat: String(PLACE.lat),
    long: String(PLACE.long),
    address_string: '玉华路与青山路交叉口',
    description: '井盖丢失，骑手绕行 <危险> & 需尽快处理',
    media_url: 'https://photos.fixit.example/p/123.jpg?size=large&v=2',
    account_id: 'fixit-user-42',
    device_id: 'device-7',
    email: 'rider42@example.com',
    first_name: '明',
    last_name: '李',
    phone: '+86 138 0000 0000',
    'attribute[urgency]': 'urgent',
    ...extra,
  });

  beforeAll(async () => {
    system = await startSystem({
      OPEN311_JURISDICTION_ID: JURISDICTION,
      OPEN311_PARTNERS: `${PARTNER}:${createHash('sha256').update(API_KEY).digest('hex')}`,
    });
    gridWorker = await tokenFor({ sub: GRID_WORKER, role: 'grid_worker', gridId: GRID });
    department = await tokenFor({ sub: 'officer-mw-311', role: 'department', departmentCode: 'municipal_works' });
    const other = await tokenFor({ sub: OTHER_GRID_WORKER, role: 'grid_worker', gridId: GRID });
    const dispatch = (path: string) => `${system.url('grid-dispatch')}${path}`;
    expect((await call(dispatch('/v1/grid-workers/me/duty'), other, { method: 'PUT', body: { onDuty: false } })).status).toBe(200);
    expect((await call(dispatch('/v1/grid-workers/me/duty'), gridWorker, { method: 'PUT', body: { onDuty: true } })).status).toBe(200);
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('lists the hazard categories as services, in JSON and in XML, with their definitions', async () => {
    const json = await open311('/services.json');
    expect(json.status).toBe(200);
    expect(json.type).toMatch(/^application\/json/);
    for (const service of json.json) expect(Object.keys(service)).toEqual(SERVICE_FIELDS);
    const codes = (json.json as { service_code: string }[]).map((s) => s.service_code);
    expect(codes).toEqual(expect.arrayContaining(['manhole_cover_missing', 'road_damage', 'fire_hazard']));
    // A worker's own appeals are not a public civic service.
    expect(codes).not.toContain('pay_dispute');
    expect(json.json.find((s: { service_code: string }) => s.service_code === 'manhole_cover_missing')).toMatchObject({
      service_name: 'Missing manhole cover', metadata: true, type: 'realtime', group: 'municipal_works',
    });

    const xml = await open311(`/services.xml?jurisdiction_id=${JURISDICTION}`);
    expect(xml.status).toBe(200);
    expect(xml.type).toMatch(/^text\/xml/);
    const services = asList((readXml(xml.text).services as Record<string, XmlNode>).service) as Record<string, string>[];
    expect(services.map((s) => s.service_code)).toEqual(codes);
    for (const service of services) expect(Object.keys(service)).toEqual(SERVICE_FIELDS);
    expect(services[0]!.metadata).toBe('true');

    const definition = await open311('/services/manhole_cover_missing.json');
    expect(definition.status).toBe(200);
    expect(Object.keys(definition.json)).toEqual(['service_code', 'attributes']);
    expect(Object.keys(definition.json.attributes[0])).toEqual(ATTRIBUTE_FIELDS);
    expect(definition.json.attributes[0]).toMatchObject({ code: 'urgency', datatype: 'singlevaluelist', values: [{ key: 'normal', name: '一般' }, { key: 'urgent', name: '紧急' }] });
    const definitionXml = readXml((await open311('/services/manhole_cover_missing.xml')).text) as { service_definition: { attributes: { attribute: Record<string, XmlNode> } } };
    const attribute = definitionXml.service_definition.attributes.attribute;
    expect(Object.keys(attribute)).toEqual(ATTRIBUTE_FIELDS);
    expect(asList((attribute.values as Record<string, XmlNode>).value)).toEqual([{ key: 'normal', name: '一般' }, { key: 'urgent', name: '紧急' }]);

    expectError(await open311('/services/pay_dispute.json'), 404, 'service_code');
  });

  it('takes a form-encoded request with an api_key into intake and follows it to the department and to closed', async () => {
    const posted = await open311('/requests.json', { form: form() });
    expect(posted.status).toBe(201);
    expect(posted.json).toHaveLength(1);
    expect(Object.keys(posted.json[0])).toEqual(CREATED_FIELDS);
    const { service_request_id: id, token } = posted.json[0] as { service_request_id: string; token: string };
    expect(id).toMatch(/^NC-\d{8}-\d{6}$/);
    expect(posted.json[0].account_id).toBe('fixit-user-42');

    // The same form again (an answer lost on the way) is the same request, not a second one.
    const again = await open311('/requests.json', { form: form() });
    expect(again.json).toEqual(posted.json);
    expect(await count(`SELECT count(*) AS n FROM intake_grievances WHERE tracking_no = '${id}'`)).toBe(1);

    // The grievance entered the native path: the event that routing reads names the partner as the reporter.
    const [submitted] = await waitForMessages(system.kafka, 'grievance.submitted.v1', 1, (m) => m.key === token);
    expect(JSON.parse(submitted!.value!).payload).toMatchObject({
      trackingNo: id, kind: 'hazard', category: 'manhole_cover_missing', urgency: 'urgent',
      location: { lat: PLACE.lat, lng: PLACE.long, address: '玉华路与青山路交叉口' },
      reporter: { id: 'open311:fixit:account:fixit-user-42' },
    });

    const byToken = await open311(`/tokens/${token}.json`);
    expect(byToken.status).toBe(200);
    expect(byToken.json).toEqual([{ service_request_id: id, token }]);
    const byTokenXml = readXml((await open311(`/tokens/${token}.xml`)).text);
    expect(byTokenXml).toEqual({ service_requests: { request: { service_request_id: id, token } } });

    const read = async () => (await open311(`/requests/${id}.json`)).json[0] as Record<string, unknown>;
    const first = await read();
    expectRequestRecord(first);
    expect(first).toMatchObject({
      service_request_id: id, status: 'open', service_code: 'manhole_cover_missing', service_name: 'Missing manhole cover',
      description: '井盖丢失，骑手绕行 <危险> & 需尽快处理', address: '玉华路与青山路交叉口', lat: PLACE.lat, long: PLACE.long,
      media_url: 'https://photos.fixit.example/p/123.jpg?size=large&v=2',
    });
    expect(first.status_notes).toEqual(expect.any(String));

    // The grid worker is sent, accepts, checks on site; the department gets it. Once sent, the
    // request is expected by the grid worker's deadline to accept the ticket, in JSON and XML.
    const dispatched = await eventually(
      read,
      (r) => typeof r.status_notes === 'string' && (r.status_notes as string).includes(GRID_WORKER) && r.expected_datetime !== null,
      'dispatched to the grid worker, with a deadline',
      60_000,
    );
    expect(dispatched.expected_datetime).toMatch(ISO);
    expect(new Date(dispatched.expected_datetime as string).getTime()).toBeGreaterThan(Date.now());
    const dispatchedXml = readXml((await open311(`/requests/${id}.xml`)).text) as { service_requests: { request: Record<string, string> } };
    expect(dispatchedXml.service_requests.request.expected_datetime).toBe(dispatched.expected_datetime);
    const dispatch = (path: string) => `${system.url('grid-dispatch')}${path}`;
    const tickets = await eventually(
      async () => (await call(dispatch('/v1/tickets'), gridWorker)).body as { id: string; grievanceId: string }[],
      (list) => Array.isArray(list) && list.some((t) => t.grievanceId === token),
      'the ticket in the grid worker\'s list',
    );
    const ticket = tickets.find((t) => t.grievanceId === token)!.id;
    expect((await call(dispatch(`/v1/tickets/${ticket}/accept`), gridWorker, { method: 'POST' })).status).toBe(200);
    const verified = await call(dispatch(`/v1/tickets/${ticket}/verify`), gridWorker, {
      body: { verdict: 'confirmed', note: '现场核实，井盖缺失', position: { lat: PLACE.lat + 0.0003, lng: PLACE.long }, attachmentIds: [await uploadPhoto(system, gridWorker)] },
    });
    expect(verified).toMatchObject({ status: 200 });
    // Held by the department, the request is expected by the department's resolve deadline from the moment it started (sla.started.v1), not only once it warns.
    const atDepartment = await eventually(
      read,
      (r) => typeof r.agency_responsible === 'string' && typeof r.expected_datetime === 'string' && r.expected_datetime !== dispatched.expected_datetime,
      'held by the department, with its deadline',
      60_000,
    );
    expect(atDepartment.agency_responsible).toMatch(/Municipal Works|市政/);
    expect(atDepartment.status).toBe('open');
    expect(atDepartment.expected_datetime).toMatch(ISO);
    expect(new Date(atDepartment.expected_datetime as string).getTime()).toBeGreaterThan(Date.now());

    // In the open list, filtered by code, status and window; not in the closed one.
    const since = new Date(Date.now() - 3_600_000).toISOString();
    const openList = await open311(`/requests.json?service_code=manhole_cover_missing,road_damage&status=open&start_date=${encodeURIComponent(since)}`);
    expect(openList.status).toBe(200);
    for (const record of openList.json) expectRequestRecord(record);
    expect((openList.json as { service_request_id: string }[]).map((r) => r.service_request_id)).toContain(id);
    const closedList = await open311(`/requests.json?status=closed&start_date=${encodeURIComponent(since)}`);
    expect((closedList.json as { service_request_id: string }[]).map((r) => r.service_request_id)).not.toContain(id);

    // The department accepts and resolves it through routing's API: closed for Open311.
    const routing = (path: string) => `${system.url('routing')}${path}`;
    await eventually(async () => (await call(routing('/v1/inbox'), department)).body, (inbox) => JSON.stringify(inbox).includes(token), 'in the department inbox');
    expect((await call(routing(`/v1/matters/${token}/accept`), department, { method: 'POST' })).status).toBeLessThan(300);
    expect((await call(routing(`/v1/matters/${token}/resolve`), department, { body: { resolution: '已更换新井盖并加锁' } })).status).toBeLessThan(300);
    const closed = await eventually(read, (r) => r.status === 'closed', 'closed once resolved', 60_000);
    expectRequestRecord(closed);
    expect(closed.status_notes).toContain('已更换新井盖并加锁');
    expect(closed.agency_responsible).toMatch(/Municipal Works|市政/);
    expect(new Date(closed.updated_datetime as string).getTime()).toBeGreaterThan(new Date(closed.requested_datetime as string).getTime());

    // By id in a list (the other filters then do not apply), in JSON and in XML.
    const byIds = await open311(`/requests.json?service_request_id=${id}&status=open`);
    expect(byIds.json.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([id]);
    const xml = await open311(`/requests.xml?service_request_id=${id}`);
    expect(xml.type).toMatch(/^text\/xml/);
    const request = (readXml(xml.text).service_requests as Record<string, XmlNode>).request as Record<string, string>;
    expect(Object.keys(request)).toEqual(REQUEST_FIELDS);
    expect(request).toMatchObject({
      service_request_id: id, status: 'closed', description: '井盖丢失，骑手绕行 <危险> & 需尽快处理',
      media_url: 'https://photos.fixit.example/p/123.jpg?size=large&v=2', lat: String(PLACE.lat), long: String(PLACE.long), expected_datetime: '',
    });
    const closedNow = await open311(`/requests.json?status=closed&start_date=${encodeURIComponent(since)}`);
    expect((closedNow.json as { service_request_id: string }[]).map((r) => r.service_request_id)).toContain(id);

    // The partner is on record beside the grievance.
    expect(await count(`SELECT count(*) AS n FROM open311_requests r JOIN intake_grievances g ON g.id = r.grievance_id
      WHERE g.tracking_no = '${id}' AND r.partner_id = '${PARTNER}' AND r.account_id = 'fixit-user-42' AND r.device_id = 'device-7'`)).toBe(1);
  });

  it('answers bad requests with the spec\'s errors naming the field, and changes nothing', async () => {
    const before = {
      grievances: await count('SELECT count(*) AS n FROM intake_grievances'),
      partners: await count('SELECT count(*) AS n FROM open311_requests'),
      outbox: await count('SELECT count(*) AS n FROM messaging_outbox'),
    };
    const other = { description: `另一个坑 ${randomUUID()}` };
    expectError(await open311('/requests.json', { form: form({ ...other, api_key: 'not-a-partner-key' }) }), 403, 'api_key');
    expectError(await open311('/requests.json', { form: form({ ...other, api_key: '' }) }), 403, 'api_key');
    expectError(await open311('/requests.json', { form: form({ ...other, service_code: 'no_such_service' }) }), 400, 'service_code');
    expectError(await open311('/requests.json', { form: form({ ...other, service_code: 'pay_dispute' }) }), 400, 'service_code');
    expectError(await open311('/requests.json', { form: form({ ...other, lat: '', long: '' }) }), 400, 'lat, long');
    expectError(await open311('/requests.json', { form: form({ ...other, lat: '95' }) }), 400, 'lat');
    expectError(await open311('/requests.json', { form: form({ ...other, media_url: 'ftp://files.example/x.jpg' }) }), 400, 'media_url');
    expectError(await open311('/requests.json', { form: form({ ...other, jurisdiction_id: 'gz.example' }) }), 404, 'jurisdiction_id');
    expectError(
      await open311('/requests.json', { method: 'POST', headers: { 'content-type': 'application/json' }, form: undefined }),
      400,
      'content-type',
    );
    expectError(await open311('/requests.json?start_date=2026-13-45'), 400, 'start_date');
    expectError(await open311('/requests.json?start_date=2026-12-06T00:00:00Z&end_date=2026-12-01T00:00:00Z'), 400, 'end_date');
    expectError(await open311('/requests.json?status=pending'), 400, 'status');
    expectError(await open311(`/requests.json?jurisdiction_id=gz.example`), 404, 'jurisdiction_id');
    expectError(await open311(`/services.json?jurisdiction_id=gz.example`), 404, 'jurisdiction_id');
    expectError(await open311('/requests/NC-20000101-999999.json'), 404, 'service_request_id');
    expectError(await open311(`/tokens/${randomUUID()}.json`), 404, 'token');
    expectError(await open311('/services.csv'), 404, 'format');

    // In XML when the path asks for XML.
    const xml = await open311('/requests.xml', { form: form({ ...other, api_key: 'wrong' }) });
    expect({ status: xml.status, type: xml.type }).toEqual({ status: 403, type: expect.stringMatching(/^text\/xml/) });
    expect(readXml(xml.text)).toEqual({ errors: { error: { code: '403', description: expect.stringContaining('api_key') } } });
    const missing = await open311('/requests.xml', { form: form({ ...other, lat: '', long: '', service_code: '' }) });
    expect(missing.status).toBe(400);
    const entries = asList((readXml(missing.text).errors as Record<string, XmlNode>).error) as { code: string; description: string }[];
    expect(entries.map((e) => e.description.split(':')[0])).toEqual(['service_code', 'lat, long']);

    expect({
      grievances: await count('SELECT count(*) AS n FROM intake_grievances'),
      partners: await count('SELECT count(*) AS n FROM open311_requests'),
      outbox: await count('SELECT count(*) AS n FROM messaging_outbox'),
    }).toEqual(before);
  });
});
