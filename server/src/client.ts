import zlib from 'node:zlib';
import { wireTransformer as transformer } from '@tobeout/shared';
import { createTRPCClient, httpBatchLink, httpLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { EventSource } from 'eventsource';
import { request } from 'undici';
import type { AppRouter } from './routers';

export type TobeoutClientOptions = {
  /** Server base URL, e.g. http://localhost:3000 (the client adds /trpc). */
  url: string;
  /** An API token (Settings → API tokens), sent as `Authorization: Bearer …`. */
  token: string;
  /**
   * true (default): calls made in the same tick go out as one HTTP request, and each answer waits
   * for the slowest of its batch. false: one request per call, as an agent on its own connection
   * makes them (what the benchmarks use, so each call's latency is its own).
   */
  batch?: boolean;
};

/**
 * Decompressed in one synchronous call: ~0.1 ms for a day's grid, where the asynchronous API
 * hands a 110 kB answer back in 16 kB chunks, a callback each (three times the CPU).
 */
const DECOMPRESS: Record<string, (raw: Buffer) => Buffer> = {
  br: (raw) => zlib.brotliDecompressSync(raw),
  gzip: (raw) => zlib.gunzipSync(raw),
};

/**
 * tRPC's queries and mutations over undici's request API instead of fetch. tRPC reads only `ok`
 * and `json()` of an answer; fetch builds a Request, Headers, web streams and an abort signal per
 * call besides: 0.44 instead of 0.25 ms of the client's CPU per call (scripts/bench booking).
 * Connections are kept alive and pooled per origin as with fetch. Like a browser, it accepts
 * brotli and gzip: the server sends its large shared answers (a day's grid) compressed.
 */
const undiciFetch = async (url: string | URL | globalThis.Request, init?: RequestInit) => {
  const res = await request(String(url), {
    method: (init?.method ?? 'GET') as 'GET' | 'POST',
    headers: { ...(init?.headers as Record<string, string> | undefined), 'accept-encoding': 'br, gzip' },
    body: init?.body as string | undefined,
    signal: init?.signal ?? undefined,
  });
  const decompress = DECOMPRESS[String(res.headers['content-encoding'])];
  return {
    ok: res.statusCode >= 200 && res.statusCode < 300,
    status: res.statusCode,
    json: async () => {
      if (!decompress) return res.body.json();
      const raw = Buffer.from(await res.body.arrayBuffer());
      return JSON.parse(decompress(raw).toString('utf8'));
    },
  };
};

/**
 * The typed client for Node scripts, internal tools and agents: queries, mutations and the
 * live event stream, all checked against the server's router at compile time.
 *
 *   const api = createTobeoutClient({ url: 'http://localhost:3000', token: process.env.TOBEOUT_TOKEN! });
 *   const restaurant = await api.restaurant.get.query();
 */
export function createTobeoutClient(opts: TobeoutClientOptions) {
  const url = `${opts.url.replace(/\/+$/, '')}/trpc`;
  const authorization = `Bearer ${opts.token}`;
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({
          url,
          transformer,
          // Node 20 has no global EventSource; this one lets us send the token header.
          EventSource,
          eventSourceOptions: () => ({
            fetch: (input, init) => fetch(input, { ...init, headers: { ...init?.headers, authorization } }),
          }),
        }),
        false:
          opts.batch === false
            ? httpLink({ url, transformer, headers: { authorization }, fetch: undiciFetch })
            : httpBatchLink({ url, transformer, headers: { authorization }, fetch: undiciFetch }),
      }),
    ],
  });
}

export type TobeoutClient = ReturnType<typeof createTobeoutClient>;
