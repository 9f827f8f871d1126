import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A small seed file holding the categories intake reads (the shape of deploy/seed/demo-city.json). */
export function writeCategorySeed(): string {
  const dir = mkdtempSync(join(tmpdir(), 'intake-seed-'));
  const file = join(dir, 'demo-city.json');
  writeFileSync(
    file,
    JSON.stringify({
      categories: [
        { code: 'manhole_cover_missing', name: 'Missing manhole cover', kind: 'hazard', defaultDepartment: 'municipal_works' },
        { code: 'road_damage', name: 'Road damage', kind: 'hazard', defaultDepartment: 'municipal_works' },
        { code: 'pay_dispute', name: 'Pay dispute', kind: 'appeal', defaultDepartment: 'hrss' },
      ],
    }),
  );
  return file;
}

export const HAZARD = {
  kind: 'hazard',
  category: 'manhole_cover_missing',
  title: 'Manhole cover missing at the crossroads',
  description: 'Open hole in the cycle lane',
  location: { lat: 28.6829, lng: 115.8582, address: 'Bayi Ave & Ruzi Rd' },
};
