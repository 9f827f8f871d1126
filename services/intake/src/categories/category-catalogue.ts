import { existsSync } from 'node:fs';
import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { GRIEVANCE_KINDS, GrievanceKind } from '@grievance/contracts';
import { demoCitySeedFile, readDirectorySeedParts } from '@grievance/directory-seed';
import { IntakeConfig } from '../config';

export interface Category {
  code: string;
  name: string;
  kind: GrievanceKind;
  defaultDepartment: string | null;
}

/**
 * Maps the `categories` of a seed file to intake's categories. Accepts `{code, name, kind, defaultDepartment}`
 * entries (also `departmentCode`/`department` for the department); entries without a
 * code are skipped, an unknown kind counts as `hazard`.
 */
export function parseCategories(seed: unknown): Category[] {
  const list = (seed as { categories?: unknown } | null)?.categories;
  if (!Array.isArray(list)) return [];
  const out: Category[] = [];
  for (const raw of list as Array<Record<string, unknown>>) {
    if (raw === null || typeof raw !== 'object' || typeof raw.code !== 'string' || raw.code === '') continue;
    const kind = (GRIEVANCE_KINDS as readonly unknown[]).includes(raw.kind) ? (raw.kind as GrievanceKind) : 'hazard';
    const department = raw.defaultDepartment ?? raw.departmentCode ?? raw.department ?? raw.defaultDepartmentCode;
    out.push({
      code: raw.code,
      name: typeof raw.name === 'string' ? raw.name : raw.code,
      kind,
      defaultDepartment: typeof department === 'string' ? department : null,
    });
  }
  return out;
}

/**
 * The known categories, from the city's directory files (CATEGORIES_FILE, by default
 * <repo>/deploy/seed/demo-city), read and checked by @grievance/directory-seed
 * (an invalid file throws). Read on first use and kept; while the file
 * is missing the list is empty and is looked for again on the next call.
 */
@Injectable()
export class CategoryCatalogue {
  private cached?: Category[];

  constructor(
    private readonly config: IntakeConfig,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext('categories');
  }

  list(): Category[] {
    if (this.cached) return this.cached;
    const file = this.config.CATEGORIES_FILE ?? demoCitySeedFile(process.cwd());
    if (!existsSync(file)) {
      this.logger.warn({ file }, 'category seed file not found; no category is known yet');
      return [];
    }
    this.cached = parseCategories(readDirectorySeedParts(file, ['categories']));
    return this.cached;
  }

  find(code: string): Category | undefined {
    return this.list().find((category) => category.code === code);
  }
}
