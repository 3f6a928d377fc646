import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressOnce, negotiateCoding } from '../src/http/compression';

describe('content coding', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['gzip, deflate, br, zstd', 'br'], // Chromium
    ['gzip, deflate', 'gzip'],
    ['GZIP', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=0.5, br;q=0.1', 'br'], // either is fine: brotli is smaller
    ['identity', undefined],
    ['deflate', undefined],
    ['*', 'br'],
    ['*;q=0', undefined],
    ['gzip;q=0, *', 'br'],
    ['br;q=0, gzip;q=0, *', undefined],
  ])('Accept-Encoding %j → %j', (header, coding) => {
    expect(negotiateCoding(header)).toBe(coding);
  });

  it('compresses a body once per coding; what it gives decompresses to the body', async () => {
    const body = Buffer.from(
      JSON.stringify({ slots: Array.from({ length: 500 }, (_, i) => ({ i, status: 'free' })) }),
    );
    const br = compressOnce(body, 'br');
    expect(compressOnce(body, 'br')).toBe(br); // the same work for every request
    expect(zlib.brotliDecompressSync(await br).equals(body)).toBe(true);
    expect(zlib.gunzipSync(await compressOnce(body, 'gzip')).equals(body)).toBe(true);
    expect((await br).length).toBeLessThan(body.length / 10);
  });
});
