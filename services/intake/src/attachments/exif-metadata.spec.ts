import { exifMetadata } from './upload-attachment.use-case';

/** A JPEG whose EXIF holds a GPS position and the time it was taken (built by hand, little-endian TIFF). */
function jpegWithExif(lat: [number, number, number], lng: [number, number, number], takenAt: string): Buffer {
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
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app1, Buffer.from([0xff, 0xd9])]);
}

describe('exifMetadata', () => {
  it('keeps the GPS position and the time a photo was taken', async () => {
    const meta = await exifMetadata(jpegWithExif([28, 40, 58.44], [115, 51, 29.52], '2026:11:23 10:00:00'));
    expect(meta.gps).toEqual({ lat: expect.closeTo(28.6829, 3), lng: expect.closeTo(115.8582, 3) });
    expect(typeof meta.takenAt).toBe('string');
  });

  it('is empty for a picture without EXIF or bytes it cannot read', async () => {
    expect(await exifMetadata(Buffer.from([0xff, 0xd8, 0xff, 0xd9]))).toEqual({});
    expect(await exifMetadata(Buffer.from('nonsense'))).toEqual({});
  });
});
