import { findRepoRoot } from '@grievance/auth';

/** The repository root (the folder holding nx.json), or the working directory where there is none (a container). */
export function repoRootOrCwd(): string {
  try {
    return findRepoRoot();
  } catch {
    return process.cwd();
  }
}
