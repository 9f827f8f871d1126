import type { ImageType } from './image-type';

/**
 * The bytes are not a well-formed image of the type they were said to be (truncated, a length that runs
 * past the end, a missing end marker). Thrown instead of returning partial data, so a caller never serves
 * half a photo, or a photo whose metadata we could not find the edges of, as if it had been cleaned.
 */
export class UnreadableImageError extends Error {
  constructor(
    readonly contentType: string,
    reason: string,
  ) {
    super(`unreadable ${contentType}: ${reason}`);
    this.name = 'UnreadableImageError';
  }
}

/**
 * The photo without the metadata that can identify or locate the worker who took it (EXIF with GPS
 * position, camera serial, timestamps, author; XMP; IPTC; text comments), the pixels untouched: the image
 * data is copied byte-for-byte, only whole metadata segments/chunks are left out. Call it on every photo
 * served back to anyone. Throws UnreadableImageError rather than guess at a malformed file.
 */
export function stripImageMetadata(bytes: Buffer, contentType: ImageType): Buffer {
  switch (contentType) {
    case 'image/jpeg':
      return stripJpeg(bytes);
    case 'image/png':
      return stripPng(bytes);
    case 'image/webp':
      return stripWebp(bytes);
    default:
      throw new UnreadableImageError(String(contentType), 'not a JPEG, PNG or WebP');
  }
}

// ---------------------------------------------------------------- JPEG

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const TEM = 0x01;
const APP0 = 0xe0;
const APP2 = 0xe2;
const APP14 = 0xee;
const APP15 = 0xef;
const COM = 0xfe;

const isRst = (marker: number) => marker >= 0xd0 && marker <= 0xd7;
const startsWith = (bytes: Buffer, at: number, end: number, id: string) =>
  end - at >= id.length && bytes.toString('latin1', at, at + id.length) === id;

/**
 * Whether a segment before the first scan may stay. APPn and COM are where cameras and editors write
 * metadata (APP1 Exif/XMP, APP2 FlashPix/MPF, APP13 IPTC, COM free text, ...), so they go, except the three
 * decoders rely on: APP0 JFIF (colour space, pixel density), APP2 ICC_PROFILE (the colour profile) and
 * APP14 Adobe (the colour transform). Everything else (DQT, SOFn, DHT, DAC, DRI, DNL, JPGn extensions)
 * says how to decode the image and stays.
 */
function keepJpegSegment(bytes: Buffer, marker: number, bodyStart: number, bodyEnd: number): boolean {
  if (marker === COM) return false;
  if (marker < APP0 || marker > APP15) return true;
  if (marker === APP0) return startsWith(bytes, bodyStart, bodyEnd, 'JFIF\0');
  if (marker === APP2) return startsWith(bytes, bodyStart, bodyEnd, 'ICC_PROFILE\0');
  if (marker === APP14) return startsWith(bytes, bodyStart, bodyEnd, 'Adobe');
  return false;
}

const jpegFail = (reason: string): never => {
  throw new UnreadableImageError('image/jpeg', reason);
};

/** Past the 0xFF fill bytes that may stand before a marker at `at` (which must be 0xFF): the marker code's offset. */
function jpegMarkerAt(bytes: Buffer, at: number): number {
  if (bytes[at] !== 0xff) jpegFail(`expected a marker at byte ${at}`);
  while (at < bytes.length && bytes[at] === 0xff) at++;
  if (at >= bytes.length) jpegFail('truncated before a marker');
  return at;
}

/** The end of the segment whose marker code is at `at`, checked to lie within the buffer. */
function jpegSegmentEnd(bytes: Buffer, at: number): number {
  if (at + 3 > bytes.length) jpegFail(`truncated segment length at byte ${at}`);
  const length = bytes.readUInt16BE(at + 1);
  if (length < 2) jpegFail(`segment length ${length} at byte ${at}`);
  const end = at + 1 + length;
  if (end > bytes.length) jpegFail(`segment at byte ${at} runs past the end`);
  return end;
}

/** Markers that are neither a segment with a length nor allowed where one is expected. */
const isBadJpegMarker = (marker: number) => marker === SOI || marker < 0xc0;

/**
 * Walks the segments from SOI, leaving out the metadata ones; from the first SOS on, the bytes are copied
 * as they are up to and including EOI (the entropy-coded data, and any tables or scans of a progressive
 * image). Bytes after EOI are left out: that is where MPF secondary images and vendor trailers sit, each
 * with an EXIF of its own.
 */
function stripJpeg(bytes: Buffer): Buffer {
  if (bytes.length < 2 || bytes[0] !== 0xff || bytes[1] !== SOI) jpegFail('does not start with SOI');
  const kept: Buffer[] = [bytes.subarray(0, 2)];
  let pos = 2;
  for (;;) {
    const start = pos; // fill bytes go (or stay) with the segment they stand before
    const at = jpegMarkerAt(bytes, pos);
    const marker = bytes[at];
    if (marker === SOS) {
      kept.push(bytes.subarray(start, jpegScanEnd(bytes, at)));
      return Buffer.concat(kept);
    }
    if (marker === TEM || isRst(marker)) {
      kept.push(bytes.subarray(start, at + 1));
      pos = at + 1;
      continue;
    }
    if (marker === EOI) jpegFail('EOI before any scan (SOS)');
    if (isBadJpegMarker(marker)) jpegFail(`unexpected marker 0x${marker.toString(16)} at byte ${at}`);
    const end = jpegSegmentEnd(bytes, at);
    if (keepJpegSegment(bytes, marker, at + 3, end)) kept.push(bytes.subarray(start, end));
    pos = end;
  }
}

/**
 * From the SOS whose marker code is at `sosAt`: the offset just past EOI. Inside entropy-coded data a 0xFF
 * is followed by 0x00 (a stuffed byte), RSTn, more 0xFF (fill) or a marker; a marker other than EOI is a
 * segment (DHT, another SOS, ...) between the scans of a progressive image, walked over by its length.
 */
function jpegScanEnd(bytes: Buffer, sosAt: number): number {
  let pos = jpegSegmentEnd(bytes, sosAt);
  let inScan = true;
  for (;;) {
    if (inScan) {
      const ff = bytes.indexOf(0xff, pos);
      if (ff < 0 || ff + 1 >= bytes.length) jpegFail('truncated scan: no EOI');
      if (bytes[ff + 1] === 0x00) {
        pos = ff + 2;
        continue;
      }
      pos = ff;
    }
    const at = jpegMarkerAt(bytes, pos);
    const marker = bytes[at];
    if (marker === EOI) return at + 1;
    if (marker === TEM || isRst(marker)) {
      pos = at + 1; // inside a scan, the entropy-coded data goes on after RSTn
      continue;
    }
    if (isBadJpegMarker(marker)) jpegFail(`unexpected marker 0x${marker.toString(16)} at byte ${at}`);
    pos = jpegSegmentEnd(bytes, at);
    inScan = marker === SOS;
  }
}

// ---------------------------------------------------------------- PNG

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * The chunks that carry metadata: eXIf (EXIF, GPS), tEXt/zTXt/iTXt (author, comments, XMP, ImageMagick's
 * raw EXIF profiles) and tIME (last modified). Every other chunk is about the picture and stays.
 */
const PNG_METADATA_CHUNKS = new Set(['eXIf', 'tEXt', 'zTXt', 'iTXt', 'tIME']);

/**
 * Copies the signature and every chunk whole (CRC included, so nothing is recomputed) except the metadata
 * ones, up to and including IEND; bytes after IEND are left out.
 */
function stripPng(bytes: Buffer): Buffer {
  const fail = (reason: string): never => {
    throw new UnreadableImageError('image/png', reason);
  };
  if (bytes.length < PNG_SIGNATURE.length || !bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) fail('no PNG signature');
  const kept: Buffer[] = [bytes.subarray(0, PNG_SIGNATURE.length)];
  let pos = PNG_SIGNATURE.length;
  for (;;) {
    if (pos + 12 > bytes.length) fail(`truncated chunk header at byte ${pos}`);
    const length = bytes.readUInt32BE(pos);
    const type = bytes.toString('latin1', pos + 4, pos + 8);
    if (length > 0x7fffffff) fail(`chunk length ${length} at byte ${pos}`);
    if (!/^[A-Za-z]{4}$/.test(type)) fail(`chunk type at byte ${pos} is not four letters`);
    if (pos === PNG_SIGNATURE.length && type !== 'IHDR') fail('first chunk is not IHDR');
    const end = pos + 12 + length;
    if (end > bytes.length) fail(`${type} chunk at byte ${pos} runs past the end`);
    if (!PNG_METADATA_CHUNKS.has(type)) kept.push(bytes.subarray(pos, end));
    pos = end;
    if (type === 'IEND') return Buffer.concat(kept);
  }
}

// ---------------------------------------------------------------- WebP

const VP8X_EXIF_FLAG = 0x08;
const VP8X_XMP_FLAG = 0x04;

/**
 * Copies the RIFF chunks except EXIF and "XMP " (each with its pad byte when its size is odd), clears the
 * EXIF and XMP flags in VP8X so decoders don't look for chunks that are gone, and writes the new RIFF
 * size. Bytes past the RIFF size are left out.
 */
function stripWebp(bytes: Buffer): Buffer {
  const fail = (reason: string): never => {
    throw new UnreadableImageError('image/webp', reason);
  };
  if (bytes.length < 12 || bytes.toString('latin1', 0, 4) !== 'RIFF' || bytes.toString('latin1', 8, 12) !== 'WEBP') fail('no RIFF WEBP header');
  const riffEnd = 8 + bytes.readUInt32LE(4);
  if (riffEnd > bytes.length) fail('RIFF size runs past the end');
  if (riffEnd % 2 !== 0) fail('RIFF size is odd');

  const kept: Buffer[] = [];
  let pos = 12;
  while (pos < riffEnd) {
    if (pos + 8 > riffEnd) fail(`truncated chunk header at byte ${pos}`);
    const fourcc = bytes.toString('latin1', pos, pos + 4);
    const size = bytes.readUInt32LE(pos + 4);
    const end = pos + 8 + size + (size % 2);
    if (end > riffEnd) fail(`${fourcc} chunk at byte ${pos} runs past the end`);
    if (pos === 12 && fourcc !== 'VP8 ' && fourcc !== 'VP8L' && fourcc !== 'VP8X') fail(`first chunk is ${JSON.stringify(fourcc)}`);
    if (fourcc === 'VP8X') {
      if (size < 10) fail(`VP8X chunk of ${size} bytes`);
      const chunk = Buffer.from(bytes.subarray(pos, end));
      chunk[8] = chunk[8] & ~(VP8X_EXIF_FLAG | VP8X_XMP_FLAG);
      kept.push(chunk);
    } else if (fourcc !== 'EXIF' && fourcc !== 'XMP ') {
      kept.push(bytes.subarray(pos, end));
    }
    pos = end;
  }
  if (kept.length === 0) fail('no image chunk');

  const header = Buffer.from(bytes.subarray(0, 12));
  header.writeUInt32LE(4 + kept.reduce((sum, chunk) => sum + chunk.length, 0), 4);
  return Buffer.concat([header, ...kept]);
}
