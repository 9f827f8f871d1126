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

/** A start-of-scan header and two bytes of entropy-coded data: every real JPEG has a scan before its end marker. */
const SCAN = Buffer.from([0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00, 0x12, 0x34]);

/** The smallest JPEG the service takes: JFIF header, one scan, end. */
export const MINIMAL_JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]),
  SCAN,
  Buffer.from([0xff, 0xd9]),
]);

/** A JPEG whose EXIF holds a GPS position and the time it was taken (built by hand, little-endian TIFF). */
export function jpegWithExif(lat: [number, number, number], lng: [number, number, number], takenAt: string): Buffer {
  const tiff = Buffer.alloc(178);
  tiff.write('II', 0, 'ascii');
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(8, 4);
  let at = 0;
  const entry = (tag: number, type: number, count: number, value: number | Buffer) => {
    tiff.writeUInt16LE(tag, at);
    tiff.writeUInt16LE(type, at + 2);
    tiff.writeUInt32LE(count, at + 4);
    if (Buffer.isBuffer(value)) value.copy(tiff, at + 8);
    else tiff.writeUInt32LE(value, at + 8);
    at += 12;
  };
  const ifd = (offset: number, entries: Array<Parameters<typeof entry>>) => {
    tiff.writeUInt16LE(entries.length, offset);
    at = offset + 2;
    for (const e of entries) entry(...e);
    tiff.writeUInt32LE(0, at);
  };
  ifd(8, [
    [0x8769, 4, 1, 38], // Exif IFD
    [0x8825, 4, 1, 56], // GPS IFD
  ]);
  ifd(38, [[0x9003, 2, 20, 110]]); // DateTimeOriginal
  ifd(56, [
    [0x0001, 2, 2, Buffer.from('N\0')],
    [0x0002, 5, 3, 130],
    [0x0003, 2, 2, Buffer.from('E\0')],
    [0x0004, 5, 3, 154],
  ]);
  tiff.write(`${takenAt}\0`, 110, 'ascii');
  [...lat, ...lng].forEach((v, i) => {
    tiff.writeUInt32LE(Math.round(v * 100), 130 + i * 8);
    tiff.writeUInt32LE(100, 134 + i * 8);
  });
  const app1Body = Buffer.concat([Buffer.from('Exif\0\0', 'binary'), tiff]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1]), Buffer.from([(app1Body.length + 2) >> 8, (app1Body.length + 2) & 0xff]), app1Body]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app1, SCAN, Buffer.from([0xff, 0xd9])]);
}
