import type { Principal } from '@grievance/auth';
import { readValidCity, statesOf } from '@grievance/directory-seed';

/** Someone from the demo city the development sign-in page offers; the server mints their token, never the page. */
export interface Persona {
  id: string;
  /** What the page shows (names come from the seed; the page translates the role). */
  name: string;
  principal: Principal;
  /** For the page's grouping. */
  group: 'worker' | 'grid_worker' | 'department' | 'station_staff' | 'member' | 'branch' | 'industry_committee' | 'two_new_committee' | 'auditor' | 'admin';
}

/**
 * Every persona of the demo city: three workers (a rider, a courier, a truck driver), each
 * grid worker, an officer of each department, staff of each station (驿站), each liaison member, the secretary of each
 * branch, staff of each industry committee and of the 两新工委, an auditor and an admin.
 */
export function demoPersonas(cityFolder: string): Persona[] {
  // The same files `npm run directory:import` loads into routing (deploy/seed/demo-city).
  const city = readValidCity(cityFolder);
  const named = (kind: Parameters<typeof statesOf>[1]) => statesOf(city, kind).map((e) => ({ ...e, name: e.name ?? e.id }));
  const personas: Persona[] = [
    { id: 'rider-1', name: '骑手 Li Wei (rider)', group: 'worker', principal: { sub: 'rider-1', role: 'worker' } },
    { id: 'courier-1', name: '快递员 Zhang Min (courier)', group: 'worker', principal: { sub: 'courier-1', role: 'worker' } },
    { id: 'truck-driver-1', name: '货车司机 Wang Qiang (truck driver)', group: 'worker', principal: { sub: 'truck-driver-1', role: 'worker' } },
  ];
  for (const w of named('grid_worker')) {
    personas.push({ id: w.id, name: w.name, group: 'grid_worker', principal: { sub: w.id, role: 'grid_worker', gridId: w.parentId ?? undefined } });
  }
  for (const d of named('department')) {
    const sub = `officer-${d.id}`;
    personas.push({ id: sub, name: d.name, group: 'department', principal: { sub, role: 'department', departmentCode: d.id } });
  }
  for (const s of named('station')) {
    const sub = `staff-${s.id}`;
    personas.push({ id: sub, name: s.name, group: 'station_staff', principal: { sub, role: 'station_staff', stationId: s.id } });
  }
  for (const m of named('member')) {
    personas.push({ id: m.id, name: m.name, group: 'member', principal: { sub: m.id, role: 'member', orgUnitId: m.id } });
  }
  for (const b of named('branch')) {
    const sub = `secretary-${b.id}`;
    personas.push({ id: sub, name: b.name, group: 'branch', principal: { sub, role: 'branch', orgUnitId: b.id } });
  }
  for (const c of named('industry_committee')) {
    const sub = `staff-${c.id}`;
    personas.push({ id: sub, name: c.name, group: 'industry_committee', principal: { sub, role: 'industry_committee', orgUnitId: c.id } });
  }
  for (const top of named('two_new_committee')) {
    personas.push({ id: `staff-${top.id}`, name: top.name, group: 'two_new_committee', principal: { sub: `staff-${top.id}`, role: 'two_new_committee', orgUnitId: top.id } });
  }
  personas.push({ id: 'auditor-1', name: '审计 Auditor', group: 'auditor', principal: { sub: 'auditor-1', role: 'auditor' } });
  personas.push({ id: 'admin-1', name: '管理员 Admin', group: 'admin', principal: { sub: 'admin-1', role: 'admin' } });
  return personas;
}
