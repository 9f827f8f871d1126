import type { Principal } from '@grievance/auth';
import { Level, uuidv7 } from '@grievance/contracts';
import { strictMock } from '@grievance/testing/unit';
import type { DataSource, EntityManager } from 'typeorm';
import { RoutingDirectory } from '../src/decision/route-decision';
import { rungHolder } from '../src/escalation/chain-rules';
import { GrievanceEntity } from '../src/grievances/grievance.entity';
import { ReportersRepository } from '../src/reporters/reporters.repository';

/**
 * Grievances and callers for the unit tests of routing's use cases (no database: the
 * repositories around them are strict mocks).
 */

/** An appeal's way up: a liaison member, the branch, its industry committee, the 两新工委. */
export const FULL_PATH: Readonly<Record<Level, string>> = { member: 'mb-1', branch: 'br-1', industry_committee: 'ic-1', two_new_committee: 'tnc' };

const RUNG_NAMES: Readonly<Record<Level, string>> = {
  member: 'Liu (liaison member)',
  branch: 'Courier Branch',
  industry_committee: 'Logistics Committee',
  two_new_committee: '两新工委',
};

/** The holder each rung of FULL_PATH is. */
export const rungOf = (level: Level) => rungHolder(level, { id: FULL_PATH[level], name: RUNG_NAMES[level] });

/** A hazard a grid checked and its department now holds. */
export function hazardGrievance(over: Partial<GrievanceEntity> = {}): GrievanceEntity {
  return Object.assign(new GrievanceEntity(), {
    grievanceId: uuidv7(),
    trackingNo: 'NC-20261123-000001',
    kind: 'hazard',
    category: 'manhole_cover_missing',
    title: 'Missing cover',
    description: 'By the school gate',
    urgency: 'normal',
    location: { lat: 28.66, lng: 115.82 },
    attachmentIds: [],
    reporterId: 'worker-1',
    districtId: 'xiangyun',
    gridId: 'xiangyun-yuhua-g1',
    departmentCode: 'municipal_works',
    holder: { type: 'department', id: 'municipal_works', name: 'Municipal Works Bureau' },
    status: 'assigned',
    fallback: false,
    resolution: null,
    level: null,
    owner: null,
    chain: {},
    bounces: 0,
    underSupervision: false,
    supervisionRound: 0,
    supervisor: null,
    reopenings: 0,
    submittedAt: new Date('2026-11-23T01:00:00Z'),
    updatedAt: new Date('2026-11-23T01:00:00Z'),
    ...over,
  });
}

/** An appeal a rung of FULL_PATH owns and holds. */
export function appealGrievance(level: Level, over: Partial<GrievanceEntity> = {}): GrievanceEntity {
  return hazardGrievance({
    kind: 'appeal',
    category: 'wage_arrears',
    location: null,
    districtId: null,
    gridId: null,
    departmentCode: null,
    holder: rungOf(level),
    owner: rungOf(level),
    level,
    chain: { ...FULL_PATH },
    status: 'in_progress',
    ...over,
  });
}

/** The caller acting for a rung of FULL_PATH. */
export const rungUser = (level: Level, orgUnitId = FULL_PATH[level]): Principal => ({ sub: `${level}-user`, role: level, orgUnitId });

/** The caller acting for a department. */
export const departmentUser = (departmentCode: string): Principal => ({ sub: `${departmentCode}-user`, role: 'department', departmentCode });

/** What routing's directory says about the categories a check may correct to. */
export const ROUTING_DIRECTORY = new RoutingDirectory({
  grids: [],
  districts: [],
  departments: [
    { code: 'municipal_works', name: 'Municipal Works Bureau' },
    { code: 'fire', name: 'Fire Brigade' },
  ],
  categories: [
    { code: 'manhole_cover_missing', defaultDepartment: 'municipal_works' },
    { code: 'fire_hazard', defaultDepartment: 'fire' },
  ],
  routes: [],
  fallbackOwners: [],
});

/**
 * The reporters' repository over a register holding `registration` (a worker's row), or no
 * one: it reads only that row, and any other use of the database fails by name.
 */
export function reportersWith(registration: object | null = null): ReportersRepository {
  // The registration read is the only statement knownReporter makes.
  const manager = strictMock<EntityManager>({ query: (async () => (registration ? [registration] : [])) as never }, 'reporters.manager');
  return new ReportersRepository(strictMock<DataSource>({ manager }, 'reporters.dataSource'));
}
