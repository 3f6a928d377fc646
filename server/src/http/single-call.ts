import type http from 'node:http';
import type { AnyTRPCProcedure } from '@trpc/server';
import {
  callTRPCProcedure,
  getErrorShape,
  getTRPCErrorFromUnknown,
  TRPCError,
  transformTRPCResponse,
} from '@trpc/server';
import { getHTTPStatusCode } from '@trpc/server/http';
import { appRouter } from '../routers';
import type { Context } from '../trpc/context';
import { resultBody } from '../trpc/transformer';
import { compressOnce, negotiateCoding } from './compression';

const config = appRouter._def._config;
/** Every procedure by its full path ('bookings.create'): typed as a tree, flat at run time. */
const procedures = appRouter._def.procedures as unknown as Record<string, AnyTRPCProcedure | undefined>;
const METHOD = { query: 'GET', mutation: 'POST' } as const;

export type OnCallError = (opts: { error: TRPCError; path: string | undefined }) => void;

/**
 * The procedure an unbatched query (GET /trpc/<path>?input=…) or mutation (POST /trpc/<path>,
 * JSON body) names, or undefined for any other request: batches, subscriptions, streaming
 * (trpc-accept), other content types, unknown paths and wrong methods stay with tRPC's handler,
 * which also gives their errors.
 */
export function singleCallOf(
  req: http.IncomingMessage,
  url: URL,
): { path: string; type: 'query' | 'mutation' } | undefined {
  if (url.searchParams.has('batch') || req.headers['trpc-accept'] !== undefined) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname.slice('/trpc/'.length));
  } catch {
    return undefined; // malformed %-escape
  }
  const type = procedures[path]?._def.type;
  if ((type !== 'query' && type !== 'mutation') || req.method !== METHOD[type]) return undefined;
  if (type === 'mutation' && !req.headers['content-type']?.startsWith('application/json')) return undefined;
  return { path, type };
}

/**
 * Answers one unbatched call as tRPC's resolveResponse does — the same procedure, input parsing,
 * context, error shape, status and headers (a test compares the two on every kind of answer) —
 * without its fetch adapter. The adapter turns each Node request into a fetch Request with
 * Headers and an AbortController, pipes the answer through web streams and aborts the request's
 * signal when it ends (a DOMException per request): about 0.5 ms of CPU per call, more than an
 * availability check costs. Scripts and voice agents send one call per request, so that is
 * their latency; batches (the web client) still go through tRPC, where it is shared.
 *
 * One difference, on purpose: a shared answer (a cached grid, ~110 kB of JSON) is sent compressed
 * to a client that accepts brotli or gzip — compressed once per answer, not per request
 * (./compression.ts). Over loopback, sixteen clients fetching 110 kB answers wait on the kernel's
 * socket buffers (a plain Node server sending a fixed 115 kB buffer has a p99 of ~20 ms here);
 * 16 kB answers do not, and a phone on the restaurant's Wi-Fi gets a seventh of the bytes.
 */
export async function answerSingleCall(
  call: { path: string; type: 'query' | 'mutation' },
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  context: () => Promise<Context>,
  onError: OnCallError,
): Promise<void> {
  const { path, type } = call;
  let input: unknown;
  let ctx: Context | undefined;
  let body: Parameters<typeof getHTTPStatusCode>[0];
  let data: unknown;
  try {
    ctx = await context();
    data = await callTRPCProcedure({
      router: appRouter,
      path,
      type,
      ctx,
      signal: undefined,
      batchIndex: 0,
      getRawInput: async () => {
        // As tRPC: a query without ?input= has no input; a mutation's body must be JSON; input
        // that cannot be read is a BAD_REQUEST saying why.
        try {
          const raw = type === 'query' ? url.searchParams.get('input') || undefined : await readBody(req);
          input = raw === undefined ? undefined : config.transformer.input.deserialize(JSON.parse(raw));
          return input;
        } catch (cause) {
          throw new TRPCError({ code: 'BAD_REQUEST', message: (cause as Error).message, cause });
        }
      },
    });
    body = { result: { data } };
  } catch (cause) {
    const error = getTRPCErrorFromUnknown(cause);
    onError({ error, path });
    body = { error: getErrorShape({ config, ctx, error, input, path, type }) };
  }
  res.statusCode = getHTTPStatusCode(body);
  // tRPC's Vary, and Accept-Encoding: a shared answer is sent compressed when the client takes it.
  res.setHeader('vary', 'trpc-accept, accept, accept-encoding');
  res.setHeader('content-type', 'application/json');
  if (!('result' in body)) {
    res.end(JSON.stringify(transformTRPCResponse(config, body)));
    return;
  }
  // What JSON.stringify(transformTRPCResponse(config, body)) gives, kept as bytes when the answer
  // is shared (a cached grid) — and then compressed once, for every client that accepts it.
  const text = resultBody(data);
  const coding = Buffer.isBuffer(text) ? negotiateCoding(req.headers['accept-encoding']) : undefined;
  if (!Buffer.isBuffer(text) || coding === undefined) {
    res.end(text);
    return;
  }
  let out: Buffer;
  try {
    out = await compressOnce(text, coding);
  } catch (err) {
    console.error(`[trpc] ${path}: could not compress the answer, sent as it is:`, err);
    res.end(text);
    return;
  }
  res.setHeader('content-encoding', coding);
  res.end(out);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.once('error', reject);
  });
}
