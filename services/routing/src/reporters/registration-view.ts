import { Registration, ReportersRepository } from './reporters.repository';

export interface WorkerRegistrationView {
  workerId: string;
  occupation: string;
  platform: string | null;
  /** The language their notifications are written in; null: as each submission's Accept-Language asks (Chinese without one). */
  language: string | null;
  /** The branch the worker registered with (扫码报到), if any. */
  branchId: string | null;
  /** Where the worker's appeals start: their branch, else the fallback branch of their occupation's committee (兜底). */
  effectiveBranchId: string | null;
  registered: boolean;
}

/** A registration as the worker sees it, with the branch their appeals start at. */
export async function toRegistrationView(reporters: ReportersRepository, r: Registration): Promise<WorkerRegistrationView> {
  return {
    workerId: r.workerId,
    occupation: r.occupation,
    platform: r.platform,
    language: r.language,
    branchId: r.branchId,
    effectiveBranchId: r.branchId ?? (await reporters.fallbackBranchFor(r.occupation)),
    registered: true,
  };
}
