import { ApiError, apiErrorFrom } from '../shared/errors';
import { budgetOf, checkFields, daysOf, type Field, hoursOf, saveProblems } from './entries';
import { calendars, departments, grids, policies } from './kinds';

const label = (key: string) => `«${key}»`;
const gridFields: Field[] = grids.fields;

describe('the admin\'s forms over versioned entries', () => {
  it('a stale edit (409 with the entry\'s current version) asks to reload, and says nothing at any field', () => {
    const stale = apiErrorFrom(409, { statusCode: 409, code: 'conflict', message: 'expectedVersion 3 is stale: the entry is at version 4', details: { field: 'expectedVersion', version: 4 } });
    expect(saveProblems(stale, departments.fields)).toEqual({ byField: {}, stale: true, top: null });
    const staleSetting = apiErrorFrom(409, { message: 'SLA policy urgent is at version 2, not 1; reload and edit again', details: { version: 2 } });
    expect(saveProblems(staleSetting, policies.fields).stale).toBe(true);
  });

  it('a 400\'s messages land at the fields they name (with a colon, or named only in the details); the rest stays at the top', () => {
    const error = apiErrorFrom(400, {
      message: ['name should not be empty', 'parentId: there is no community c9', 'property colour should not exist'],
    });
    const problems = saveProblems(error, gridFields);
    expect(problems.byField).toEqual({ name: ['name should not be empty'], parentId: ['parentId: there is no community c9'] });
    expect(problems.stale).toBe(false);
    expect((problems.top as ApiError).messages).toEqual(['property colour should not exist']);
    const needsPolygon = apiErrorFrom(400, { message: ['a grid needs a polygon'], details: { field: 'polygon' } });
    expect(saveProblems(needsPolygon, gridFields)).toEqual({ byField: { polygon: ['a grid needs a polygon'] }, stale: false, top: null });
    const nested = apiErrorFrom(400, { message: ['polygon.coordinates must be 1 to 20 closed rings of 4 to 5000 [lng, lat] positions (lng -180..180, lat -90..90)'] });
    expect(Object.keys(saveProblems(nested, gridFields).byField)).toEqual(['polygon']);
  });

  it('a polygon overlapping another grid (409 about a field) is said at the polygon; a 409 about no field stays at the top', () => {
    const overlap = apiErrorFrom(409, { message: 'polygon overlaps grid xiangyun-yuhua-g2', details: { field: 'polygon', overlaps: 'xiangyun-yuhua-g2' } });
    expect(saveProblems(overlap, gridFields).byField).toEqual({ polygon: ['polygon overlaps grid xiangyun-yuhua-g2'] });
    const busy = apiErrorFrom(409, { message: 'department fire is still used by route x: retire or move them first' });
    expect(saveProblems(busy, departments.fields)).toEqual({ byField: {}, stale: false, top: busy });
  });

  it('a rejected SLA policy names each problem by its own field (targets.respond is the respond field)', () => {
    const error = apiErrorFrom(400, {
      message: ['policy urgent: targets.respond must be milliseconds or an ISO-8601 duration such as PT2H or P7D; warnShare must be a number in (0, 1]'],
      details: { errors: ['targets.respond must be milliseconds or an ISO-8601 duration such as PT2H or P7D', 'warnShare must be a number in (0, 1]'] },
    });
    expect(saveProblems(error, policies.fields).byField).toEqual({
      respond: ['targets.respond must be milliseconds or an ISO-8601 duration such as PT2H or P7D'],
      warnShare: ['warnShare must be a number in (0, 1]'],
    });
  });

  it('a rejected SLA policy with its problems in the reader\'s language shows those, each at its field', () => {
    const error = apiErrorFrom(400, {
      message: ['policy urgent: targets.respond must be milliseconds or an ISO-8601 duration such as PT2H or P7D; calendar must name a calendar'],
      details: { errors: ['targets.respond must be milliseconds or an ISO-8601 duration such as PT2H or P7D', 'calendar must name a calendar'] },
      errors: [
        { field: 'targets.respond', code: 'invalid', message: '时限“响应”须为毫秒数或 ISO-8601 时长（如 PT2H、P7D）。' },
        { field: 'calendar', code: 'invalid', message: '须指定一个工作日历。' },
      ],
    });
    expect(saveProblems(error, policies.fields).byField).toEqual({ respond: ['时限“响应”须为毫秒数或 ISO-8601 时长（如 PT2H、P7D）。'], calendar: ['须指定一个工作日历。'] });
  });

  it('a server failure or a lost connection is for the top of the form', () => {
    const failure = new ApiError(500, [], 'e-1');
    expect(saveProblems(failure, departments.fields)).toEqual({ byField: {}, stale: false, top: failure });
    const offline = new TypeError('Failed to fetch');
    expect(saveProblems(offline, departments.fields).top).toBe(offline);
  });

  it('checks required fields, JSON and numbers before sending anything', () => {
    expect(checkFields({ code: ' ', name: 'Fire' }, departments.fields, (f) => f.label)).toEqual({ code: { key: 'validation.required', values: { field: 'code' } } });
    expect(checkFields({ id: 'g9', name: 'G9', polygon: '{"type":"Polygon",' }, gridFields, (f) => f.label)).toEqual({ polygon: { key: 'validation.json', values: { field: 'polygon' } } });
    expect(checkFields({ id: 'p', match: '{}', calendar: 'calendar', warnShare: 'most' }, policies.fields, (f) => f.label)).toEqual({ warnShare: { key: 'validation.number', values: { field: 'warnShare' } } });
  });

  it('sends a JSON field only as an object, and a grid\'s polygon only as a GeoJSON Polygon, saying so at the field', () => {
    expect(checkFields({ id: 'p', match: '["urgent"]', calendar: 'calendar' }, policies.fields, (f) => f.label)).toEqual({ match: { key: 'validation.jsonObject', values: { field: 'match' } } });
    expect(grids.body({ id: 'g9', name: 'G9', polygon: '{"type":"Point","coordinates":[115.8,28.6]}' }, label)).toEqual({ problems: { polygon: { key: 'validation.polygon', values: { field: '«polygon»' } } } });
    const ring = [[115.8, 28.6], [115.81, 28.6], [115.81, 28.61], [115.8, 28.6]];
    expect(grids.body({ id: 'g9', name: 'G9', polygon: JSON.stringify({ type: 'Polygon', coordinates: [ring] }) }, label)).toEqual({
      body: { id: 'g9', level: 'grid', name: 'G9', parentId: undefined, polygon: { type: 'Polygon', coordinates: [ring] } },
    });
    expect(policies.body({ id: 'p', match: '{"urgency":"urgent"}', respond: 'PT2H', calendar: 'calendar' }, label)).toMatchObject({ body: { match: { urgency: 'urgent' }, targets: { respond: 'PT2H' } } });
  });

  it('reads budgets, dates and working hours as typed', () => {
    expect(budgetOf('3600000')).toBe(3_600_000);
    expect(budgetOf(' PT4H ')).toBe('PT4H');
    expect(budgetOf('')).toBeUndefined();
    expect(daysOf('2027-01-01, 2027-02-10\n2027-02-11，2027-02-12')).toEqual(['2027-01-01', '2027-02-10', '2027-02-11', '2027-02-12']);
    expect(hoursOf('09:00-12:00, 13:30–18:00')).toEqual([{ from: '09:00', to: '12:00' }, { from: '13:30', to: '18:00' }]);
    expect(hoursOf('nine to five')).toBeUndefined();
  });

  it('a policy\'s form becomes the body the API takes: budgets under targets, empty ones left out', () => {
    const values = { ...policies.values(null), id: 'urgent', match: '{"urgency":"urgent"}', respond: 'PT1H', resolve: '86400000', calendar: 'calendar', warnShare: '0.5', reason: ' storms ' };
    expect(policies.body(values, label)).toEqual({
      body: { id: 'urgent', description: undefined, match: { urgency: 'urgent' }, targets: { respond: 'PT1H', resolve: 86_400_000 }, warnShare: 0.5, calendar: 'calendar', priority: undefined, reason: 'storms' },
    });
    expect(policies.body({ ...values, match: '' }, label)).toEqual({ problems: { match: { key: 'validation.required', values: { field: '«match»' } } } });
  });

  it('a calendar\'s working hours must read as intervals before it is sent', () => {
    const values = { ...calendars.values(null), id: 'cn-working', workingHours: '9 till 5' };
    expect(calendars.body(values, label)).toEqual({ problems: { workingHours: { key: 'validation.hours', values: { field: '«workingHours»' } } } });
    const good = calendars.body({ ...values, workingHours: '09:00-12:00', weekend: [6, 7], holidays: '2027-01-01' }, label);
    expect(good).toEqual({ body: expect.objectContaining({ id: 'cn-working', kind: 'working', workingHours: [{ from: '09:00', to: '12:00' }], weekend: [6, 7], holidays: ['2027-01-01'], workdays: [] }) });
  });

  it('an entry\'s form starts from what it is now', () => {
    expect(departments.values({ code: 'fire', name: 'Fire Brigade', version: 3, retired: false })).toEqual({ code: 'fire', name: 'Fire Brigade' });
    const polygon = { type: 'Polygon' as const, coordinates: [[[115.8, 28.6], [115.9, 28.6], [115.9, 28.7], [115.8, 28.6]]] };
    expect(grids.values({ id: 'g1', level: 'grid', name: 'G1', parentId: 'c1', polygon, version: 1, retired: false }).polygon).toBe(JSON.stringify(polygon));
  });
});
