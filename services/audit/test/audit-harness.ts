import request from 'supertest';
import { signDevToken } from '@grievance/auth';
import { Holder, Role } from '@grievance/contracts';
import { Env, EventConsumers } from '@grievance/platform';
import { EventFedService, eventually } from '@grievance/testing';
import { AppModule } from '../src/app.module';
import { AuditConfig } from '../src/config';
import { AUDIT_CONSUMER_GROUP } from '../src/dossier/dossier.consumer';

export const GRID_WORKER = 'gw-xiangyun-yuhua-g1-1';
export const MUNICIPAL_WORKS: Holder = { type: 'department', id: 'municipal_works', name: 'Municipal works' };
export const URBAN_MANAGEMENT: Holder = { type: 'department', id: 'urban_management', name: 'Urban management' };
export const BRANCH: Holder = { type: 'org_unit', id: 'br-delivery-1', name: 'Delivery branch 1', level: 'branch' };
export const INDUSTRY: Holder = { type: 'org_unit', id: 'ic-delivery', name: 'Delivery industry committee', level: 'industry_committee' };
export const TOP: Holder = { type: 'org_unit', id: 'two-new-committee', name: 'Two-New Work Committee', level: 'two_new_committee' };

/** The audit service booted in-process with its topics created, and a producer to feed it events. */
export class AuditHarness extends EventFedService<AuditConfig> {
  static async start(env: Env = {}): Promise<AuditHarness> {
    return new AuditHarness(...(await EventFedService.boot(AppModule, env)));
  }

  get consumerStats() {
    return this.service.app.get(EventConsumers).get(AUDIT_CONSUMER_GROUP).stats;
  }

  /** Waits until the dossier holds `count` events of the grievance. */
  async untilStored(grievanceId: string, count: number): Promise<void> {
    await eventually(
      async () => (await this.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_dossier WHERE grievance_id = $1`, [grievanceId]))[0]!.n,
      (n) => n >= count,
      { timeoutMs: 30_000, what: `${count} events of ${grievanceId} in the dossier` },
    );
  }

  /** Waits until the dossier holds `count` events in all. */
  async untilDossierHolds(count: number): Promise<void> {
    await eventually(
      async () => (await this.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_dossier`))[0]!.n,
      (n) => n >= count,
      { timeoutMs: 60_000, what: `${count} events in the dossier` },
    );
  }

  /** GET as an auditor (or another role), expecting `status`. */
  async get(path: string, options: { role?: Role; sub?: string; status?: number; accept?: string; language?: string } = {}): Promise<request.Response> {
    const token = await tokenFor(options.role ?? 'auditor', options.sub ?? 'auditor-1');
    const req = request(this.url).get(path).set('authorization', `Bearer ${token}`);
    if (options.accept) req.set('accept', options.accept);
    if (options.language) req.set('accept-language', options.language);
    return req.expect(options.status ?? 200);
  }

  async post(path: string, options: { role?: Role; sub?: string; status?: number } = {}): Promise<request.Response> {
    const token = await tokenFor(options.role ?? 'auditor', options.sub ?? 'auditor-1');
    return request(this.url).post(path).set('authorization', `Bearer ${token}`).expect(options.status ?? 201);
  }
}

/** A development token for any role, with the scope claim the role needs. */
export function tokenFor(role: Role, sub: string): Promise<string> {
  const scope: Record<string, string> = {};
  if (['member', 'branch', 'industry_committee', 'two_new_committee'].includes(role)) scope.orgUnitId = 'ou-1';
  if (role === 'grid_worker') scope.gridId = 'grid-1';
  if (role === 'department') scope.departmentCode = 'municipal_works';
  return signDevToken({ sub, role, ...scope });
}

/** Minutes after a fixed start, so the grievance's own times are known to the test. */
export const at = (base: Date, minutes: number): Date => new Date(base.getTime() + minutes * 60_000);
