import { pointsAccountId } from '@grievance/contracts';
import type { UnitOfWork } from '@grievance/messaging';
import { RegisterReporter, RegisterReporterCommand } from './register-reporter.use-case';
import type { Registration, ReportersRepository } from './reporters.repository';

function setup(options: { branches?: string[]; fallback?: string | null } = {}) {
  const rows = new Map<string, Registration>();
  const reporters = {
    isBranch: jest.fn(async (id: string) => (options.branches ?? []).includes(id)),
    save: jest.fn(async (r: Registration) => {
      rows.set(r.workerId, r);
    }),
    find: jest.fn(async (workerId: string) => rows.get(workerId)),
    fallbackBranchFor: jest.fn().mockResolvedValue(options.fallback ?? null),
    committeeOf: jest.fn(async (branchId: string) => (branchId.startsWith('branch-delivery') ? 'ic-delivery' : null)),
  };
  const published: { topic: string; envelope: { grievanceId: string; payload: unknown } }[] = [];
  const tx = { publish: jest.fn(async (topic: string, envelope: { grievanceId: string; payload: unknown }) => void published.push({ topic, envelope })) };
  const unitOfWork = { run: <R>(work: () => Promise<R>) => work(), transaction: () => tx } as unknown as UnitOfWork;
  return { useCase: new RegisterReporter(unitOfWork, reporters as unknown as ReportersRepository), reporters, rows, published };
}

const rider = (over: Partial<RegisterReporterCommand> = {}): RegisterReporterCommand => ({ workerId: 'rider-1', occupation: 'rider', ...over });

describe('RegisterReporter', () => {
  it('registers a worker with their branch, where their appeals start', async () => {
    const { useCase } = setup({ branches: ['branch-delivery-1'] });
    expect(await useCase.execute(rider({ platform: 'meituan', language: 'en', branchId: 'branch-delivery-1' }))).toEqual({
      workerId: 'rider-1',
      occupation: 'rider',
      platform: 'meituan',
      language: 'en',
      branchId: 'branch-delivery-1',
      effectiveBranchId: 'branch-delivery-1',
      registered: true,
    });
  });

  it('tells the other services which industry committee owns the worker, keyed by their account', async () => {
    const { useCase, published } = setup({ branches: ['branch-delivery-1'] });
    await useCase.execute(rider({ branchId: 'branch-delivery-1' }));
    expect(published).toEqual([
      {
        topic: 'worker.registered.v1',
        envelope: expect.objectContaining({
          grievanceId: pointsAccountId('rider-1'),
          payload: { workerId: 'rider-1', occupation: 'rider', branchId: 'branch-delivery-1', effectiveBranchId: 'branch-delivery-1', committeeId: 'ic-delivery' },
        }),
      },
    ]);
  });

  it('names the fallback branch’s committee for a worker registered without a branch, and no committee when the directory has none', async () => {
    const withFallback = setup({ fallback: 'branch-delivery-fallback' });
    await withFallback.useCase.execute(rider());
    expect(withFallback.published[0]!.envelope.payload).toEqual({ workerId: 'rider-1', occupation: 'rider', effectiveBranchId: 'branch-delivery-fallback', committeeId: 'ic-delivery' });
    const without = setup();
    await without.useCase.execute(rider());
    expect(without.published[0]!.envelope.payload).toEqual({ workerId: 'rider-1', occupation: 'rider' });
  });

  it('starts the appeals of a worker registered without a branch at their committee’s fallback branch', async () => {
    const { useCase, reporters } = setup({ fallback: 'branch-delivery-fallback' });
    expect(await useCase.execute(rider())).toMatchObject({ branchId: null, platform: null, language: null, effectiveBranchId: 'branch-delivery-fallback' });
    expect(reporters.fallbackBranchFor).toHaveBeenCalledWith('rider');
  });

  it('refuses a branch id that names no live branch, naming the field, and registers nothing', async () => {
    const { useCase, rows, published } = setup({ branches: ['branch-delivery-1'] });
    await expect(useCase.execute(rider({ branchId: 'ic-delivery' }))).rejects.toMatchObject({ code: 'invalid', details: { field: 'branchId' } });
    expect(rows.size).toBe(0);
    expect(published).toEqual([]);
  });
});
