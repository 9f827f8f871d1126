import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CityProblem, describeProblem, readCityFiles, statesOf } from './city-files';
import { parseCsv } from './csv';

const DEMO_CITY = join(__dirname, '../../../deploy/seed/demo-city');

describe('parseCsv', () => {
  it('reads quoted fields with commas, quotes and line breaks, CRLF, a BOM, and skips blank lines', () => {
    const text = '\ufeffid,name\r\na,"Road, the ""old"" one"\r\n\r\nb,"two\nlines"\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['id', 'name'] },
      { line: 2, fields: ['a', 'Road, the "old" one'] },
      { line: 4, fields: ['b', 'two\nlines'] },
    ]);
  });

  it('names the line of a quote never closed', () => {
    expect(() => parseCsv('id,name\na,"open\n')).toThrow(/line 2/);
  });
});

describe('readCityFiles', () => {
  let dir: string;
  const copy = () => {
    dir = mkdtempSync(join(tmpdir(), 'city-'));
    cpSync(DEMO_CITY, dir, { recursive: true });
    return dir;
  };
  const append = (file: string, line: string) => writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8') + line + '\n');
  const problems = (path = dir): CityProblem[] => readCityFiles(path).problems;

  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reads the demo city with no problem', () => {
    const read = readCityFiles(DEMO_CITY);
    expect(read.problems).toEqual([]);
    expect(statesOf(read.entries, 'district')).toHaveLength(3);
    expect(statesOf(read.entries, 'grid')).toHaveLength(12);
    expect(statesOf(read.entries, 'grid_worker')).toHaveLength(24);
    expect(statesOf(read.entries, 'industry_committee').map((c) => c.attributes?.industry)).toEqual(['delivery', 'express', 'ride_hailing', 'freight']);
    expect(statesOf(read.entries, 'grid_worker').find((w) => w.id === 'gw-xiangyun-yuhua-g1-2')).toMatchObject({ parentId: 'xiangyun-yuhua-g1', partTime: true, phone: null, attributes: { workerId: null } });
    // 兼职网格员: the rider persona rider-1 is the part-time grid worker of Shiquan village's first grid.
    expect(statesOf(read.entries, 'grid_worker').find((w) => w.id === 'gw-hongcheng-shiquancun-g1-2')).toMatchObject({ parentId: 'hongcheng-shiquancun-g1', partTime: true, attributes: { workerId: 'rider-1' } });
    expect(statesOf(read.entries, 'fallback_owner').find((f) => f.id === '*')).toMatchObject({ attributes: { districtId: null } });
    expect(statesOf(read.entries, 'district').map((d) => d.attributes?.supervisingOffice)).toEqual(['xiangyun_supervision', 'binjiang_supervision', 'hongcheng_supervision']);
    expect(statesOf(read.entries, 'department').map((d) => d.id)).toEqual(expect.arrayContaining(['xiangyun_supervision', 'binjiang_supervision', 'hongcheng_supervision']));
  });

  it('names the file, row and field of each bad CSV value, and keeps no entry of a bad row', () => {
    copy();
    append('grid-workers.csv', 'gw-x,X,xiangyun-yuhua-g1,12,sometimes,');
    append('chain-units.csv', 'ic-space,industry_committee,Space,two-new-committee,space,rider;astronaut,');
    append('departments.csv', 'Bad Code,Bad');
    const found = problems();
    expect(found).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'grid-workers.csv', row: 26, field: 'phone' }),
        expect.objectContaining({ file: 'grid-workers.csv', row: 26, field: 'employment', message: expect.stringContaining('full_time, part_time') }),
        expect.objectContaining({ file: 'chain-units.csv', row: 37, field: 'occupations', message: expect.stringContaining('unknown occupation astronaut') }),
        expect.objectContaining({ file: 'departments.csv', row: 17, field: 'code' }),
      ]),
    );
    expect(describeProblem(found.find((p) => p.field === 'employment')!)).toMatch(/^grid-workers\.csv row 26, employment: "sometimes" must be one of/);
    expect(readCityFiles(dir).entries.find((e) => e.state.id === 'gw-x')).toBeUndefined();
  });

  it('reads grid-workers.csv with or without its optional workerId column, and names a bad workerId', () => {
    copy();
    writeFileSync(join(dir, 'grid-workers.csv'), 'id,name,gridId,phone,employment\ngw-a,A,xiangyun-yuhua-g1,,part_time\n');
    const without = readCityFiles(dir);
    expect(without.problems).toEqual([]);
    expect(without.entries.find((e) => e.state.id === 'gw-a')?.state).toMatchObject({ partTime: true, attributes: { workerId: null } });
    writeFileSync(join(dir, 'grid-workers.csv'), 'id,name,gridId,phone,employment,workerId\ngw-a,A,xiangyun-yuhua-g1,,part_time,not a sub!\n');
    expect(problems()).toEqual([expect.objectContaining({ file: 'grid-workers.csv', row: 2, field: 'workerId' })]);
  });

  it('reads the optional stationId column of grid-workers.csv (驻点), and names a bad stationId', () => {
    copy();
    expect(readCityFiles(dir).entries.find((e) => e.state.id === 'gw-xiangyun-yuhua-g1-1')?.state).toMatchObject({ attributes: { stationId: null } });
    writeFileSync(join(dir, 'grid-workers.csv'), 'id,name,gridId,phone,employment,stationId\ngw-a,A,xiangyun-yuhua-g1,,full_time,st-xiangyun-yuhua\n');
    const posted = readCityFiles(dir);
    expect(posted.problems).toEqual([]);
    expect(posted.entries.find((e) => e.state.id === 'gw-a')?.state).toMatchObject({ partTime: false, attributes: { workerId: null, stationId: 'st-xiangyun-yuhua' } });
    writeFileSync(join(dir, 'grid-workers.csv'), 'id,name,gridId,phone,employment,workerId,stationId\ngw-a,A,xiangyun-yuhua-g1,,full_time,,Bad Station!\n');
    expect(problems()).toEqual([expect.objectContaining({ file: 'grid-workers.csv', row: 2, field: 'stationId' })]);
  });

  it('refuses unknown or missing columns, a row of the wrong width, an id given twice and a file it does not know', () => {
    copy();
    writeFileSync(join(dir, 'streets.csv'), 'id,name,district\nx,X,xiangyun\n');
    append('communities.csv', 'c-x,Too,many,fields');
    append('grid-workers.csv', 'gw-xiangyun-yuhua-g1-1,Again,xiangyun-yuhua-g1,,full_time,');
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    const found = problems();
    expect(found).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'streets.csv', row: 1, field: 'district', message: expect.stringMatching(/unknown column district; missing column districtId/) }),
        expect.objectContaining({ file: 'communities.csv', row: 8, message: 'has 4 fields, the header 3' }),
        expect.objectContaining({ file: 'grid-workers.csv', row: 26, field: 'id', message: 'gw-xiangyun-yuhua-g1-1 is already given in grid-workers.csv row 2' }),
        expect.objectContaining({ file: 'notes.txt', message: expect.stringContaining('is not a directory file') }),
      ]),
    );
  });

  it('refuses a GeoJSON feature that is not a closed Polygon, or lacks a property, naming the feature', () => {
    copy();
    const file = join(dir, 'grids.geojson');
    const grids = JSON.parse(readFileSync(file, 'utf8')) as { features: { properties: Record<string, unknown>; geometry: { type: string; coordinates: number[][][] } }[] };
    grids.features[2]!.geometry.coordinates[0]!.pop();
    grids.features[4]!.geometry = { type: 'Point', coordinates: [] } as never;
    delete grids.features[5]!.properties.communityId;
    writeFileSync(file, JSON.stringify(grids));
    expect(problems()).toEqual([
      expect.objectContaining({ file: 'grids.geojson', row: 3, field: 'geometry', message: expect.stringContaining('not closed') }),
      expect.objectContaining({ file: 'grids.geojson', row: 5, field: 'geometry', message: 'must be a Polygon, not Point' }),
      expect.objectContaining({ file: 'grids.geojson', row: 6, field: 'communityId', message: 'is required' }),
    ]);
  });

  it('reads one file on its own', () => {
    const read = readCityFiles(join(DEMO_CITY, 'departments.csv'));
    expect(read.problems).toEqual([]);
    expect(read.entries.every((e) => e.state.kind === 'department')).toBe(true);
  });
});
