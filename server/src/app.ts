import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDb, type DbHandle } from '@tobeout/db';
import { createLucia } from './auth/lucia';
import { TokenCache } from './auth/token-cache';
import { DayCache } from './domain/availability/day-cache';
import type { Deps } from './domain/deps';
import { createNotifyBus, type EventBus } from './events/bus';
import { EventHub } from './events/hub';
import { createHttpServer, listen } from './http/server';
import type { AppServices } from './trpc/context';

export type AppOptions = {
  /** An open database, or options to open one. */
  db: DbHandle;
  allowedOrigins?: string[];
  clientDist?: string | undefined;
  trustProxy?: boolean;
  /** false: no live publishing — commits are not announced and streams do not poll (benchmarks). */
  livePublish?: boolean;
};

export type App = {
  services: AppServices;
  db: DbHandle;
  bus: EventBus;
  server: http.Server;
  listen(port: number, host?: string): Promise<AddressInfo>;
  /** Graceful: stop accepting, end streams, finish in-flight requests, close the database. */
  close(): Promise<void>;
};

/** Wires database, event bus, hub, auth and HTTP. Used by main.ts and by the tests. */
export async function createApp(opts: AppOptions): Promise<App> {
  const { db } = opts;
  const bus = await createNotifyBus(db);
  // Availability reads keep loaded days until their restaurant's next event (from any process).
  const days = new DayCache();
  bus.onWake((restaurantId) => days.invalidate(restaurantId));
  bus.onResync(() => days.clear());
  const deps: Deps = {
    db: db.db,
    dbKind: db.kind,
    publisher: opts.livePublish === false ? { publish() {} } : bus,
    days,
    tokens: new TokenCache(),
  };
  const hub = new EventHub(db.db, bus, opts.livePublish === false ? { pollMs: null } : {});
  const services: AppServices = {
    deps,
    lucia: createLucia(db.db),
    hub,
    allowedOrigins: opts.allowedOrigins ?? [],
  };
  const server = createHttpServer({
    services,
    db,
    clientDist: opts.clientDist,
    trustProxy: opts.trustProxy ?? false,
  });
  let closing: Promise<void> | undefined;
  return {
    services,
    db,
    bus,
    server,
    listen: (port, host = '127.0.0.1') => listen(server, port, host),
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        hub.close(); // ends every event stream, so their responses finish
        server.closeIdleConnections();
        const force = setTimeout(() => server.closeAllConnections(), 10_000);
        force.unref();
        if (server.listening) await stopped;
        clearTimeout(force);
        await bus.close();
        await db.close();
      })();
      return closing;
    },
  };
}

export { createDb };
