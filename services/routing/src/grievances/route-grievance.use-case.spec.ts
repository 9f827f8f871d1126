import type { Polygon } from 'geojson';
import { PermanentEventError } from '@grievance/messaging';
import { fixedClock, manholeReport, payloadsOn, recordingTransaction, strictMock } from '@grievance/testing/unit';
import { hazardGrievance, reportersWith } from '../../test/unit-fixtures';
import type { GrievanceDeadlines } from '../deadlines/grievance-deadlines';
import { RoutingDirectory, RoutingDirectoryData } from '../decision/route-decision';
import type { DepartmentTopics } from '../directory/department-topics';
import type { RoutingDirectoryCache } from '../directory/routing-directory.cache';
import { GrievanceEntity } from './grievance.entity';
import type { GrievanceRepository, NewGrievance } from './grievance.repository';
import { RouteGrievance } from './route-grievance.use-case';

/** A square of the map, [west, south] to [east, north]. */
const square = (west: number, south: number, east: number, north: number): Polygon => ({
  type: 'Polygon',
  coordinates: [[[west, south], [east, south], [east, north], [west, north], [west, south]]],
});

/** Xiangyun district, with one grid in its south-west corner. */
const CITY: RoutingDirectoryData = {
  grids: [{ id: 'yuhua-g1', name: 'Yuhua Grid 1', districtId: 'xiangyun', polygon: square(115.8, 28.6, 115.85, 28.65) }],
  districts: [{ id: 'xiangyun', name: 'Xiangyun', polygon: square(115.8, 28.6, 115.9, 28.7) }],
  departments: [
    { code: 'municipal_works', name: 'Municipal Works Bureau' },
    { code: 'urban_management', name: 'Urban Management Bureau' },
  ],
  categories: [{ code: 'manhole_cover_missing', defaultDepartment: 'municipal_works' }],
  routes: [],
  fallbackOwners: [{ districtId: 'xiangyun', departmentCode: 'urban_management' }],
};
const IN_GRID = { lat: 28.62, lng: 115.82 };
const IN_DISTRICT_NO_GRID = { lat: 28.68, lng: 115.88 };

function setup(data: RoutingDirectoryData = CITY, existing: GrievanceEntity | null = null) {
  const tx = recordingTransaction();
  const directory = strictMock<RoutingDirectoryCache>({ get: async () => new RoutingDirectory(data) }, 'directory');
  const grievances = strictMock<GrievanceRepository>(
    { findForUpdate: async () => existing, insert: async (row: NewGrievance) => (existing ? undefined : Object.assign(new GrievanceEntity(), row)) },
    'grievances',
  );
  const topics = strictMock<DepartmentTopics>({ ensure: async () => undefined }, 'topics');
  const deadlines = strictMock<GrievanceDeadlines>({ arrive: async () => undefined }, 'deadlines');
  return { tx, grievances, topics, deadlines, route: new RouteGrievance(directory, grievances, topics, deadlines, reportersWith(), fixedClock(new Date())) };
}

describe('routing a new hazard', () => {
  it('gives one inside a grid to that grid to check on site, naming the department that will act', async () => {
    const { route, tx, grievances, topics, deadlines } = setup();
    await route.execute(manholeReport(undefined, { location: IN_GRID }), tx);
    expect(grievances.insert.mock.calls[0]![0]).toMatchObject({ status: 'routed', gridId: 'yuhua-g1', departmentCode: 'municipal_works', fallback: false, holder: { type: 'org_unit', id: 'yuhua-g1' } });
    expect(tx.events.map((e) => e.topic)).toEqual(['grievance.routed.v1']);
    expect(payloadsOn(tx, 'grievance.routed.v1')).toEqual([
      expect.objectContaining({ gridId: 'yuhua-g1', districtId: 'xiangyun', departmentCode: 'municipal_works', fallback: false, reporter: { occupation: 'rider' } }),
    ]);
    // The grid's check has its own deadlines (grid dispatch); a department's clock starts with its assignment.
    expect(deadlines.arrive).not.toHaveBeenCalled();
    expect(topics.ensure).not.toHaveBeenCalled();
  });

  it('gives one in no grid to the district’s fallback owner (兜底): assigned at once, its clock running, the issue on its topic', async () => {
    const { route, tx, grievances, topics, deadlines } = setup();
    await route.execute(manholeReport(undefined, { location: IN_DISTRICT_NO_GRID }), tx);
    const holder = { type: 'department', id: 'urban_management', name: 'Urban Management Bureau' };
    expect(grievances.insert.mock.calls[0]![0]).toMatchObject({ status: 'assigned', gridId: null, departmentCode: 'urban_management', fallback: true, holder });
    expect(topics.ensure).toHaveBeenCalledWith(['urban_management']);
    expect(deadlines.arrive).toHaveBeenCalledWith(tx, expect.any(GrievanceEntity), holder, 'department', expect.anything());
    expect(tx.events.map((e) => e.topic)).toEqual(['grievance.routed.v1', 'grievance.assigned.v1', 'department.urban_management.issues.v1']);
    expect(payloadsOn(tx, 'grievance.assigned.v1')).toEqual([{ holder, departmentCode: 'urban_management', reason: 'fallback' }]);
  });

  it('carries the report to the grid worker: whether the rider handed it in as themself, or a station logged it', async () => {
    const own = manholeReport(undefined, { location: IN_GRID, attachmentIds: ['0196c0de-0000-7000-8000-0000000000a1'] });
    const first = setup();
    await first.route.execute(own, first.tx);
    expect(payloadsOn(first.tx, 'grievance.routed.v1')[0]!.report).toEqual({
      trackingNo: own.payload.trackingNo,
      kind: 'hazard',
      category: 'manhole_cover_missing',
      title: own.payload.title,
      description: own.payload.description,
      urgency: 'urgent',
      location: IN_GRID,
      attachmentIds: ['0196c0de-0000-7000-8000-0000000000a1'],
      submittedAt: own.payload.submittedAt,
      reportedBy: 'worker-1',
    });

    const walkIn = { ...manholeReport(undefined, { location: IN_GRID, loggedAt: { stationId: 'station-7', staffId: 'staff-1', consentMethod: 'verbal' } }), actor: { id: 'staff-1', role: 'station_staff' as const } };
    const second = setup();
    await second.route.execute(walkIn, second.tx);
    const report = payloadsOn(second.tx, 'grievance.routed.v1')[0]!.report!;
    expect(report.loggedAtStationId).toBe('station-7');
    expect(report.reportedBy).toBeUndefined();
  });

  it('dead-letters a hazard nobody owns, storing nothing', async () => {
    const { route, tx, grievances } = setup({ ...CITY, grids: [], fallbackOwners: [], categories: [] });
    await expect(route.execute(manholeReport(undefined, { location: IN_DISTRICT_NO_GRID }), tx)).rejects.toThrow(PermanentEventError);
    expect(grievances.insert).not.toHaveBeenCalled();
    expect(tx.events).toEqual([]);
  });

  it.each([
    ['an appeal (the chain takes it)', { kind: 'appeal' as const }],
    ['a duplicate the check found (LinkDuplicate links it)', { duplicateOf: '0196c0de-0000-7000-8000-000000000001' }],
  ])('leaves alone %s', async (_case, over) => {
    const { route, tx, grievances } = setup();
    await expect(route.execute(manholeReport(undefined, over), tx)).resolves.toBeUndefined();
    expect(grievances.insert).not.toHaveBeenCalled();
  });

  it('routes a redelivered hazard only once', async () => {
    const event = manholeReport(undefined, { location: IN_GRID });
    const { route, tx } = setup(CITY, hazardGrievance({ grievanceId: event.grievanceId }));
    await expect(route.execute(event, tx)).resolves.toBeUndefined();
    expect(tx.events).toEqual([]);
  });

  it('leaves a redelivered hazard routed when nobody would own it now (the directory changed since): no dead letter', async () => {
    const event = manholeReport(undefined, { location: IN_DISTRICT_NO_GRID });
    const { route, tx, grievances } = setup({ ...CITY, grids: [], fallbackOwners: [], categories: [] }, hazardGrievance({ grievanceId: event.grievanceId }));
    await expect(route.execute(event, tx)).resolves.toBeUndefined();
    expect(grievances.insert).not.toHaveBeenCalled();
    expect(tx.events).toEqual([]);
  });
});
