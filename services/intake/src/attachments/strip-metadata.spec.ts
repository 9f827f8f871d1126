import { crc32, deflateSync } from 'node:zlib';
import exifr from 'exifr';
import { sniffImageType } from './image-type';
import { stripImageMetadata, UnreadableImageError } from './strip-metadata';

// Test images are built by hand, byte by byte (as in exif-metadata.spec.ts), so each test knows exactly
// which segments/chunks are there and what the stripped result must be.

/**
 * A little-endian TIFF (the body of an EXIF block) naming the camera, its serial, the author, the time
 * taken and a GPS position (28°40'58.44"N 115°51'29.52"E); `minLength` pads it with zeros at the end.
 */
function exifTiff(minLength = 0): Buffer {
  type Entry = [tag: number, value: string | number | number[]]; // string: ASCII, number: LONG, number[]: RATIONALs
  const ifd0: Entry[] = [
    [0x010f, 'Acme'],
    [0x0110, 'PhoneCam 9'],
    [0x013b, 'Worker Name'],
    [0x8769, 0], // Exif IFD, set below
    [0x8825, 0], // GPS IFD, set below
  ];
  const exif: Entry[] = [
    [0x9003, '2026:11:23 10:00:00'], // DateTimeOriginal
    [0xa431, 'SN-12345678'], // BodySerialNumber
  ];
  const gps: Entry[] = [
    [0x0001, 'N'],
    [0x0002, [28, 40, 58.44]],
    [0x0003, 'E'],
    [0x0004, [115, 51, 29.52]],
  ];
  const ifdSize = (entries: Entry[]) => 2 + entries.length * 12 + 4;
  const exifAt = 8 + ifdSize(ifd0);
  const gpsAt = exifAt + ifdSize(exif);
  ifd0[3][1] = exifAt;
  ifd0[4][1] = gpsAt;
  const tiff = Buffer.alloc(Math.max(minLength, 1024));
  tiff.write('II', 0, 'latin1');
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(8, 4);
  let dataAt = gpsAt + ifdSize(gps);
  const writeIfd = (at: number, entries: Entry[]) => {
    tiff.writeUInt16LE(entries.length, at);
    entries.forEach(([tag, value], i) => {
      const e = at + 2 + i * 12;
      tiff.writeUInt16LE(tag, e);
      if (typeof value === 'number') {
        tiff.writeUInt16LE(4, e + 2);
        tiff.writeUInt32LE(1, e + 4);
        tiff.writeUInt32LE(value, e + 8);
        return;
      }
      const data =
        typeof value === 'string'
          ? Buffer.from(`${value}\0`, 'latin1')
          : Buffer.concat(
              value.map((v) => {
                const rational = Buffer.alloc(8);
                rational.writeUInt32LE(Math.round(v * 100), 0);
                rational.writeUInt32LE(100, 4);
                return rational;
              }),
            );
      tiff.writeUInt16LE(typeof value === 'string' ? 2 : 5, e + 2);
      tiff.writeUInt32LE(typeof value === 'string' ? data.length : value.length, e + 4);
      if (data.length <= 4) {
        data.copy(tiff, e + 8);
      } else {
        tiff.writeUInt32LE(dataAt, e + 8);
        data.copy(tiff, dataAt);
        dataAt += data.length;
      }
    });
    tiff.writeUInt32LE(0, at + 2 + entries.length * 12);
  };
  writeIfd(8, ifd0);
  writeIfd(exifAt, exif);
  writeIfd(gpsAt, gps);
  return tiff.subarray(0, Math.max(minLength, dataAt));
}

const XMP =
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  '<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="28,40.974N"/></rdf:RDF></x:xmpmeta>';

/** The GPS position exifr finds in the bytes (JPEG, PNG or a bare TIFF), if any. */
async function gpsOf(bytes: Buffer): Promise<{ latitude: number; longitude: number } | undefined> {
  const tags = (await exifr.parse(bytes, { gps: true })) as { latitude?: number; longitude?: number } | undefined;
  if (tags?.latitude === undefined && tags?.longitude === undefined) return undefined;
  return { latitude: tags.latitude!, longitude: tags.longitude! };
}

const expectedGps = { latitude: expect.closeTo(28.6829, 3), longitude: expect.closeTo(115.8582, 3) };

const expectUnreadable = (bytes: Buffer, contentType: Parameters<typeof stripImageMetadata>[1]) =>
  expect(() => stripImageMetadata(bytes, contentType)).toThrow(UnreadableImageError);

// ---------------------------------------------------------------- JPEG

const latin1 = (s: string) => Buffer.from(s, 'latin1');
const bytesOf = (...b: number[]) => Buffer.from(b);
/** A JPEG marker segment: FF, the marker, the big-endian length (counting itself) and the body. */
const seg = (marker: number, body: Buffer | string) => {
  const data = typeof body === 'string' ? latin1(body) : body;
  return Buffer.concat([bytesOf(0xff, marker, (data.length + 2) >> 8, (data.length + 2) & 0xff), data]);
};

const SOI = bytesOf(0xff, 0xd8);
const EOI = bytesOf(0xff, 0xd9);
const jfif = seg(0xe0, Buffer.concat([latin1('JFIF\0'), bytesOf(1, 1, 0, 0, 1, 0, 1, 0, 0)]));
const iccProfile = seg(0xe2, Buffer.concat([latin1('ICC_PROFILE\0'), bytesOf(1, 1), latin1('fake colour profile')]));
const adobe = seg(0xee, Buffer.concat([latin1('Adobe'), bytesOf(0, 100, 0, 0, 0, 0, 0)]));
const exifApp1 = seg(0xe1, Buffer.concat([latin1('Exif\0\0'), exifTiff()]));
const xmpApp1 = seg(0xe1, `http://ns.adobe.com/xap/1.0/\0${XMP}`);
const mpfApp2 = seg(0xe2, Buffer.concat([latin1('MPF\0'), latin1('II*\0'), Buffer.alloc(8)]));
const iptcApp13 = seg(0xed, 'Photoshop 3.0\x008BIM\x04\x04\0\0\0\0\0\x10\x1c\x02\x50\0\x0bWorker Name');
const jfxxApp0 = seg(0xe0, Buffer.concat([latin1('JFXX\0'), bytesOf(0x13), Buffer.alloc(6)]));
const comment = seg(0xfe, 'shot at home by Worker Name');

/**
 * The tables and scan of a real 48x8 greyscale baseline JPEG (djpeg decodes it): 6 blocks in two restart
 * intervals of 3, so the scan has a stuffed 0xFF 0x00 in each interval and an RST0 between them.
 */
const tables = Buffer.concat([
  seg(0xdb, Buffer.concat([bytesOf(0x00), Buffer.alloc(64, 1)])), // DQT: all ones
  seg(0xc0, bytesOf(8, 0, 8, 0, 48, 1, 1, 0x11, 0)), // SOF0: 8-bit, 8 high, 48 wide, one component
  seg(0xc4, bytesOf(0x00, 1, 1, ...Array<number>(14).fill(0), 0x00, 0x0b)), // DHT DC: "0" = size 0, "10" = size 11
  seg(0xc4, bytesOf(0x10, 1, ...Array<number>(15).fill(0), 0x00)), // DHT AC: "0" = EOB
  seg(0xdd, bytesOf(0, 3)), // DRI: restart every 3 blocks
]);
const sos = seg(0xda, bytesOf(1, 1, 0x00, 0, 63, 0));
const interval = bytesOf(0x0b, 0xff, 0x00, 0xbf); // blocks: DC 0, DC 0, DC +2047 (its bits fill a whole 0xFF)
const scan = Buffer.concat([sos, interval, bytesOf(0xff, 0xd0), interval, EOI]);

/** A JPEG with no metadata at all, as a careful encoder writes it. */
const plainJpeg = Buffer.concat([SOI, jfif, tables, scan]);

/** The same picture as a phone writes it: EXIF with GPS, XMP, MPF, IPTC, a comment and a colour profile. */
const photoJpeg = Buffer.concat([SOI, exifApp1, xmpApp1, jfxxApp0, iccProfile, mpfApp2, iptcApp13, adobe, comment, tables, scan]);

describe('stripImageMetadata: JPEG', () => {
  it('drops EXIF (GPS, serial, time, author), XMP, MPF, IPTC and comments; keeps JFIF, the ICC profile, Adobe and the image', async () => {
    const withJfif = Buffer.concat([SOI, jfif, photoJpeg.subarray(2)]);
    expect(await gpsOf(withJfif)).toEqual(expectedGps);

    const stripped = stripImageMetadata(withJfif, 'image/jpeg');

    expect(stripped).toEqual(Buffer.concat([SOI, jfif, iccProfile, adobe, tables, scan]));
    expect(sniffImageType(stripped)).toBe('image/jpeg');
    expect(await gpsOf(stripped)).toBeUndefined();
    expect(await exifr.parse(stripped, { tiff: true, xmp: true, iptc: true })).toBeUndefined();
    for (const leak of ['Exif', 'xmpmeta', 'Photoshop', 'MPF', 'JFXX', 'Worker Name', 'SN-12345678', 'PhoneCam', '2026:11:23']) {
      expect(stripped.includes(leak)).toBe(false);
    }
    const sosAt = (b: Buffer) => b.indexOf(sos);
    expect(stripped.subarray(sosAt(stripped))).toEqual(withJfif.subarray(sosAt(withJfif)));
  });

  it('gives back a JPEG without metadata byte for byte', () => {
    expect(stripImageMetadata(plainJpeg, 'image/jpeg')).toEqual(plainJpeg);
  });

  it('steps over fill bytes and standalone markers (TEM, RSTn) between segments and inside the scan', () => {
    const fill = bytesOf(0xff, 0xff, 0xff);
    const tem = bytesOf(0xff, 0x01);
    const padded = Buffer.concat([
      SOI,
      fill,
      exifApp1,
      tem,
      fill,
      comment,
      fill,
      tables,
      sos,
      interval,
      fill,
      bytesOf(0xff, 0xd0), // RST0 after fill bytes: the scan goes on
      interval,
      fill,
      EOI,
    ]);
    const stripped = stripImageMetadata(padded, 'image/jpeg');
    expect(stripped).toEqual(Buffer.concat([SOI, tem, fill, tables, padded.subarray(padded.indexOf(sos))]));
  });

  it('copies everything from the first scan to EOI, tables and scans of a progressive image included, and nothing after EOI', async () => {
    const laterTables = seg(0xdb, Buffer.concat([bytesOf(0x00, 0xff, 0xd9), Buffer.alloc(62, 1)])); // its body holds FF D9: walked by length
    const laterScans = Buffer.concat([laterTables, seg(0xc4, bytesOf(0x10, 1, ...Array<number>(15).fill(0), 0x00)), sos, bytesOf(0x12, 0xff, 0x00, 0x34), EOI]);
    const progressive = Buffer.concat([SOI, jfif, tables, sos, interval, laterScans]);
    const secondImage = Buffer.concat([SOI, exifApp1, tables, scan]); // as an MPF secondary image or a vendor trailer
    const stripped = stripImageMetadata(Buffer.concat([progressive, secondImage]), 'image/jpeg');
    expect(stripped).toEqual(progressive);
    expect(await gpsOf(stripped)).toBeUndefined();
  });

  it('throws UnreadableImageError for a JPEG cut off anywhere before the end of EOI', () => {
    for (let length = 0; length < photoJpeg.length; length++) expectUnreadable(photoJpeg.subarray(0, length), 'image/jpeg');
    expect(() => stripImageMetadata(photoJpeg.subarray(0, photoJpeg.length - 1), 'image/jpeg')).toThrow(/unreadable image\/jpeg: truncated scan/);
  });

  it('throws UnreadableImageError for malformed JPEGs', () => {
    expectUnreadable(Buffer.from('not a jpeg at all'), 'image/jpeg');
    expectUnreadable(Buffer.concat([SOI, jfif, bytesOf(0x00), tables, scan]), 'image/jpeg'); // no marker where a segment starts
    expectUnreadable(Buffer.concat([SOI, bytesOf(0xff, 0xe1, 0x00, 0x01), tables, scan]), 'image/jpeg'); // length below 2
    expectUnreadable(Buffer.concat([SOI, bytesOf(0xff, 0x02, 0x00, 0x02), tables, scan]), 'image/jpeg'); // reserved marker
    expectUnreadable(Buffer.concat([SOI, jfif, SOI, tables, scan]), 'image/jpeg'); // a second SOI
    expectUnreadable(Buffer.concat([SOI, exifApp1, EOI]), 'image/jpeg'); // no image data at all
    const acTable = seg(0xc4, bytesOf(0x10, 1, ...Array<number>(15).fill(0), 0x00));
    expectUnreadable(Buffer.concat([SOI, jfif, tables, sos, interval, acTable, bytesOf(0x12), EOI]), 'image/jpeg'); // no marker after a table between scans
    expectUnreadable(plainJpeg, 'image/png'); // not the type it was said to be
  });
});

// ---------------------------------------------------------------- PNG

const PNG_SIGNATURE = bytesOf(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
/** A PNG chunk: big-endian length, type, data and the CRC of type and data. */
const chunk = (type: string, data: Buffer | string = Buffer.alloc(0)) => {
  const body = Buffer.concat([latin1(type), typeof data === 'string' ? latin1(data) : data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length - 4);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

const ihdr = chunk('IHDR', bytesOf(0, 0, 0, 2, 0, 0, 0, 1, 8, 0, 0, 0, 0)); // 2x1, 8-bit greyscale
const iccp = chunk('iCCP', Buffer.concat([latin1('ICC Profile\0\0'), deflateSync('fake colour profile')]));
const phys = chunk('pHYs', bytesOf(0, 0, 0x0b, 0x13, 0, 0, 0x0b, 0x13, 1));
const idat = chunk('IDAT', deflateSync(bytesOf(0, 10, 200))); // filter 0, two grey pixels
const iend = chunk('IEND');
const exifChunk = chunk('eXIf', exifTiff());
const textChunk = chunk('tEXt', 'Author\0Worker Name');
const ztxtChunk = chunk('zTXt', Buffer.concat([latin1('Comment\0\0'), deflateSync('shot at home')]));
const itxtChunk = chunk('iTXt', `XML:com.adobe.xmp\0\0\0\0\0${XMP}`);
const timeChunk = chunk('tIME', bytesOf(0x07, 0xea, 11, 23, 10, 0, 0));

const plainPng = Buffer.concat([PNG_SIGNATURE, ihdr, iccp, phys, idat, iend]);
const photoPng = Buffer.concat([PNG_SIGNATURE, ihdr, iccp, exifChunk, textChunk, phys, ztxtChunk, idat, itxtChunk, timeChunk, iend]);

describe('stripImageMetadata: PNG', () => {
  it('drops eXIf, tEXt, zTXt, iTXt and tIME; keeps every other chunk whole, CRC included, and IDAT as it was', async () => {
    expect(await gpsOf(photoPng)).toEqual(expectedGps);
    expect(await exifr.parse(photoPng)).toMatchObject({ Author: 'Worker Name' });

    const stripped = stripImageMetadata(photoPng, 'image/png');

    expect(stripped).toEqual(plainPng);
    expect(sniffImageType(stripped)).toBe('image/png');
    expect(await gpsOf(stripped)).toBeUndefined();
    expect(await exifr.parse(stripped)).not.toHaveProperty('Author');
    for (const type of ['eXIf', 'tEXt', 'zTXt', 'iTXt', 'tIME', 'Worker Name']) expect(stripped.includes(type)).toBe(false);
    expect(stripped.subarray(stripped.indexOf('IDAT') - 4, stripped.indexOf('IEND') - 4)).toEqual(idat);
  });

  it('gives back a PNG without metadata byte for byte, and leaves out anything after IEND', () => {
    expect(stripImageMetadata(plainPng, 'image/png')).toEqual(plainPng);
    expect(stripImageMetadata(Buffer.concat([plainPng, textChunk]), 'image/png')).toEqual(plainPng);
  });

  it('throws UnreadableImageError for a PNG cut off anywhere before the end of IEND', () => {
    for (let length = 0; length < photoPng.length; length++) expectUnreadable(photoPng.subarray(0, length), 'image/png');
  });

  it('throws UnreadableImageError for a chunk length that runs past the end and other malformed PNGs', () => {
    const overlong = Buffer.from(photoPng);
    overlong.writeUInt32BE(photoPng.length, photoPng.indexOf('tEXt') - 4);
    expectUnreadable(overlong, 'image/png');
    const huge = Buffer.from(photoPng);
    huge.writeUInt32BE(0xfffffff0, photoPng.indexOf('tEXt') - 4);
    expectUnreadable(huge, 'image/png');
    const overlongEnd = Buffer.from(plainPng);
    overlongEnd.writeUInt32BE(1, plainPng.length - 12); // IEND says it holds a byte the file does not have
    expectUnreadable(overlongEnd, 'image/png');
    expectUnreadable(Buffer.concat([PNG_SIGNATURE, iccp, ihdr, idat, iend]), 'image/png'); // IHDR not first
    expectUnreadable(Buffer.concat([PNG_SIGNATURE, ihdr, Buffer.alloc(12), idat, iend]), 'image/png'); // a chunk type that is no name
    expectUnreadable(Buffer.concat([PNG_SIGNATURE, ihdr, idat]), 'image/png'); // no IEND
    expectUnreadable(plainPng, 'image/webp');
  });
});

// ---------------------------------------------------------------- WebP

/** A RIFF chunk: FourCC, little-endian size, data, and a zero pad byte when the size is odd. */
const riffChunk = (fourcc: string, data: Buffer | string) => {
  const body = typeof data === 'string' ? latin1(data) : data;
  const size = Buffer.alloc(4);
  size.writeUInt32LE(body.length);
  return Buffer.concat([latin1(fourcc), size, body, Buffer.alloc(body.length % 2)]);
};
const webpOf = (...chunks: Buffer[]) => {
  const body = Buffer.concat([latin1('WEBP'), ...chunks]);
  const size = Buffer.alloc(4);
  size.writeUInt32LE(body.length);
  return Buffer.concat([latin1('RIFF'), size, body]);
};
const vp8x = (flags: number) => riffChunk('VP8X', bytesOf(flags, 0, 0, 0, 0, 0, 0, 0, 0, 0)); // 1x1 canvas

/** A real 1x1 lossless WebP (dwebp decodes it): its VP8L chunk has an odd size, so a pad byte follows. */
const plainWebp = Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64');
const vp8l = plainWebp.subarray(12);
const webpIcc = riffChunk('ICCP', 'fake colour profile'); // odd size
const webpExif = riffChunk('EXIF', exifTiff(301)); // odd size
const webpXmp = riffChunk('XMP ', `${XMP} `); // odd size
const ICC = 0x20;
const ALPHA = 0x10;
const EXIF = 0x08;
const XMP_FLAG = 0x04;
const photoWebp = webpOf(vp8x(ICC | ALPHA | EXIF | XMP_FLAG), webpIcc, vp8l, webpExif, webpXmp);

/** The RIFF chunks of a WebP, walked as a reader does, each pad byte skipped. */
function webpChunks(webp: Buffer): Array<{ fourcc: string; data: Buffer }> {
  const chunks: Array<{ fourcc: string; data: Buffer }> = [];
  for (let at = 12; at < webp.length; ) {
    const size = webp.readUInt32LE(at + 4);
    chunks.push({ fourcc: webp.toString('latin1', at, at + 4), data: webp.subarray(at + 8, at + 8 + size) });
    at += 8 + size + (size % 2);
  }
  return chunks;
}

/**
 * exifr does not read WebP, so the GPS position is looked for as a WebP reader finds it: exifr on the
 * TIFF in each EXIF chunk.
 */
async function webpGps(webp: Buffer) {
  const found = await Promise.all(webpChunks(webp).filter((c) => c.fourcc === 'EXIF').map((c) => gpsOf(c.data)));
  return found.find((gps) => gps !== undefined);
}

describe('stripImageMetadata: WebP', () => {
  it('drops the EXIF and XMP chunks, clears their VP8X flags and fixes the RIFF size; keeps the ICC profile and image data', async () => {
    expect(await webpGps(photoWebp)).toEqual(expectedGps);

    const stripped = stripImageMetadata(photoWebp, 'image/webp');

    expect(stripped).toEqual(webpOf(vp8x(ICC | ALPHA), webpIcc, vp8l));
    expect(sniffImageType(stripped)).toBe('image/webp');
    expect(stripped.readUInt32LE(4)).toBe(stripped.length - 8);
    expect(stripped[20]).toBe(ICC | ALPHA);
    expect(webpChunks(stripped).map((c) => c.fourcc)).toEqual(['VP8X', 'ICCP', 'VP8L']);
    expect(webpChunks(stripped).find((c) => c.fourcc === 'VP8L')!.data).toEqual(webpChunks(photoWebp).find((c) => c.fourcc === 'VP8L')!.data);
    expect(await webpGps(stripped)).toBeUndefined();
    await expect(exifr.parse(stripped, { gps: true })).rejects.toThrow(/Unknown file format/); // no TIFF for exifr to find either
    for (const leak of ['II*\0', 'xmpmeta', 'Worker Name', 'SN-12345678']) expect(stripped.includes(leak)).toBe(false);
    expect(photoWebp[20]).toBe(ICC | ALPHA | EXIF | XMP_FLAG); // the caller's buffer is left as it was
  });

  it('keeps unknown chunks and drops EXIF wherever it sits', () => {
    const unknown = riffChunk('ABCD', 'x');
    const stripped = stripImageMetadata(webpOf(vp8x(EXIF), webpExif, vp8l, unknown), 'image/webp');
    expect(stripped).toEqual(webpOf(vp8x(0), vp8l, unknown));
  });

  it('gives back a WebP without metadata byte for byte, and leaves out anything past the RIFF size', () => {
    expect(stripImageMetadata(plainWebp, 'image/webp')).toEqual(plainWebp);
    const extended = webpOf(vp8x(ICC), webpIcc, vp8l);
    expect(stripImageMetadata(extended, 'image/webp')).toEqual(extended);
    expect(stripImageMetadata(Buffer.concat([plainWebp, webpExif]), 'image/webp')).toEqual(plainWebp);
  });

  it('throws UnreadableImageError for a WebP cut off anywhere before the RIFF size says it ends', () => {
    for (let length = 0; length < photoWebp.length; length++) expectUnreadable(photoWebp.subarray(0, length), 'image/webp');
  });

  it('throws UnreadableImageError for a chunk that runs past the RIFF size and other malformed WebPs', () => {
    const overlong = Buffer.from(photoWebp);
    overlong.writeUInt32LE(photoWebp.length, photoWebp.indexOf('EXIF') + 4);
    expectUnreadable(overlong, 'image/webp');
    expectUnreadable(webpOf(vp8x(0), vp8l.subarray(0, vp8l.length - 1)), 'image/webp'); // odd-size chunk without its pad byte
    expectUnreadable(webpOf(webpExif, vp8l), 'image/webp'); // no image chunk first
    expectUnreadable(webpOf(riffChunk('VP8X', bytesOf(0, 0, 0)), vp8l), 'image/webp'); // VP8X too short
    expectUnreadable(Buffer.from('RIFF\x04\x00\x00\x00WAVE', 'latin1'), 'image/webp');
    expectUnreadable(plainWebp, 'image/jpeg');
  });
});
