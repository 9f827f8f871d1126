import { payloadsOn, recordingOutbox, strictMock } from '@grievance/testing/unit';
import { appealGrievance, departmentUser, hazardGrievance } from '../../test/unit-fixtures';
import type { RoutingConfig } from '../config';
import { RoutingDirectory } from '../decision/route-decision';
import type { DepartmentEntity } from '../directory/directory.entities';
import type { DirectoryRepository } from '../directory/directory.repository';
import type { RoutingDirectoryCache } from '../directory/routing-directory.cache';
import type { Principal } from '@grievance/auth';
import type { ChainMoves } from '../escalation/chain-moves';
import type { AssignToDepartment } from './assign-to-department.use-case';
import { DepartmentBounce } from './department-bounce';
import { ReturnGrievance } from './return-grievance.use-case';
import { TransferGrievance } from './transfer-grievance.use-case';
import type { GrievanceEntity, GrievanceStatus } from './grievance.entity';
import type { GrievanceRepository } from './grievance.repository';

/**
 * Road damage in Xiangyun: routed there to the highways office, else the category's
 * municipal works, else the district's fallback owner (兜底), urban management, who
 * arbitrates a grievance bounced too often. Water is a live department that owns nothing here.
 */
const DIRECTORY = new RoutingDirectory({
  grids: [],
  districts: [],
  departments: ['highways', 'municipal_works', 'urban_management', 'water', 'parks'].map((code) => ({ code, name: code })),
  categories: [
    { code: 'road_damage', defaultDepartment: 'municipal_works' },
    { code: 'fallen_tree', defaultDepartment: 'parks' },
  ],
  routes: [{ category: 'road_damage', districtId: 'xiangyun', departmentCode: 'highways' }],
  fallbackOwners: [
    { districtId: 'xiangyun', departmentCode: 'urban_management' },
    { districtId: null, departmentCode: 'urban_management' },
  ],
});
const LIVE = new Set(['highways', 'municipal_works', 'urban_management', 'water', 'parks']);
const MAX_RETURNS = 2;

const roadDamage = (holder: string, over: Partial<GrievanceEntity> = {}) =>
  hazardGrievance({ category: 'road_damage', departmentCode: holder, holder: { type: 'department', id: holder, name: holder }, ...over });

function setup(current: GrievanceEntity | null, live = LIVE, routingDirectory = DIRECTORY) {
  const { outbox, tx } = recordingOutbox();
  const grievances = strictMock<GrievanceRepository>({ findForUpdate: async () => current }, 'grievances');
  const routing = strictMock<RoutingDirectoryCache>({ get: async () => routingDirectory }, 'routing');
  const directory = strictMock<DirectoryRepository>({ department: async (code) => (live.has(code) ? ({ code, name: code } as DepartmentEntity) : null) }, 'directory');
  const assign = strictMock<AssignToDepartment>({ execute: async (_cause, _tx, _grievance, code) => ({ type: 'department', id: code, name: code }) }, 'assign');
  const config = strictMock<RoutingConfig>({ CHAIN_MAX_RETURNS: MAX_RETURNS }, 'config');
  const bounce = new DepartmentBounce(grievances, directory, assign, config);
  const moves = {
    returnGrievance: (principal: Principal, id: string, reason: string, attachmentIds: string[]) =>
      new ReturnGrievance(outbox, grievances, strictMock<ChainMoves>({}, 'chain'), routing, bounce, config).execute(principal, id, reason, attachmentIds),
    transfer: (principal: Principal, id: string, departmentCode: string, reason: string) => new TransferGrievance(outbox, routing, directory, bounce).execute(principal, id, departmentCode, reason),
  };
  return { tx, assign, moves };
}

/** Where the grievance went: the department the assignment gave it to, and why. */
const assignedTo = (assign: ReturnType<typeof setup>['assign']) => assign.execute.mock.calls.map(([, , , code, reason]) => [code, reason]);

describe('a department returns a hazard that is not its own (退单)', () => {
  it.each([
    ['highways', 'municipal_works', 'the district route returns it: the category’s department'],
    ['municipal_works', 'highways', 'the category’s department returns it: the district route'],
    ['water', 'highways', 'a department outside its owners returns it: the first owner'],
  ])('from %s it goes to %s (%s)', async (from, to) => {
    const grievance = roadDamage(from);
    const { moves, tx, assign } = setup(grievance);
    await moves.returnGrievance(departmentUser(from), grievance.grievanceId, 'not our road', ['0196c0de-0000-7000-8000-000000000003']);
    expect(assignedTo(assign)).toEqual([[to, 'returned']]);
    expect(payloadsOn(tx, 'grievance.department-returned.v1')).toEqual([
      {
        fromHolder: { type: 'department', id: from, name: from },
        toHolder: { type: 'department', id: to, name: to },
        departmentCode: to,
        reason: 'not our road',
        bounces: 1,
        arbitration: false,
        attachmentIds: ['0196c0de-0000-7000-8000-000000000003'],
      },
    ]);
    expect(grievance.bounces).toBe(1);
  });

  it('hands a grievance bounced once too often to the fallback owner to arbitrate', async () => {
    const grievance = roadDamage('highways', { bounces: MAX_RETURNS });
    const { moves, tx, assign } = setup(grievance);
    await moves.returnGrievance(departmentUser('highways'), grievance.grievanceId, 'still not ours', []);
    expect(assignedTo(assign)).toEqual([['urban_management', 'returned']]);
    expect(payloadsOn(tx, 'grievance.department-returned.v1')).toEqual([expect.objectContaining({ departmentCode: 'urban_management', arbitration: true, bounces: 3 })]);
  });

  it('refuses the arbitrating fallback owner a return: it must resolve or transfer', async () => {
    const grievance = roadDamage('urban_management', { bounces: MAX_RETURNS + 1 });
    const { moves, tx, assign } = setup(grievance);
    await expect(moves.returnGrievance(departmentUser('urban_management'), grievance.grievanceId, 'no', [])).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('its fallback owner arbitrates'),
    });
    expect(assign.execute).not.toHaveBeenCalled();
    expect(tx.events).toEqual([]);
  });

  it('refuses when routing knows no one else for the category: the department must name one', async () => {
    // Parks is gone from the directory: urban management, the city's fallback owner, is the only owner of a fallen tree.
    const withoutParks = new RoutingDirectory({
      grids: [],
      districts: [],
      departments: [{ code: 'urban_management', name: 'u' }],
      categories: [{ code: 'fallen_tree', defaultDepartment: 'parks' }],
      routes: [],
      fallbackOwners: [{ districtId: null, departmentCode: 'urban_management' }],
    });
    const tree = hazardGrievance({ category: 'fallen_tree', districtId: null, departmentCode: 'urban_management', holder: { type: 'department', id: 'urban_management', name: 'u' } });
    const { moves, tx } = setup(tree, LIVE, withoutParks);
    await expect(moves.returnGrievance(departmentUser('urban_management'), tree.grievanceId, 'no', [])).rejects.toMatchObject({
      code: 'conflict',
      message: 'routing knows no other owner for this category here: transfer it to the department that must act',
    });
    expect(tx.events).toEqual([]);
  });
});

describe('a department transfers a hazard to the one that must act (转办)', () => {
  it('sends it straight to the named department, counting the bounce', async () => {
    const grievance = roadDamage('highways');
    const { moves, tx, assign } = setup(grievance);
    await moves.transfer(departmentUser('highways'), grievance.grievanceId, 'water', 'a burst main under the road');
    expect(assignedTo(assign)).toEqual([['water', 'transferred']]);
    expect(payloadsOn(tx, 'grievance.transferred.v1')).toEqual([
      expect.objectContaining({ departmentCode: 'water', reason: 'a burst main under the road', bounces: 1, arbitration: false }),
    ]);
  });

  it('sends one bounced once too often to the fallback owner instead, whose own transfers then stand', async () => {
    const tooOften = roadDamage('highways', { bounces: MAX_RETURNS });
    const first = setup(tooOften);
    await first.moves.transfer(departmentUser('highways'), tooOften.grievanceId, 'water', 'a burst main');
    expect(assignedTo(first.assign)).toEqual([['urban_management', 'transferred']]);

    const arbitrating = roadDamage('urban_management', { bounces: MAX_RETURNS + 1 });
    const second = setup(arbitrating);
    await second.moves.transfer(departmentUser('urban_management'), arbitrating.grievanceId, 'water', 'water must dig');
    expect(assignedTo(second.assign)).toEqual([['water', 'transferred']]);
    expect(payloadsOn(second.tx, 'grievance.transferred.v1')).toEqual([expect.objectContaining({ arbitration: false, bounces: MAX_RETURNS + 2 })]);
  });

  it.each([
    ['highways', 'departmentCode highways is the department that holds the grievance already'],
    ['ghost_office', 'departmentCode ghost_office is not a live department of the directory'],
  ])('refuses a transfer to %s, naming the field', async (to, message) => {
    const grievance = roadDamage('highways');
    const { moves, tx, assign } = setup(grievance);
    await expect(moves.transfer(departmentUser('highways'), grievance.grievanceId, to, 'x')).rejects.toMatchObject({ code: 'invalid', message, details: { field: 'departmentCode' } });
    expect(assign.execute).not.toHaveBeenCalled();
    expect(tx.events).toEqual([]);
    expect(grievance.bounces).toBe(0);
  });

  it('refuses when the department routing would send it to is retired', async () => {
    const grievance = roadDamage('highways', { bounces: MAX_RETURNS });
    const { moves, tx } = setup(grievance, new Set(['highways', 'water']));
    await expect(moves.transfer(departmentUser('highways'), grievance.grievanceId, 'water', 'x')).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('urban_management routing would send it to is retired'),
    });
    expect(tx.events).toEqual([]);
  });
});

describe('what a department may not send on', () => {
  it('an appeal a rung asked it to act on: that stays with the rung', async () => {
    const asked = appealGrievance('branch', { status: 'assigned', departmentCode: 'highways', holder: { type: 'department', id: 'highways', name: 'h' } });
    const { moves } = setup(asked);
    await expect(moves.transfer(departmentUser('highways'), asked.grievanceId, 'water', 'x')).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('stays with that rung') });
  });

  it.each<GrievanceStatus>(['routed', 'resolved', 'closed'])('a %s grievance', async (status) => {
    const grievance = roadDamage('highways', { status });
    const { moves, tx } = setup(grievance);
    await expect(moves.returnGrievance(departmentUser('highways'), grievance.grievanceId, 'x', [])).rejects.toMatchObject({
      code: 'conflict',
      message: `the grievance is ${status}; only an assigned or accepted grievance can be returned or transferred`,
    });
    expect(tx.events).toEqual([]);
  });

  it('a grievance another department holds', async () => {
    const { moves } = setup(roadDamage('highways'));
    await expect(moves.returnGrievance(departmentUser('water'), 'g-1', 'x', [])).rejects.toMatchObject({ code: 'not_found' });
  });
});
