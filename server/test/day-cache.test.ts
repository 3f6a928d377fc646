import { createDb, queryRows } from '@tobeout/db';
import { testDatabaseUrl } from '@tobeout/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../src/app';
import type { Day, Taken } from '../src/domain/availability/day';
import { DayCache } from '../src/domain/availability/day-cache';
import { bookingWorld, DAY } from './bookings-world';
import { cookieClient, startServer, type TestServer } from './harness';

const taken = (over: Partial<Taken>): Taken => ({
  tableId: 't1',
  from: 0,
  to: 1,
  kind: 'booking',
  ownerId: 'o',
  status: 'confirmed',
  partySize: 2,
  expiresAt: null,
  ...over,
});

function counting(make: () => Day = () => ({ date: DAY, taken: [] }) as unknown as Day) {
  let loads = 0;
  return {
    load: async () => {
      loads++;
      return make();
    },
    get loads() {
      return loads;
    },
  };
}

describe('DayCache', () => {
  it('serves a day from memory until its restaurant changes', async () => {
    const cache = new DayCache({ ttlMs: 60_000 });
    const src = counting();
    await cache.get('r1', DAY, src.load);
    await cache.get('r1', DAY, src.load);
    expect(src.loads).toBe(1);
    cache.invalidate('r2'); // another restaurant: kept
    await cache.get('r1', DAY, src.load);
    expect(src.loads).toBe(1);
    cache.invalidate('r1');
    await cache.get('r1', DAY, src.load);
    expect(src.loads).toBe(2);
  });

  it('reads again after the TTL, and never keeps a failed load', async () => {
    const cache = new DayCache({ ttlMs: 30 });
    const src = counting();
    await cache.get('r1', DAY, src.load);
    await new Promise((r) => setTimeout(r, 40));
    await cache.get('r1', DAY, src.load);
    expect(src.loads).toBe(2);
    await expect(cache.get('r1', 'x', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    const after = counting();
    await cache.get('r1', 'x', after.load);
    expect(after.loads).toBe(1);
  });

  it('past the TTL, serves the day it has while reading it again; a change meanwhile wins', async () => {
    const cache = new DayCache({ ttlMs: 30 });
    const waiting: (() => void)[] = [];
    let loads = 0;
    const load = async () => {
      const n = ++loads;
      if (n > 1) await new Promise<void>((resolve) => waiting.push(resolve));
      return { date: DAY, taken: [], n } as unknown as Day;
    };
    const served = async () => ((await cache.get('r1', DAY, load)) as unknown as { n: number }).n;
    const settle = () => new Promise((r) => setTimeout(r, 5));

    expect(await served()).toBe(1);
    await new Promise((r) => setTimeout(r, 40));
    expect(await served()).toBe(1); // stale: answered at once, read 2 under way
    expect(await served()).toBe(1); // one re-read at a time
    expect(loads).toBe(2);
    waiting.shift()!();
    await settle();
    expect(await served()).toBe(2);

    await new Promise((r) => setTimeout(r, 40));
    expect(await served()).toBe(2); // read 3 under way…
    cache.invalidate('r1'); // …when a change arrives: read 3 may predate it
    const next = served(); // read 4, waited for
    waiting.shift()!(); // read 3 ends: not kept
    await settle();
    waiting.shift()!();
    expect(await next).toBe(4);
    expect(await served()).toBe(4);
  });

  it('never serves a stale day past twice the TTL', async () => {
    const cache = new DayCache({ ttlMs: 20 });
    let loads = 0;
    const load = async () => ({ date: DAY, taken: [], n: ++loads }) as unknown as Day;
    const served = async () => ((await cache.get('r1', DAY, load)) as unknown as { n: number }).n;
    expect(await served()).toBe(1);
    await new Promise((r) => setTimeout(r, 50));
    expect(await served()).toBe(2); // expired, not stale: read again and waited for
  });

  it('leaves out holds once they have expired, without reading again', async () => {
    const cache = new DayCache({ ttlMs: 60_000 });
    const expiresAt = Date.now() + 50;
    const src = counting(
      () =>
        ({
          date: DAY,
          taken: [taken({ kind: 'hold', ownerId: 'h', expiresAt }), taken({ ownerId: 'b' })],
        }) as unknown as Day,
    );
    expect((await cache.get('r1', DAY, src.load)).taken.map((t) => t.ownerId)).toEqual(['h', 'b']);
    await new Promise((r) => setTimeout(r, 60));
    expect((await cache.get('r1', DAY, src.load)).taken.map((t) => t.ownerId)).toEqual(['b']);
    expect(src.loads).toBe(1);
  });

  it('keeps other answers (a grid) with the days, and drops them with them', async () => {
    const cache = new DayCache({ ttlMs: 60_000 });
    let builds = 0;
    const grid = () => cache.memo('r1', `grid ${DAY}`, async () => ({ built: ++builds }));
    expect(await grid()).toEqual({ built: 1 });
    expect(await grid()).toEqual({ built: 1 });
    cache.invalidate('r1');
    expect(await grid()).toEqual({ built: 2 });
  });

  it('drops an answer when the hold it shows expires, before the TTL', async () => {
    const cache = new DayCache({ ttlMs: 60_000 });
    let builds = 0;
    const grid = (until: number | null) =>
      cache.memo(
        'r1',
        `grid ${DAY}`,
        async () => ({ built: ++builds, until }),
        (g) => g.until,
      );
    expect(await grid(Date.now() + 40)).toMatchObject({ built: 1 });
    expect(await grid(null)).toMatchObject({ built: 1 });
    await new Promise((r) => setTimeout(r, 50));
    expect(await grid(null)).toMatchObject({ built: 2 }); // no hold: kept for the TTL
    await new Promise((r) => setTimeout(r, 50));
    expect(await grid(null)).toMatchObject({ built: 2 });
  });

  it('clear() drops every restaurant', async () => {
    const cache = new DayCache({ ttlMs: 60_000 });
    const src = counting();
    await cache.get('r1', DAY, src.load);
    await cache.get('r2', DAY, src.load);
    cache.clear();
    await cache.get('r1', DAY, src.load);
    await cache.get('r2', DAY, src.load);
    expect(src.loads).toBe(4);
  });

  it('keeps at most maxEntries days', async () => {
    const cache = new DayCache({ ttlMs: 60_000, maxEntries: 2 });
    const src = counting();
    await cache.get('r1', '2030-01-01', src.load);
    await cache.get('r1', '2030-01-02', src.load);
    await cache.get('r2', '2030-01-03', src.load);
    await cache.get('r1', '2030-01-01', src.load); // the oldest went
    expect(src.loads).toBe(4);
  });
});

/**
 * Two app instances (each with its own pool, LISTEN connection and cache) on one PostgreSQL
 * database, as two server processes would be: a booking made through A is seen at once by
 * availability reads on B, whose cached day is dropped by A's NOTIFY.
 */
describe.skipIf(!testDatabaseUrl)('the day cache across server processes', () => {
  let a: TestServer;
  let b: App;
  let urlB: string;
  beforeAll(async () => {
    a = await startServer('postgres');
    const [row] = await queryRows<{ name: string }>(a.app.db.db, sql`select current_database() as name`);
    const url = new URL(testDatabaseUrl!);
    url.pathname = `/${row!.name}`;
    b = await createApp({ db: await createDb({ databaseUrl: url.toString(), poolSize: 4 }) });
    urlB = `http://127.0.0.1:${(await b.listen(0)).port}`;
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('a check on B reads again when its LISTEN connection was lost (wake-ups may have been missed)', async () => {
    const w = await bookingWorld(a);
    const apiB = cookieClient(urlB, w.cookie);
    const ask = () => apiB.availability.check.query({ date: DAY, time: '20:00', partySize: 5 });
    expect((await ask()).available).toBe(true); // B now holds the day in memory
    // A booking that wakes no one: a process without live publishing (as if it had crashed
    // between its commit and its NOTIFY).
    const [row] = await queryRows<{ name: string }>(a.app.db.db, sql`select current_database() as name`);
    const url = new URL(testDatabaseUrl!);
    url.pathname = `/${row!.name}`;
    const silent = await createApp({
      db: await createDb({ databaseUrl: url.toString(), poolSize: 2 }),
      livePublish: false,
    });
    try {
      const silentUrl = `http://127.0.0.1:${(await silent.listen(0)).port}`;
      await cookieClient(silentUrl, w.cookie).bookings.create.mutate({
        date: DAY,
        time: '20:00',
        partySize: 5,
        guest: { name: 'Unannounced' },
      });
      expect((await ask()).available).toBe(true); // B cannot know yet
      // Every LISTEN connection on this database is cut; postgres.js listens again by itself.
      await queryRows(
        a.app.db.db,
        sql`select pg_terminate_backend(pid) from pg_stat_activity
            where datname = current_database() and query ilike 'listen%' and pid <> pg_backend_pid()`,
      );
      await expect.poll(async () => (await ask()).reason, { timeout: 5_000, interval: 50 }).toBe('full');
    } finally {
      await silent.close();
    }
  });

  it("a check on B sees a booking made through A as soon as A's NOTIFY arrives", async () => {
    const w = await bookingWorld(a);
    const apiB = cookieClient(urlB, w.cookie);
    const ask = () => apiB.availability.check.query({ date: DAY, time: '20:00', partySize: 5 });
    expect((await ask()).available).toBe(true); // B now holds the day in memory
    await w.api.bookings.create.mutate({ date: DAY, time: '20:00', partySize: 5, guest: { name: 'Via A' } });
    await expect.poll(async () => (await ask()).reason, { timeout: 1_000, interval: 20 }).toBe('full');
  });
});
