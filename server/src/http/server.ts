import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DbHandle } from '@tobeout/db';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import sirv from 'sirv';
import { AppError } from '../domain/errors';
import { appRouter } from '../routers';
import { type AppServices, createContext } from '../trpc/context';
import { serveEventStream } from './event-stream';
import { exportGuestsCsv } from './export';
import { answerSingleCall, type OnCallError, singleCallOf } from './single-call';

export type HttpOptions = {
  services: AppServices;
  db: DbHandle;
  /** Built web client to serve (index.html fallback for client-side routes). */
  clientDist?: string | undefined;
  /** Trust X-Forwarded-* from a reverse proxy. */
  trustProxy?: boolean;
  /**
   * Answer unbatched queries and mutations without tRPC's fetch adapter (./single-call; the
   * default). false: tRPC's handler answers every call (the test comparing the two).
   */
  singleCalls?: boolean;
};

const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'same-origin',
};

/** One process serves /trpc (batching + SSE), GET /health and the built client. */
export function createHttpServer(opts: HttpOptions): http.Server {
  const { services, db, trustProxy = false, singleCalls = true } = opts;
  const header = (req: http.IncomingMessage, name: string) => {
    const v = req.headers[name];
    return Array.isArray(v) ? v[0] : v;
  };

  const contextOf = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const forwardedFor = trustProxy ? header(req, 'x-forwarded-for')?.split(',')[0]?.trim() : undefined;
    const proto = trustProxy ? header(req, 'x-forwarded-proto') : undefined;
    return createContext(services, {
      ip: forwardedFor || req.socket.remoteAddress || 'unknown',
      origin: header(req, 'origin') ?? null,
      host: (trustProxy ? header(req, 'x-forwarded-host') : undefined) ?? header(req, 'host') ?? null,
      secure: proto ? proto === 'https' : 'encrypted' in req.socket,
      authorization: header(req, 'authorization'),
      cookie: header(req, 'cookie'),
      setCookie: (value) => res.appendHeader('Set-Cookie', value),
    });
  };
  const onError: OnCallError = ({ error, path }) => {
    // Domain errors thrown while a subscription streams arrive here unmapped: not a crash.
    if (error.code === 'INTERNAL_SERVER_ERROR' && !(error.cause instanceof AppError)) {
      console.error(`[trpc] ${path ?? '?'}:`, error.cause ?? error);
    }
  };
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    createContext: ({ req, res }) => contextOf(req, res),
    onError,
  });
  const answerTrpc = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const call = singleCalls ? singleCallOf(req, url) : undefined;
    if (!call) return trpc(req, res);
    answerSingleCall(call, req, res, url, () => contextOf(req, res), onError).catch((err) => {
      console.error(`[trpc] ${call.path}:`, err);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  };

  const dist = opts.clientDist && existsSync(opts.clientDist) ? opts.clientDist : undefined;
  const assets = dist
    ? sirv(dist, {
        single: true,
        etag: true,
        // The build writes .br and .gz copies of its text files (client/vite.config.ts).
        brotli: true,
        gzip: true,
        setHeaders: (res, pathname) => {
          res.setHeader(
            'Cache-Control',
            pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
          );
        },
      })
    : undefined;

  return http.createServer((req, res) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    const url = req.url ?? '/';
    if (req.method === 'GET' && (url === '/trpc/events.stream' || url.startsWith('/trpc/events.stream?'))) {
      contextOf(req, res)
        .then((ctx) => serveEventStream(ctx, req, res))
        .catch((err) => {
          console.error('[events] stream failed:', err);
          if (!res.headersSent) res.writeHead(500);
          res.end();
        });
      return;
    }
    if (url === '/trpc' || url.startsWith('/trpc/') || url.startsWith('/trpc?')) {
      answerTrpc(req, res);
      return;
    }
    if (req.method === 'GET' && (url === '/export/guests.csv' || url.startsWith('/export/guests.csv?'))) {
      exportGuestsCsv(services, req, res).catch((err) => {
        console.error('guest export failed', err);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
      return;
    }
    if (url === '/health' || url.startsWith('/health?')) {
      void health(db, res);
      return;
    }
    if (assets) {
      assets(req, res, () => notFound(res));
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(
      '<!doctype html><title>ToBeOut</title><p>The web client is not built. Run <code>npm start</code> from the repository root.</p>',
    );
  });
}

function notFound(res: http.ServerResponse) {
  res.writeHead(404, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ error: 'Not found' }));
}

async function health(db: DbHandle, res: http.ServerResponse) {
  try {
    const migration = await db.migrationLevel();
    res.writeHead(migration.pending === 0 ? 200 : 503, {
      'Content-Type': 'application/json',
      'Cache-Control': 'no-store',
    });
    res.end(JSON.stringify({ ok: migration.pending === 0, database: db.kind, migration }));
  } catch (err) {
    res.writeHead(503, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify({ ok: false, database: db.kind, error: String((err as Error).message ?? err) }));
  }
}

export function listen(server: http.Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}
