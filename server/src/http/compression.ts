import { promisify } from 'node:util';
import zlib from 'node:zlib';

/** The content codings we answer with, best first (what Chromium, Firefox and Safari accept). */
export type ContentCoding = 'br' | 'gzip';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * How each coding compresses: brotli at quality 4 and gzip at level 6. On a day's availability
 * grid (~110 kB of JSON) both take under a millisecond and give 15–17 kB; brotli's higher
 * qualities give the same size for a hundred times the CPU.
 */
const COMPRESS: Record<ContentCoding, (body: Buffer) => Promise<Buffer>> = {
  br: (body) =>
    brotli(body, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 4,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
  gzip: (body) => gzip(body, { level: 6 }),
};

/**
 * The coding to answer with for an Accept-Encoding header (RFC 9110 §12.5.3): brotli if accepted,
 * else gzip, else none (identity). A coding given `q=0` is refused; `*` accepts either.
 */
export function negotiateCoding(acceptEncoding: string | undefined): ContentCoding | undefined {
  if (!acceptEncoding) return undefined;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q\s*=\s*([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    accepted.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const weight = (coding: ContentCoding) => accepted.get(coding) ?? accepted.get('*') ?? 0;
  return (['br', 'gzip'] as const).find((coding) => weight(coding) > 0);
}

/** Compressed copies of bodies that are sent again and again, by body and coding. */
const compressed = new WeakMap<Buffer, Partial<Record<ContentCoding, Promise<Buffer>>>>();

/**
 * `body` compressed with `coding`, worked out once per body: meant for answers kept as bytes and
 * sent to every request until the data changes (a cached grid, see trpc/transformer.ts). Requests
 * that arrive while it is being compressed wait for the same work; it runs on libuv's thread pool,
 * not on the event loop.
 */
export function compressOnce(body: Buffer, coding: ContentCoding): Promise<Buffer> {
  let copies = compressed.get(body);
  if (!copies) {
    copies = {};
    compressed.set(body, copies);
  }
  const kept = copies;
  kept[coding] ??= COMPRESS[coding](body).catch((err) => {
    delete kept[coding]; // not kept: the next request tries again
    throw err;
  });
  return kept[coding];
}
