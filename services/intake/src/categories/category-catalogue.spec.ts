import { readDirectorySeedParts } from '@grievance/directory-seed';
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

  it("understands the demo city's categories", () => {
    const categories = parseCategories(readDirectorySeedParts(join(__dirname, '../../../../deploy/seed/demo-city'), ['categories']));
    expect(categories.length).toBeGreaterThan(0);
    expect(categories.map((c) => c.code)).toContain('manhole_cover_missing');
  });
});
