import { jpegWithExif } from '../../test/fixtures';
import { exifMetadata } from './upload-attachment.use-case';

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
