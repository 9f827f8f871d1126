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
  };
  const unitOfWork = { run: <R>(work: () => Promise<R>) => work() } as unknown as UnitOfWork;
  return { useCase: new RegisterReporter(unitOfWork, reporters as unknown as ReportersRepository), reporters, rows };
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

  it('starts the appeals of a worker registered without a branch at their committee’s fallback branch', async () => {
    const { useCase, reporters } = setup({ fallback: 'branch-delivery-fallback' });
    expect(await useCase.execute(rider())).toMatchObject({ branchId: null, platform: null, language: null, effectiveBranchId: 'branch-delivery-fallback' });
    expect(reporters.fallbackBranchFor).toHaveBeenCalledWith('rider');
  });

  it('refuses a branch id that names no live branch, naming the field, and registers nothing', async () => {
    const { useCase, rows } = setup({ branches: ['branch-delivery-1'] });
    await expect(useCase.execute(rider({ branchId: 'ic-delivery' }))).rejects.toMatchObject({ code: 'invalid', details: { field: 'branchId' } });
    expect(rows.size).toBe(0);
  });
});
