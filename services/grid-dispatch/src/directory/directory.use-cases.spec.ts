import { DirectoryEntryChangedV1 } from '@grievance/contracts';
import { PermanentEventError } from '@grievance/messaging';
import { maskName } from '@grievance/platform';
import { fakeLogger, fakeUnitOfWork, NOW } from '../../test/fakes';
import type { DispatchWaiting } from '../dispatch/dispatch-waiting.use-case';
import { ApplyDirectoryChange } from './apply-directory-change.use-case';
import type { DirectoryRepository, GridWorker, GridWorkerLoad } from './directory.repository';
import type { GridIndex } from './grid-index';
import { ListGridWorkers } from './list-grid-workers.use-case';
import { SetDuty } from './set-duty.use-case';

function fakes(over: Partial<Record<keyof DirectoryRepository, jest.Mock>> = {}) {
  const directory = {
    takeApplyTurn: jest.fn().mockResolvedValue(undefined),
    applyGrid: jest.fn().mockResolvedValue(true),
    applyGridWorker: jest.fn().mockResolvedValue(true),
    applyUnit: jest.fn().mockResolvedValue(true),
    applyCode: jest.fn().mockResolvedValue(true),
    placeGridsOfCommunity: jest.fn().mockResolvedValue(undefined),
    placeGridsOfStreet: jest.fn().mockResolvedValue(undefined),
    findLiveGrid: jest.fn().mockResolvedValue({ id: 'g1' }),
    workersOf: jest.fn().mockResolvedValue([]),
    findWorker: jest.fn().mockResolvedValue(undefined),
    setOnDuty: jest.fn().mockResolvedValue(undefined),
    ...over,
  };
  const dispatchWaiting = { execute: jest.fn().mockResolvedValue(0) };
  const gridIndex = { changed: jest.fn() };
  return { directory, dispatchWaiting, gridIndex, repo: directory as unknown as DirectoryRepository, waiting: dispatchWaiting as unknown as DispatchWaiting };
}

describe('ListGridWorkers', () => {
  const chen: GridWorkerLoad = { id: 'gw-g1-1', name: '陈静', gridId: 'g1', onDuty: true, openTickets: 2, lastDispatchedAt: NOW };

  it('shows names in full to an admin and to the grid’s own workers, masked to everybody else', async () => {
    const { repo } = fakes({ workersOf: jest.fn().mockResolvedValue([chen]) });
    const useCase = new ListGridWorkers(fakeUnitOfWork(), repo);
    const full = { id: 'gw-g1-1', name: '陈静', gridId: 'g1', onDuty: true, openTickets: 2, lastDispatchedAt: NOW.toISOString() };

    expect(await useCase.execute({ gridId: 'g1', viewer: { role: 'admin' } })).toEqual([full]);
    expect(await useCase.execute({ gridId: 'g1', viewer: { role: 'grid_worker', gridId: 'g1' } })).toEqual([full]);
    expect(await useCase.execute({ gridId: 'g1', viewer: { role: 'grid_worker', gridId: 'g2' } })).toEqual([{ ...full, name: maskName('陈静') }]);
    expect(await useCase.execute({ gridId: 'g1', viewer: { role: 'auditor' } })).toEqual([{ ...full, name: maskName('陈静') }]);
    expect(maskName('陈静')).not.toBe('陈静');
  });

  it('does not know a grid that is retired or not in the directory', async () => {
    const { repo } = fakes({ findLiveGrid: jest.fn().mockResolvedValue(undefined) });
    await expect(new ListGridWorkers(fakeUnitOfWork(), repo).execute({ gridId: 'g9', viewer: { role: 'admin' } })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('SetDuty', () => {
  const worker: GridWorker = { id: 'gw-g1-1', name: '陈静', gridId: 'g1', onDuty: false, retired: false };

  it('puts a worker of their own grid on duty, then dispatches what waited within their reach', async () => {
    const { repo, waiting, directory, dispatchWaiting } = fakes({ findWorker: jest.fn().mockResolvedValue(worker) });
    const answer = await new SetDuty(fakeUnitOfWork(), repo, waiting, fakeLogger()).execute({ gridWorkerId: 'gw-g1-1', gridId: 'g1', onDuty: true });
    expect(answer).toEqual({ id: 'gw-g1-1', gridId: 'g1', onDuty: true });
    expect(directory.setOnDuty).toHaveBeenCalledWith('gw-g1-1', true);
    expect(dispatchWaiting.execute).toHaveBeenCalledWith({ gridWorkerId: 'gw-g1-1' });
  });

  it('dispatches nothing when the worker goes off duty', async () => {
    const { repo, waiting, dispatchWaiting } = fakes({ findWorker: jest.fn().mockResolvedValue(worker) });
    await new SetDuty(fakeUnitOfWork(), repo, waiting, fakeLogger()).execute({ gridWorkerId: 'gw-g1-1', gridId: 'g1', onDuty: false });
    expect(dispatchWaiting.execute).not.toHaveBeenCalled();
  });

  it('does not know a worker of another grid, a retired one or one not in the directory, and changes nothing', async () => {
    for (const found of [worker, { ...worker, retired: true }, undefined]) {
      const { repo, waiting, directory } = fakes({ findWorker: jest.fn().mockResolvedValue(found) });
      const gridId = found === worker ? 'g2' : 'g1';
      await expect(new SetDuty(fakeUnitOfWork(), repo, waiting, fakeLogger()).execute({ gridWorkerId: 'gw-g1-1', gridId, onDuty: true })).rejects.toMatchObject({
        code: 'not_found',
      });
      expect(directory.setOnDuty).not.toHaveBeenCalled();
    }
  });
});

describe('ApplyDirectoryChange', () => {
  const entry = (over: Partial<DirectoryEntryChangedV1>): DirectoryEntryChangedV1 =>
    ({ kind: 'grid', id: 'g5', name: 'Grid 5', parentId: 'c1', version: 2, retired: false, changedAt: NOW.toISOString(), ...over }) as DirectoryEntryChangedV1;
  const polygon = { type: 'Polygon', coordinates: [[[115.8, 28.6], [115.81, 28.6], [115.81, 28.61], [115.8, 28.6]]] } as DirectoryEntryChangedV1['polygon'];
  const useCase = (f: ReturnType<typeof fakes>) => new ApplyDirectoryChange(fakeUnitOfWork(), f.repo, f.gridIndex as unknown as GridIndex, f.waiting, fakeLogger());

  it('applies a live grid, forgets the spatial index, and dispatches the tickets that waited for it', async () => {
    const f = fakes();
    expect(await useCase(f).execute(entry({ polygon }))).toBe(true);
    expect(f.directory.applyGrid).toHaveBeenCalledWith(expect.objectContaining({ id: 'g5' }), polygon);
    expect(f.gridIndex.changed).toHaveBeenCalled();
    expect(f.dispatchWaiting.execute).toHaveBeenCalledWith({ gridId: 'g5' });
  });

  it('changes nothing for an entry already applied, a retired one dispatches nothing, and other kinds are routing’s alone', async () => {
    const old = fakes({ applyGridWorker: jest.fn().mockResolvedValue(false) });
    expect(await useCase(old).execute(entry({ kind: 'grid_worker', id: 'gw-1', parentId: 'g5' }))).toBe(false);
    expect(old.gridIndex.changed).not.toHaveBeenCalled();

    const retired = fakes();
    expect(await useCase(retired).execute(entry({ kind: 'grid_worker', id: 'gw-1', parentId: 'g5', retired: true }))).toBe(true);
    expect(retired.dispatchWaiting.execute).not.toHaveBeenCalled();

    const route = fakes();
    expect(await useCase(route).execute(entry({ kind: 'category_route', id: 'road_damage@d1' }))).toBe(false);
    expect(route.directory.takeApplyTurn).not.toHaveBeenCalled();
  });

  it('keeps categories and departments by code (what a check may correct to), without touching the grids', async () => {
    const department = fakes();
    const departmentEntry = entry({ kind: 'department', id: 'municipal_works', name: 'Municipal works', polygon: undefined });
    expect(await useCase(department).execute(departmentEntry)).toBe(true);
    expect(department.directory.applyCode).toHaveBeenCalledWith(departmentEntry);
    expect(department.gridIndex.changed).not.toHaveBeenCalled();
    expect(department.dispatchWaiting.execute).not.toHaveBeenCalled();
  });

  it('parks a grid without a polygon and a grid worker without a grid (retrying would not help)', async () => {
    await expect(useCase(fakes()).execute(entry({ polygon: undefined }))).rejects.toBeInstanceOf(PermanentEventError);
    await expect(useCase(fakes()).execute(entry({ kind: 'grid_worker', id: 'gw-1', parentId: undefined }))).rejects.toBeInstanceOf(PermanentEventError);
  });

  it('places the grids of a community or a street that changed', async () => {
    const community = fakes();
    await useCase(community).execute(entry({ kind: 'community', id: 'c1', name: '豫章社区', parentId: 's1' }));
    expect(community.directory.placeGridsOfCommunity).toHaveBeenCalledWith('c1', '豫章社区', 's1');
    const street = fakes();
    await useCase(street).execute(entry({ kind: 'street', id: 's1', parentId: 'd1' }));
    expect(street.directory.placeGridsOfStreet).toHaveBeenCalledWith('s1', 'd1');
    expect(street.dispatchWaiting.execute).not.toHaveBeenCalled();
  });
});
