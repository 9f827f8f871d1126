import { join } from 'node:path';
import { InvalidSeedError, parseDirectorySeedParts, readDirectorySeedParts } from './directory-seed';

const DEMO_CITY = join(__dirname, '../../../deploy/seed/demo-city');

describe('a part of a directory seed file', () => {
  it('reads only the sections asked for, checking the references between them', () => {
    const categories = [{ code: 'road_damage', kind: 'hazard', name: 'Road damage', defaultDepartment: 'municipal_works' }];
    expect(parseDirectorySeedParts({ categories }, ['categories']).categories.map((c) => c.code)).toEqual(['road_damage']);
    const grids = [{ id: 'g', name: 'G', communityId: 'nowhere', polygon: { type: 'Polygon', coordinates: [] } }];
    expect(() => parseDirectorySeedParts({ communities: [], grids }, ['communities', 'grids'])).toThrow(/grid g refers to unknown nowhere/);
    expect(() => parseDirectorySeedParts({}, ['categories'])).toThrow(InvalidSeedError);
  });

  it("reads the categories of a city's folder (intake's CATEGORIES_FILE may name one)", () => {
    const { categories } = readDirectorySeedParts(DEMO_CITY, ['categories']);
    expect(categories.find((c) => c.code === 'manhole_cover_missing')).toMatchObject({ kind: 'hazard', defaultDepartment: 'municipal_works' });
    expect(categories.filter((c) => c.kind === 'appeal').length).toBeGreaterThan(0);
    expect(() => readDirectorySeedParts(DEMO_CITY, ['grids'])).toThrow(/categories only/);
  });
});
