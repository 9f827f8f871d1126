import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidSeedError, parseDirectorySeed, parseDirectorySeedParts } from './directory-seed';

const raw = JSON.parse(readFileSync(join(__dirname, '../../../deploy/seed/demo-city.json'), 'utf8')) as Record<string, unknown>;

describe('the directory seed file', () => {
  it('accepts the demo city', () => {
    const seed = parseDirectorySeed(raw);
    expect(seed.districts).toHaveLength(3);
    expect(seed.grids.length).toBeGreaterThanOrEqual(12);
    expect(seed.industryCommittees.map((c) => c.industry)).toEqual(['delivery', 'express', 'ride_hailing', 'freight']);
    expect(seed.gridWorkers.every((w) => w.id.startsWith(`gw-${w.gridId}-`))).toBe(true);
  });

  it('rejects a street of an unknown district, naming it', () => {
    const broken = { ...raw, streets: [{ id: 'lost', name: 'Lost Street', districtId: 'nowhere' }] };
    expect(() => parseDirectorySeed(broken)).toThrow(InvalidSeedError);
    expect(() => parseDirectorySeed(broken)).toThrow(/street lost refers to unknown nowhere/);
  });

  it('rejects a grid without a polygon', () => {
    const grids = [{ id: 'g', name: 'G', communityId: 'x' }];
    expect(() => parseDirectorySeed({ ...raw, grids })).toThrow(/grids\.0\.polygon/);
  });
});

describe('a part of the directory seed file', () => {
  it('reads only the sections asked for, checking the references between them', () => {
    const part = parseDirectorySeedParts({ categories: raw.categories }, ['categories']);
    expect(part.categories.map((c) => c.code)).toContain('manhole_cover_missing');
    const grids = [{ id: 'g', name: 'G', communityId: 'nowhere', polygon: { type: 'Polygon', coordinates: [] } }];
    expect(() => parseDirectorySeedParts({ communities: [], grids }, ['communities', 'grids'])).toThrow(/grid g refers to unknown nowhere/);
    expect(() => parseDirectorySeedParts({}, ['categories'])).toThrow(InvalidSeedError);
  });
});
