import { GRIEVANCE_STATUSES } from '@grievance/contracts';
import { Open311Error } from './open311-error';
import { serialize, serializeErrors, serializeOne } from './open311-format';
import { parseIsoDate, readRequestFilter, readServiceRequestForm } from './open311-input';
import { apiKeyDigest, parsePartners, partnerOf } from './open311-partners';
import { readXml } from './open311-xml.testing';
import { open311StatusOf, requestOf, statusesOf, type TrackedRequest } from './open311-requests';
import { serviceDefinitionOf, serviceOf } from './open311-services';
import { idempotencyKeyOf, reporterIdOf } from './submit-open311-request.use-case';

const MANHOLE = { code: 'manhole_cover_missing', name: '井盖缺失', kind: 'hazard' as const, defaultDepartment: 'municipal_works' };

const REQUEST: TrackedRequest = {
  grievanceId: '0193a0b2-0000-7000-8000-000000000001',
  trackingNo: 'NC-20261206-000001',
  category: 'manhole_cover_missing',
  description: 'Cover gone <at> the "crossroads" & more',
  location: { lat: 28.66, lng: 115.82, address: '玉华路' },
  submittedAt: new Date('2026-12-06T01:00:00Z'),
  status: 'in_progress',
  latest: { at: new Date('2026-12-06T03:00:00Z'), summary: '市政工程局（职能部门）正在办理' },
  agency: '市政工程局',
  mediaUrl: 'https://img.example/a.jpg?x=1&y=2',
  expectedAt: new Date('2026-12-08T03:00:00Z'),
};

const form = (fields: Record<string, string>) => new URLSearchParams(fields);
const VALID = { api_key: 'k', service_code: 'manhole_cover_missing', lat: '28.66', long: '115.82', description: 'hole' };

function problemsOf(run: () => unknown): { status: number; descriptions: string[] } {
  try {
    run();
  } catch (error) {
    if (error instanceof Open311Error) return { status: error.status, descriptions: error.entries.map((e) => e.description) };
    throw error;
  }
  throw new Error('expected an Open311Error');
}

describe('Open311 status', () => {
  it('is closed once resolved, rejected or closed, and open before', () => {
    expect(GRIEVANCE_STATUSES.filter((s) => open311StatusOf(s) === 'closed').sort()).toEqual(['closed', 'rejected', 'resolved']);
    expect(open311StatusOf('submitted')).toBe('open');
    expect(open311StatusOf('in_progress')).toBe('open');
    expect(statusesOf('open', GRIEVANCE_STATUSES)).toEqual(['submitted', 'routed', 'dispatched', 'accepted', 'verified', 'in_progress']);
  });
});

describe('a service request in GeoReport v2 fields', () => {
  it('carries every field of the spec, in its order, from the tracking view', () => {
    const record = requestOf(REQUEST, '井盖缺失');
    expect(Object.keys(record)).toEqual([
      'service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description', 'agency_responsible', 'service_notice',
      'requested_datetime', 'updated_datetime', 'expected_datetime', 'address', 'address_id', 'zipcode', 'lat', 'long', 'media_url',
    ]);
    expect(record).toMatchObject({
      service_request_id: 'NC-20261206-000001',
      status: 'open',
      status_notes: '市政工程局（职能部门）正在办理',
      agency_responsible: '市政工程局',
      requested_datetime: '2026-12-06T01:00:00.000Z',
      updated_datetime: '2026-12-06T03:00:00.000Z',
      expected_datetime: '2026-12-08T03:00:00.000Z',
      address: '玉华路',
      lat: 28.66,
      long: 115.82,
    });
  });

  it('expects it by the holder\'s deadline while open, and by no time once closed or while no deadline is known', () => {
    for (const status of ['resolved', 'rejected', 'closed'] as const) expect(requestOf({ ...REQUEST, status }, 'x').expected_datetime).toBeNull();
    expect(requestOf({ ...REQUEST, status: 'dispatched' }, 'x').expected_datetime).toBe('2026-12-08T03:00:00.000Z');
    expect(requestOf({ ...REQUEST, expectedAt: null }, 'x').expected_datetime).toBeNull();
  });

  it('has no address or point when the grievance has none, and its submission time as the update', () => {
    const record = requestOf({ ...REQUEST, location: null, latest: null, agency: null, mediaUrl: null }, 'x');
    expect(record).toMatchObject({ address: null, lat: null, long: null, status_notes: null, agency_responsible: null, updated_datetime: '2026-12-06T01:00:00.000Z' });
  });
});

describe('services', () => {
  it('lists a hazard category with the spec fields and defines its urgency attribute', () => {
    expect(serviceOf(MANHOLE)).toEqual({
      service_code: 'manhole_cover_missing', service_name: '井盖缺失', description: '井盖缺失', metadata: true, type: 'realtime',
      keywords: 'manhole_cover_missing,hazard', group: 'municipal_works',
    });
    const definition = serviceDefinitionOf(MANHOLE);
    expect(definition.attributes).toEqual([
      expect.objectContaining({ code: 'urgency', datatype: 'singlevaluelist', required: false, values: [{ key: 'normal', name: '一般' }, { key: 'urgent', name: '紧急' }] }),
    ]);
  });
});

describe('XML documents', () => {
  it('escapes what a reporter wrote and parses back to the spec structure', () => {
    const xml = serialize('xml', 'service_requests', 'request', [requestOf(REQUEST, '井盖 & <盖>')]);
    expect(xml).toContain('<description>Cover gone &lt;at&gt; the "crossroads" &amp; more</description>');
    expect(xml).toContain('<expected_datetime>2026-12-08T03:00:00.000Z</expected_datetime>');
    expect(serialize('xml', 'service_requests', 'request', [requestOf({ ...REQUEST, expectedAt: null }, 'x')])).toContain('<expected_datetime/>');
    const parsed = readXml(xml) as unknown as { service_requests: { request: Record<string, string> } };
    expect(parsed.service_requests.request).toMatchObject({ service_request_id: 'NC-20261206-000001', service_name: '井盖 & <盖>', media_url: 'https://img.example/a.jpg?x=1&y=2', lat: '28.66' });
  });

  it('drops characters XML cannot hold instead of failing', () => {
    const xml = serialize('xml', 'service_requests', 'request', [requestOf({ ...REQUEST, description: 'a\u0001b\uFFFEc' }, 'x')]);
    expect(xml).toContain('<description>abc</description>');
  });

  it('nests a definition\'s attributes and values as the spec shows', () => {
    const xml = serializeOne('xml', 'service_definition', serviceDefinitionOf(MANHOLE));
    const parsed = readXml(xml) as unknown as { service_definition: { service_code: string; attributes: { attribute: { code: string; values: { value: { key: string }[] } } } } };
    expect(parsed.service_definition.service_code).toBe('manhole_cover_missing');
    expect(parsed.service_definition.attributes.attribute.code).toBe('urgency');
    expect(parsed.service_definition.attributes.attribute.values.value.map((v) => v.key)).toEqual(['normal', 'urgent']);
  });

  it('writes errors as <errors><error><code/><description/></error></errors> and as [{code, description}]', () => {
    const error = Open311Error.badRequest(['lat: required', 'service_code: required']);
    expect(serializeErrors('xml', error)).toBe(
      '<?xml version="1.0" encoding="utf-8"?><errors><error><code>400</code><description>lat: required</description></error><error><code>400</code><description>service_code: required</description></error></errors>',
    );
    expect(JSON.parse(serializeErrors('json', error))).toEqual([{ code: 400, description: 'lat: required' }, { code: 400, description: 'service_code: required' }]);
  });
});

describe('the POST form', () => {
  it('reads the spec arguments, attribute[urgency] included', () => {
    expect(readServiceRequestForm(form({ ...VALID, address_string: '玉华路', 'attribute[urgency]': 'urgent', account_id: 'u-1', media_url: 'https://img.example/1.jpg' }))).toMatchObject({
      serviceCode: 'manhole_cover_missing', lat: 28.66, long: 115.82, addressString: '玉华路', urgency: 'urgent', accountId: 'u-1', mediaUrl: 'https://img.example/1.jpg',
    });
  });

  it('refuses an address without coordinates, naming lat and long and saying why', () => {
    const { status, descriptions } = problemsOf(() => readServiceRequestForm(form({ api_key: 'k', service_code: 'road_damage', address_string: '玉华路 1 号' })));
    expect(status).toBe(400);
    expect(descriptions).toEqual(['lat, long: required; an address alone cannot be placed here (no geocoder), and routing needs the point']);
  });

  it.each([
    [{ lat: '91' }, 'lat:'],
    [{ long: 'east' }, 'long:'],
    [{ media_url: 'file:///etc/passwd' }, 'media_url: must be an http or https URL'],
    [{ media_url: 'http://user:pw@img.example/1.jpg' }, 'media_url: must not carry credentials'],
    [{ 'attribute[urgency]': 'panic' }, 'attribute[urgency]:'],
    [{ 'attribute[colour]': 'red' }, 'attribute[colour]:'],
    [{ email: 'not-an-email' }, 'email:'],
    [{ description: '界'.repeat(4001) }, 'description: at most 4000'],
    [{ is_admin: 'true' }, 'is_admin:'],
    [{ service_code: "' OR 1=1" }, 'service_code:'],
  ])('refuses %j naming the field', (change, named) => {
    const { status, descriptions } = problemsOf(() => readServiceRequestForm(form({ ...VALID, ...change })));
    expect(status).toBe(400);
    expect(descriptions.join('\n')).toContain(named);
  });

  it('refuses a field given twice', () => {
    const fields = form(VALID);
    fields.append('lat', '1');
    expect(problemsOf(() => readServiceRequestForm(fields)).descriptions).toEqual(['lat: given more than once']);
  });
});

describe('the list filters', () => {
  const now = new Date('2026-12-06T12:00:00Z');

  it('defaults to the last 90 days', () => {
    const filter = readRequestFilter({}, now);
    expect(filter.end).toEqual(now);
    expect(filter.start).toEqual(new Date('2026-09-07T12:00:00Z'));
  });

  it('reads ids, codes, status and dates with offsets', () => {
    expect(readRequestFilter({ service_request_id: 'NC-20261206-000001,NC-20261206-000002', status: 'open,closed', start_date: '2026-12-01T00:00:00+08:00', end_date: '2026-12-06' }, now)).toMatchObject({
      serviceRequestIds: ['NC-20261206-000001', 'NC-20261206-000002'],
      status: ['open', 'closed'],
      start: new Date('2026-11-30T16:00:00Z'),
      end: new Date('2026-12-06T00:00:00Z'),
    });
  });

  it.each([
    [{ start_date: '2026-13-45' }, 'start_date:'],
    [{ start_date: '2026-02-30T00:00:00Z' }, 'start_date:'],
    [{ end_date: 'yesterday' }, 'end_date:'],
    [{ start_date: '2026-12-06T00:00:00Z', end_date: '2026-12-01T00:00:00Z' }, 'end_date: must not be before start_date'],
    [{ start_date: '2026-01-01T00:00:00Z', end_date: '2026-12-01T00:00:00Z' }, 'end_date: the range'],
    [{ status: 'pending' }, 'status:'],
    [{ service_request_id: "1' OR 1=1" }, 'service_request_id:'],
    [{ '__proto__[isAdmin]': '1' }, '__proto__[isAdmin]:'],
  ])('refuses %j naming the field', (query, named) => {
    const { status, descriptions } = problemsOf(() => readRequestFilter(query, now));
    expect(status).toBe(400);
    expect(descriptions.join('\n')).toContain(named);
  });

  it('parses only real ISO 8601 dates', () => {
    expect(parseIsoDate('2026-12-06T08:00:00+08:00')).toEqual(new Date('2026-12-06T00:00:00Z'));
    expect(parseIsoDate('2026-12-06T08:00:00')).toBeUndefined();
    expect(parseIsoDate('06/12/2026')).toBeUndefined();
  });
});

describe('partners and reporters', () => {
  const partners = parsePartners(`citizen-app:${apiKeyDigest('key-of-citizen-app-0123456789')},fixit:${apiKeyDigest('key-of-fixit-9876543210')}`);

  it('knows a partner by its key and nobody by another', () => {
    expect(partnerOf(partners, 'key-of-fixit-9876543210')).toBe('fixit');
    expect(partnerOf(partners, 'key-of-fixit-9876543211')).toBeUndefined();
    expect(partnerOf(partners, '')).toBeUndefined();
    expect(partnerOf([], 'anything')).toBeUndefined();
  });

  it('refuses a setting that is not app-id:digest pairs (a key pasted in by mistake)', () => {
    expect(() => parsePartners('citizen-app:key-of-citizen-app')).toThrow('OPEN311_PARTNERS');
  });

  it('names the partner and its account or device as the reporter', () => {
    expect(reporterIdOf('fixit', { accountId: 'u-1', deviceId: 'd-1' })).toBe('open311:fixit:account:u-1');
    expect(reporterIdOf('fixit', { deviceId: 'd-1' })).toBe('open311:fixit:device:d-1');
    expect(reporterIdOf('fixit', {})).toBe('open311:fixit:anonymous');
  });

  it('derives the same idempotency key for the same form from the same partner only', () => {
    const sent = readServiceRequestForm(form(VALID));
    expect(idempotencyKeyOf('fixit', sent)).toBe(idempotencyKeyOf('fixit', { ...sent, apiKey: 'another' }));
    expect(idempotencyKeyOf('fixit', sent)).not.toBe(idempotencyKeyOf('citizen-app', sent));
    expect(idempotencyKeyOf('fixit', sent)).not.toBe(idempotencyKeyOf('fixit', { ...sent, description: 'another hole' }));
  });
});
