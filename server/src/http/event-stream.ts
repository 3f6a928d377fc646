import type http from 'node:http';
import type { TEvent } from '@tobeout/shared';
import { getErrorShape, getTRPCErrorFromUnknown, isTrackedEnvelope } from '@trpc/server';
import superjson from 'superjson';
import { AppError } from '../domain/errors';
import { appRouter } from '../routers';
import type { Context } from '../trpc/context';
import { createCallerFactory, SSE } from '../trpc/init';
import { serialize } from '../trpc/transformer';

const PATH = 'events.stream';
const createCaller = createCallerFactory(appRouter);

/** An event's JSON in a message, and its superjson annotations, worked out once for all streams. */
type Encoded = { json: string; meta: [string, unknown][] };
const encoded = new WeakMap<TEvent, Encoded>();

function encode(event: TEvent): Encoded {
  let e = encoded.get(event);
  if (!e) {
    const { json, meta } = serialize(event);
    e = { json: JSON.stringify(json), meta: Object.entries(meta?.values ?? {}) };
    encoded.set(event, e);
  }
  return e;
}

/**
 * The whole message of a batch, kept with the batch's first event: streams that keep up are
 * handed the same run of events (each stream's queue gets the feed's events in the same order and
 * drains a prefix of them), so all of them send the same bytes, encoded once.
 */
const frames = new WeakMap<TEvent, { events: TEvent[]; frame: Buffer }>();

function sameRun(a: TEvent[], b: TEvent[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * A batch as tRPC's SSE writes a tracked item: `data:` the superjson form of the array (what
 * superjson.serialize(batch) gives: items in order, each item's annotations under its index),
 * `id:` the last event's cursor.
 */
export function sseMessage(events: TEvent[]): Buffer {
  const first = events[0]!;
  const cached = frames.get(first);
  if (cached && sameRun(cached.events, events)) return cached.frame;
  const parts: string[] = [];
  const values: Record<string, unknown> = {};
  let annotated = false;
  events.forEach((event, i) => {
    const e = encode(event);
    parts.push(e.json);
    for (const [path, v] of e.meta) {
      values[`${i}.${path}`] = v;
      annotated = true;
    }
  });
  const meta = annotated ? `,"meta":${JSON.stringify({ values, v: 1 })}` : '';
  const frame = Buffer.from(
    `data: {"json":[${parts.join(',')}]${meta}}\nid: ${events[events.length - 1]!.cursor}\n\n`,
  );
  frames.set(first, { events: [...events], frame });
  return frame;
}

const PING = Buffer.from('event: ping\ndata: \n\n');
const RETURN = Buffer.from('event: return\ndata: \n\n');
const CONNECTED = Buffer.from(`event: connected\ndata: ${JSON.stringify(SSE.client)}\n\n`);

/**
 * GET /trpc/events.stream, served here instead of by tRPC's SSE pipeline, with the same wire
 * protocol (httpSubscriptionLink and EventSource cannot tell the difference: the client tests
 * and the browser tests use them) and the same procedure: the caller below runs the router's
 * events.stream — authentication, role, input validation, error shapes and the stream itself.
 *
 * Why: tRPC writes each message through a chain of web streams (a readable, a transform, a text
 * encoder, a writable) and a ping race, several chunks and promise hops per message per stream;
 * fanning 50 bookings a second out to 250 streams per process took about 40 µs per delivery and
 * most of a core. Here an event is serialised once for every stream, a stream that keeps up is
 * sent the same bytes as every other one, and a stream whose socket is full gets what queued up
 * meanwhile as one message once it drains.
 */
export async function serveEventStream(ctx: Context, req: http.IncomingMessage, res: http.ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const ac = new AbortController();
  const onClose = () => ac.abort();
  req.once('close', onClose);
  res.once('close', onClose);

  res.writeHead(200, {
    'Content-Type': 'text/event-stream',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
    Vary: 'trpc-accept, accept',
  });
  let written = Date.now();
  const send = (chunk: Buffer): boolean => {
    written = Date.now();
    return res.write(chunk);
  };
  const drained = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        res.off('drain', done);
        ac.signal.removeEventListener('abort', done);
        resolve();
      };
      res.once('drain', done);
      ac.signal.addEventListener('abort', done, { once: true });
    });
  send(CONNECTED);
  const ping = setInterval(() => {
    if (Date.now() - written >= SSE.ping.intervalMs) send(PING);
  }, SSE.ping.intervalMs / 3);

  let input: unknown;
  try {
    const raw = url.searchParams.get('input');
    input = raw === null ? undefined : superjson.deserialize(JSON.parse(raw));
    // As tRPC: an EventSource that reconnects by itself sends the last id as a header.
    const lastEventId =
      req.headers['last-event-id'] ??
      url.searchParams.get('lastEventId') ??
      url.searchParams.get('Last-Event-Id');
    if (typeof lastEventId === 'string' && lastEventId)
      input = input && typeof input === 'object' ? { ...input, lastEventId } : (input ?? { lastEventId });
    const batches = await createCaller(ctx, { signal: ac.signal }).events.stream(input as never);
    for await (const item of batches as AsyncIterable<unknown>) {
      if (ac.signal.aborted) break;
      const events = (isTrackedEnvelope(item) ? item[1] : item) as TEvent[];
      if (!send(sseMessage(events))) await drained();
    }
    if (!ac.signal.aborted) send(RETURN);
  } catch (cause) {
    if (!ac.signal.aborted) {
      const error = getTRPCErrorFromUnknown(cause);
      if (error.code === 'INTERNAL_SERVER_ERROR' && !(error.cause instanceof AppError))
        console.error(`[events] ${PATH}:`, error.cause ?? error);
      const shape = getErrorShape({
        config: appRouter._def._config,
        error,
        type: 'subscription',
        path: PATH,
        input,
        ctx,
      });
      send(Buffer.from(`event: serialized-error\ndata: ${JSON.stringify(serialize(shape))}\n\n`));
    }
  } finally {
    clearInterval(ping);
    req.off('close', onClose);
    res.off('close', onClose);
    res.end();
  }
}
