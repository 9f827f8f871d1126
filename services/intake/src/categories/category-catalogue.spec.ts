import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCategories } from './category-catalogue';

describe('parseCategories', () => {
  it('reads code, name, kind and default department, skipping entries without a code', () => {
    expect(
      parseCategories({
        categories: [
          { code: 'road_damage', name: 'Road damage', kind: 'hazard', defaultDepartment: 'municipal_works' },
          { code: 'pay_dispute', kind: 'appeal', departmentCode: 'hrss' },
          { name: 'no code' },
        ],
      }),
    ).toEqual([
      { code: 'road_damage', name: 'Road damage', kind: 'hazard', defaultDepartment: 'municipal_works' },
      { code: 'pay_dispute', name: 'pay_dispute', kind: 'appeal', defaultDepartment: 'hrss' },
    ]);
    expect(parseCategories({})).toEqual([]);
  });

  const seed = join(__dirname, '../../../../deploy/seed/demo-city.json');
  (existsSync(seed) ? it : it.skip)('understands the demo city seed', () => {
    const categories = parseCategories(JSON.parse(readFileSync(seed, 'utf8')));
    expect(categories.length).toBeGreaterThan(0);
    expect(categories.map((c) => c.code)).toContain('manhole_cover_missing');
  });
});
