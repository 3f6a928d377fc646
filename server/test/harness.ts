import type { DbKind } from '@tobeout/db';
import { createTestDb } from '@tobeout/db/testing';
import type { TEvent, TRole } from '@tobeout/shared';
import {
  createTRPCClient,
  httpBatchLink,
  httpSubscriptionLink,
  splitLink,
  type TRPCLink,
} from '@trpc/client';
import { EventSource } from 'eventsource';
import superjson from 'superjson';
import { type App, createApp } from '../src/app';
import { createTobeoutClient } from '../src/client';
import type { AppRouter } from '../src/routers';
import { addMembership, createRestaurant, createUser } from '../src/seed/factories';

export const PASSWORD = 'correct horse battery staple';

/**
 * Headless Debian Chromium as the browser tests (client/e2e) and the UI benchmark launch it,
 * with the flags this closed network needs.
 */
export const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

export type TestServer = {
  app: App;
  url: string;
  kind: DbKind;
  close(): Promise<void>;
};

/** A real server on a random loopback port over a fresh database of the given kind. */
export async function startServer(
  kind: DbKind,
  opts: { poolSize?: number; trustProxy?: boolean; clientDist?: string } = {},
): Promise<TestServer> {
  const db = await createTestDb(kind, opts);
  const app = await createApp({ db, trustProxy: opts.trustProxy ?? false, clientDist: opts.clientDist });
  const { port } = await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  return { app, url, kind, close: () => app.close() };
}

/** Signs in over HTTP like the browser does and returns the session cookie. */
export async function login(url: string, email: string, password = PASSWORD): Promise<string> {
  const res = await fetch(`${url}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ json: { email, password } }),
  });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (!res.ok || !cookie) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return cookie;
}

/** A typed client that authenticates with a session cookie (and sends our Origin, like a browser). */
export function cookieClient(url: string, cookie: string, origin = url) {
  const headers = { cookie, origin };
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({
          url: `${url}/trpc`,
          transformer: superjson,
          EventSource,
          eventSourceOptions: () => ({
            fetch: (input, init) => fetch(input, { ...init, headers: { ...init?.headers, ...headers } }),
          }),
        }),
        false: httpBatchLink({ url: `${url}/trpc`, transformer: superjson, headers }),
      }),
    ],
  });
}

export type Client = ReturnType<typeof cookieClient>;

/** A client (session cookie or bearer token in `headers`) that records every procedure path it calls. */
export function recordingClient(url: string, headers: Record<string, string>, seen: Set<string>): Client {
  const record: TRPCLink<AppRouter> =
    () =>
    ({ op, next }) => {
      seen.add(op.path);
      return next(op);
    };
  return createTRPCClient<AppRouter>({
    links: [record, httpBatchLink({ url: `${url}/trpc`, transformer: superjson, headers })],
  });
}

let seq = 0;
/** A restaurant with one member of the given role, signed in. */
export async function restaurantWithMember(
  server: TestServer,
  role: TRole = 'owner',
  restaurant: { name?: string; timezone?: string } = {},
) {
  const db = server.app.db.db;
  const r = await createRestaurant(db, {
    name: restaurant.name ?? `R${++seq}`,
    timezone: restaurant.timezone ?? 'Europe/Berlin',
  });
  const email = `${role}${++seq}-${Date.now()}@test.local`;
  const user = await createUser(db, { email, name: `${role} ${seq}`, password: PASSWORD });
  await addMembership(db, r.id, user.id, role);
  const cookie = await login(server.url, email);
  return { restaurant: r, user, email, cookie, api: cookieClient(server.url, cookie) };
}

/** Adds another user with `role` to a restaurant and signs them in. */
export async function memberOf(server: TestServer, restaurantId: string, role: TRole) {
  const db = server.app.db.db;
  const email = `${role}${++seq}-${Date.now()}@test.local`;
  const user = await createUser(db, { email, name: `${role} ${seq}`, password: PASSWORD });
  await addMembership(db, restaurantId, user.id, role);
  const cookie = await login(server.url, email);
  return { user, email, cookie, api: cookieClient(server.url, cookie) };
}

export function tokenClient(server: TestServer, token: string) {
  return createTobeoutClient({ url: server.url, token });
}

/** The tRPC error's data (code, reason, fieldErrors) from a rejected call. */
export async function errorOf(p: Promise<unknown>): Promise<{
  message: string;
  code: string;
  reason: string;
  httpStatus: number;
  fieldErrors?: Record<string, string[]>;
  details?: Record<string, unknown>;
}> {
  try {
    await p;
  } catch (err) {
    const e = err as { message: string; data?: Record<string, unknown> };
    return { message: e.message, ...(e.data as { code: string; reason: string; httpStatus: number }) };
  }
  throw new Error('expected the call to fail, it succeeded');
}

/**
 * The restaurant's audit log once `until` holds. events.list holds back events while an older
 * transaction anywhere on the server is still open (commit-order safety), so tests wait briefly
 * for what they expect to see instead of reading right after a write.
 */
export async function eventsOf(
  api: Client,
  until: (items: TEvent[]) => boolean = (items) => items.length > 0,
): Promise<TEvent[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const { items } = await api.events.list.query({ limit: 1000 });
    if (until(items) || Date.now() > deadline) return items;
    await new Promise((r) => setTimeout(r, 25));
  }
}
