import type http from 'node:http';
import zlib from 'node:zlib';
import { addDays, todayIn } from '@tobeout/shared';
import superjson from 'superjson';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTobeoutClient } from '../src/client';
import { createHttpServer, listen } from '../src/http/server';
import { singleCallOf } from '../src/http/single-call';
import { memberOf, restaurantWithMember, startServer, type TestServer } from './harness';

/**
 * Unbatched queries and mutations are answered by http/single-call.ts, not by tRPC's handler. The
 * two must be indistinguishable: every request below goes to the server (fast path) and to a
 * second server on the same services with tRPC answering everything, and the answers — status,
 * headers, body — must be the same.
 */
describe('unbatched calls answer exactly as tRPC does', () => {
  let server: TestServer;
  let plain: http.Server;
  let plainUrl: string;
  let token: string;
  let staffCookie: string;
  let ownerCookie: string;
  let staffEmail: string;
  const day = addDays(todayIn('Europe/Berlin'), 3);

  beforeAll(async () => {
    server = await startServer('pglite');
    plain = createHttpServer({ services: server.app.services, db: server.app.db, singleCalls: false });
    plainUrl = `http://127.0.0.1:${(await listen(plain, 0, '127.0.0.1')).port}`;
    const owner = await restaurantWithMember(server, 'owner');
    ownerCookie = owner.cookie;
    await owner.api.tables.create.mutate({ name: 'T1', section: 'Main', minGuests: 1, maxGuests: 4 });
    await owner.api.restaurant.hours.set.mutate({
      services: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
        weekday,
        name: 'Dinner',
        start: '18:00',
        end: '22:00',
      })),
    });
    ({ token } = await owner.api.restaurant.tokens.create.mutate({ name: 'agent', role: 'manager' }));
    const staff = await memberOf(server, owner.restaurant.id, 'staff');
    staffCookie = staff.cookie;
    staffEmail = staff.email;
  });
  afterAll(async () => {
    await new Promise((resolve) => plain.close(resolve));
    await server.close();
  });

  type Req = { path: string; method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string };
  const bearer = () => ({ authorization: `Bearer ${token}` });
  const input = (value: unknown) => encodeURIComponent(JSON.stringify(superjson.serialize(value)));
  const json = (value: unknown) => JSON.stringify(superjson.serialize(value));

  /** The Origin header of a request from the app itself (the origin of whichever server it goes to). */
  const SELF = 'self';
  async function answer(base: string, r: Req) {
    const res = await fetch(`${base}/trpc/${r.path}`, {
      method: r.method ?? 'GET',
      headers: { ...r.headers, ...(r.headers?.origin === SELF && { origin: base }) },
      body: r.body,
    });
    const text = await res.text();
    return {
      status: res.status,
      contentType: res.headers.get('content-type'),
      // The fast path adds Accept-Encoding: it sends shared answers compressed (tested below).
      vary: res.headers.get('vary')?.replace(', accept-encoding', '') ?? null,
      // A new session each time: compare what the cookie is, not its value.
      setCookie: res.headers.get('set-cookie')?.replace(/^(\w+)=[^;]*/, '$1=…') ?? null,
      body: text.startsWith('{') ? JSON.parse(text) : text,
    };
  }

  const cases: [string, () => Req][] = [
    [
      'a query with input',
      () => ({
        path: `availability.check?input=${input({ date: day, partySize: 2, time: '19:00' })}`,
        headers: bearer(),
      }),
    ],
    ['a query without input', () => ({ path: 'restaurant.get', headers: bearer() })],
    // A grid is cached and served as the same validated object, its JSON text kept with it.
    [
      'a cached answer',
      () => ({ path: `availability.grid?input=${input({ date: day })}`, headers: bearer() }),
    ],
    [
      'a cached answer again',
      () => ({ path: `availability.grid?input=${input({ date: day })}`, headers: bearer() }),
    ],
    ['a query with an empty input', () => ({ path: 'restaurant.get?input=', headers: bearer() })],
    [
      'invalid input (field errors)',
      () => ({
        path: `availability.check?input=${input({ date: 'soon', partySize: 0 })}`,
        headers: bearer(),
      }),
    ],
    ['input that is not JSON', () => ({ path: 'availability.check?input=%7Bnope', headers: bearer() })],
    [
      'a domain error (not found)',
      () => ({
        path: `bookings.get?input=${input({ id: '00000000-0000-4000-8000-000000000000' })}`,
        headers: bearer(),
      }),
    ],
    ['no session', () => ({ path: 'restaurant.get' })],
    [
      'a revoked or unknown token',
      () => ({ path: 'restaurant.get', headers: { authorization: 'Bearer nope' } }),
    ],
    [
      'a role that may not',
      () => ({ path: 'restaurant.tokens.list', headers: { cookie: staffCookie, origin: SELF } }),
    ],
    [
      'a mutation',
      () => ({
        path: 'restaurant.update',
        method: 'POST',
        headers: { ...bearer(), 'content-type': 'application/json' },
        body: json({ name: 'Chez Parity' }),
      }),
    ],
    [
      'a mutation with invalid input',
      () => ({
        path: 'restaurant.update',
        method: 'POST',
        headers: { ...bearer(), 'content-type': 'application/json' },
        body: json({ slotIntervalMin: 7 }),
      }),
    ],
    [
      'a mutation whose body is not JSON',
      () => ({
        path: 'restaurant.update',
        method: 'POST',
        headers: { ...bearer(), 'content-type': 'application/json' },
        body: '{nope',
      }),
    ],
    [
      'a mutation with an empty body',
      () => ({
        path: 'restaurant.update',
        method: 'POST',
        headers: { ...bearer(), 'content-type': 'application/json' },
        body: '',
      }),
    ],
    [
      'a cookie mutation from another origin (CSRF)',
      () => ({
        path: 'restaurant.update',
        method: 'POST',
        headers: { cookie: ownerCookie, origin: 'https://evil.example', 'content-type': 'application/json' },
        body: json({ name: 'Evil' }),
      }),
    ],
    [
      'a sign-in (sets the session cookie)',
      () => ({
        path: 'auth.login',
        method: 'POST',
        headers: { origin: SELF, 'content-type': 'application/json' },
        body: json({ email: staffEmail, password: 'correct horse battery staple' }),
      }),
    ],
    [
      'a wrong password',
      () => ({
        path: 'auth.login',
        method: 'POST',
        headers: { origin: SELF, 'content-type': 'application/json' },
        body: json({ email: staffEmail, password: 'wrong wrong wrong' }),
      }),
    ],
    // Left to tRPC by the fast path (see the next test); compared all the same.
    ['an unknown procedure', () => ({ path: 'bookings.nope', headers: bearer() })],
    ['a GET of a mutation', () => ({ path: 'restaurant.update', headers: bearer() })],
    [
      'a mutation without a content type',
      () => ({ path: 'restaurant.update', method: 'POST', headers: bearer(), body: json({ name: 'X' }) }),
    ],
  ];

  it.each(cases)('%s', async (_, make) => {
    const fast = await answer(server.url, make());
    const trpc = await answer(plainUrl, make());
    expect(fast).toEqual(trpc);
  });

  it('the fast path answers the calls it is for and leaves the rest to tRPC', () => {
    const taken = cases.map(([name, make]) => {
      const r = make();
      const req = { method: r.method ?? 'GET', headers: r.headers ?? {} } as http.IncomingMessage;
      return [name, singleCallOf(req, new URL(`/trpc/${r.path}`, 'http://x')) !== undefined];
    });
    const left = taken.filter(([, fast]) => !fast).map(([name]) => name);
    expect(left).toEqual([
      'an unknown procedure',
      'a GET of a mutation',
      'a mutation without a content type',
    ]);
    const batch = { method: 'GET', headers: {} } as http.IncomingMessage;
    expect(singleCallOf(batch, new URL('/trpc/restaurant.get?batch=1&input={}', 'http://x'))).toBeUndefined();
    const streaming = { method: 'GET', headers: { 'trpc-accept': 'application/jsonl' } } as never;
    expect(singleCallOf(streaming, new URL('/trpc/restaurant.get', 'http://x'))).toBeUndefined();
  });

  it('covers successes and failures of both kinds', async () => {
    const statuses = await Promise.all(
      cases.map(async ([, make]) => (await answer(server.url, make())).status),
    );
    expect(new Set(statuses)).toEqual(new Set([200, 400, 401, 403, 404, 405, 415]));
  });
  /** A GET as it comes off the wire: undici's request API does not decompress. */
  async function onTheWire(path: string, acceptEncoding?: string) {
    const res = await request(`${server.url}/trpc/${path}`, {
      headers: { ...bearer(), ...(acceptEncoding !== undefined && { 'accept-encoding': acceptEncoding }) },
    });
    const bytes = Buffer.from(await res.body.arrayBuffer());
    return { status: res.statusCode, coding: res.headers['content-encoding'], vary: res.headers.vary, bytes };
  }

  it('a shared answer (a cached grid) goes out compressed as the client accepts, the same bytes inside', async () => {
    const grid = `availability.grid?input=${input({ date: day })}`;
    const identity = await onTheWire(grid);
    expect(identity.status).toBe(200);
    expect(identity.coding).toBeUndefined();
    expect(identity.vary).toBe('trpc-accept, accept, accept-encoding');
    const asChromium = await onTheWire(grid, 'gzip, deflate, br, zstd');
    expect(asChromium.coding).toBe('br');
    expect(zlib.brotliDecompressSync(asChromium.bytes).equals(identity.bytes)).toBe(true);
    const gzipOnly = await onTheWire(grid, 'gzip;q=1.0, br;q=0');
    expect(gzipOnly.coding).toBe('gzip');
    expect(zlib.gunzipSync(gzipOnly.bytes).equals(identity.bytes)).toBe(true);
    expect((await onTheWire(grid, 'identity')).coding).toBeUndefined();
    // Worked out per request (compressing it would cost every request): sent as it is.
    const check = await onTheWire(
      `availability.check?input=${input({ date: day, partySize: 2, time: '19:00' })}`,
      'br, gzip',
    );
    expect(check.status).toBe(200);
    expect(check.coding).toBeUndefined();
  });

  it('the typed client asks for a compressed grid and reads the same answer', async () => {
    const identity = await onTheWire(`availability.grid?input=${input({ date: day })}`);
    const api = createTobeoutClient({ url: server.url, token, batch: false });
    const grid = await api.availability.grid.query({ date: day });
    expect(grid).toEqual(superjson.deserialize(JSON.parse(identity.bytes.toString()).result.data));
    expect(grid.slots[0]?.startsAt).toBeInstanceOf(Date);
  });
});
