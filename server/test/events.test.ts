import { events, queryRows } from '@tobeout/db';
import { testDatabaseUrl, testDbKinds } from '@tobeout/db/testing';
import type { TEvent, TEventLogInput } from '@tobeout/shared';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import type { Scope } from '../src/domain/deps';
import { write } from '../src/domain/write';
import { decodeCursor } from '../src/events/cursor';
import { readEvents } from '../src/events/read';
import {
  type Client,
  cookieClient,
  errorOf,
  eventsOf,
  memberOf,
  restaurantWithMember,
  tokenClient,
} from './harness';
import { serverForSuite } from './suite';

/** One event as it arrived; `id` is its cursor. */
type Received = { id: string; data: TEvent };

/**
 * Collects a subscription's events until `until` returns true (or times out). Each message is a
 * batch in commit order whose id is its last event's cursor — checked for every message.
 */
function collect(
  api: Client,
  lastEventId: string | null,
  until: (items: Received[]) => boolean,
  timeoutMs = 15_000,
) {
  return new Promise<Received[]>((resolve, reject) => {
    const items: Received[] = [];
    const timer = setTimeout(() => {
      sub.unsubscribe();
      reject(new Error(`timed out with ${items.length} events`));
    }, timeoutMs);
    const sub = api.events.stream.subscribe(
      { lastEventId },
      {
        onData: ({ id, data }) => {
          expect(data.length).toBeGreaterThan(0);
          expect(id).toBe(data[data.length - 1]!.cursor);
          items.push(...data.map((event) => ({ id: event.cursor, data: event })));
          if (until(items)) {
            clearTimeout(timer);
            sub.unsubscribe();
            resolve(items);
          }
        },
        onError: (err) => {
          clearTimeout(timer);
          reject(err);
        },
      },
    );
  });
}

describe.each(testDbKinds)('events on %s', (kind) => {
  const server = serverForSuite(kind);

  it('streams live events of the own restaurant, and replays what was missed after lastEventId', async () => {
    const a = await restaurantWithMember(server, 'owner');
    const b = await restaurantWithMember(server, 'owner');
    const live = collect(a.api, null, (items) => items.length >= 2);
    await new Promise((r) => setTimeout(r, 300)); // let the stream connect
    await b.api.restaurant.update.mutate({ name: 'B renamed' }); // another restaurant: never seen by A
    await a.api.restaurant.update.mutate({ name: 'A one' });
    await a.api.restaurant.hours.set.mutate({
      services: [{ weekday: 1, name: 'Dinner', start: '18:00', end: '22:00' }],
    });
    const got = await live;
    expect(got.map((e) => e.data.type)).toEqual(['restaurant.updated', 'hours.set']);
    expect(got[0]!.data.payload).toMatchObject({ changes: { name: { to: 'A one' } } });
    expect(got[0]!.data.actor).toMatchObject({ kind: 'user', id: a.user.id });

    // Disconnected after the first event: two more happen; resuming replays exactly the missed ones.
    await a.api.restaurant.update.mutate({ name: 'A two' });
    await a.api.restaurant.specialDays.set.mutate({ date: '2026-12-24', closed: true, services: [] });
    const resumed = await collect(a.api, got[0]!.id, (items) => items.length >= 3);
    expect(resumed.map((e) => e.data.type)).toEqual(['hours.set', 'restaurant.updated', 'specialDay.set']);
  });

  it('on the wire: a replay of several events is one message, exactly their superjson form', async () => {
    const a = await restaurantWithMember(server, 'owner');
    await a.api.restaurant.update.mutate({ name: 'Wire 0' });
    const [start] = await eventsOf(a.api);
    for (let i = 1; i <= 3; i++) await a.api.restaurant.update.mutate({ name: `Wire ${i}` });
    const expected = (await a.api.events.list.query({ after: start!.cursor })).items;
    expect(expected).toHaveLength(3);
    const input = encodeURIComponent(JSON.stringify({ json: { lastEventId: start!.cursor } }));
    const ac = new AbortController();
    const res = await fetch(`${server.url}/trpc/events.stream?input=${input}`, {
      headers: { cookie: a.cookie, accept: 'text/event-stream' },
      signal: ac.signal,
    });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    let text = '';
    const decoder = new TextDecoder();
    for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
      text += decoder.decode(chunk, { stream: true });
      if (/\nid: .*\n\n/.test(text)) break;
    }
    ac.abort();
    const frames = text.split('\n\n').filter(Boolean);
    expect(frames[0]).toBe('event: connected\ndata: {"reconnectAfterInactivityMs":40000}');
    const [data, id] = frames[1]!.split('\n');
    expect(id).toBe(`id: ${expected[2]!.cursor}`);
    expect(superjson.deserialize(JSON.parse(data!.slice('data: '.length)))).toEqual(expected);
  });

  it('refuses a stream without a session or with a revoked token: UNAUTHORIZED', async () => {
    const a = await restaurantWithMember(server, 'owner');
    const anonymous = await errorOf(
      collect(cookieClient(server.url, 'tobeout_session=nope'), null, () => true, 5000),
    );
    expect(anonymous).toMatchObject({ code: 'UNAUTHORIZED' });
    const { apiToken, token } = await a.api.restaurant.tokens.create.mutate({ name: 'agent', role: 'staff' });
    await a.api.restaurant.tokens.revoke.mutate({ id: apiToken.id });
    const revoked = await errorOf(collect(tokenClient(server, token), null, () => true, 5000));
    expect(revoked).toMatchObject({ code: 'UNAUTHORIZED', reason: 'INVALID_TOKEN' });
  });

  it('rejects a malformed lastEventId with a field error', async () => {
    const a = await restaurantWithMember(server, 'staff');
    const bad = await errorOf(collect(a.api, 'nope', () => true, 5000));
    expect(bad).toMatchObject({ code: 'BAD_REQUEST', reason: 'VALIDATION' });
    expect(bad.fieldErrors?.lastEventId).toEqual(['Not an event cursor from this server.']);
  });

  it('events.list pages through the audit log in commit order', async () => {
    const a = await restaurantWithMember(server, 'owner');
    for (let i = 0; i < 5; i++) await a.api.restaurant.update.mutate({ name: `N${i}` });
    await eventsOf(a.api, (items) => items.length === 5);
    const first = await a.api.events.list.query({ limit: 3 });
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).not.toBeNull();
    const second = await a.api.events.list.query({ after: first.nextCursor, limit: 3 });
    expect(second.items.map((e) => e.payload)).toEqual([
      { changes: { name: { from: 'N2', to: 'N3' } } },
      { changes: { name: { from: 'N3', to: 'N4' } } },
    ]);
    expect(second.nextCursor).toBeNull();
  });

  describe('events.log', () => {
    const types = (items: TEvent[]) => items.map((e) => e.type);

    it('lists newest first, filtered by entity, entityId, type and actor (user or token)', async () => {
      const a = await restaurantWithMember(server, 'owner');
      const maria = await memberOf(server, a.restaurant.id, 'manager');
      await a.api.tables.create.mutate({ name: 'T1', maxGuests: 4 });
      const anna = await a.api.guests.create.mutate({ name: 'Anna', tags: [] });
      await maria.api.guests.update.mutate({ id: anna.id, notes: 'Window seat' });
      await maria.api.restaurant.update.mutate({ name: 'Renamed' });
      await a.api.guests.create.mutate({ name: 'Ben', tags: [] });
      const token = await a.api.restaurant.tokens.create.mutate({ name: 'Agent', role: 'staff' });
      await tokenClient(server, token.token).guests.create.mutate({ name: 'Cleo', tags: [] });

      const log = async (filter: TEventLogInput) => (await a.api.events.log.query(filter)).items;
      expect(types(await log({}))).toEqual([
        'guest.created',
        'token.created',
        'guest.created',
        'restaurant.updated',
        'guest.updated',
        'guest.created',
        'table.created',
      ]);
      expect((await log({ entity: 'guest' })).map((e) => e.payload.name)).toEqual([
        'Cleo',
        'Ben',
        'Anna',
        'Anna',
      ]);
      expect(types(await log({ entityId: anna.id }))).toEqual(['guest.updated', 'guest.created']);
      expect((await log({ type: 'guest.created' })).map((e) => e.payload.name)).toEqual([
        'Cleo',
        'Ben',
        'Anna',
      ]);
      expect(types(await log({ actorId: maria.user.id }))).toEqual(['restaurant.updated', 'guest.updated']);
      expect(await log({ actorId: token.apiToken.id })).toMatchObject([
        { type: 'guest.created', actor: { kind: 'token', id: token.apiToken.id, name: 'Agent' } },
      ]);
      // Filters combine; what matches nothing is an empty page, not an error.
      expect(types(await log({ entity: 'guest', actorId: maria.user.id }))).toEqual(['guest.updated']);
      expect(types(await log({ entity: 'booking' }))).toEqual([]);
      expect(types(await log({ type: 'no.such' }))).toEqual([]);
    });

    it('takes from/to as days in the restaurant time zone, across a DST change', async () => {
      const a = await restaurantWithMember(server, 'owner', { timezone: 'America/New_York' });
      const at = {
        feb28Late: '2030-03-01T04:30:00Z', // 28 Feb 23:30 EST
        mar1Early: '2030-03-01T05:30:00Z', // 1 Mar 00:30 EST
        mar1Late: '2030-03-02T04:59:00Z', // 1 Mar 23:59 EST
        mar2Midnight: '2030-03-02T05:00:00Z', // 2 Mar 00:00 EST
        mar9Late: '2030-03-10T04:59:00Z', // 9 Mar 23:59 EST
        mar10Late: '2030-03-11T03:59:00Z', // 10 Mar 23:59 EDT (clocks went forward that night)
        mar11Midnight: '2030-03-11T04:00:00Z', // 11 Mar 00:00 EDT
      };
      for (const [name, instant] of Object.entries(at))
        await server.app.db.db.insert(events).values({
          restaurantId: a.restaurant.id,
          type: 'restaurant.updated',
          entity: 'restaurant',
          entityId: name,
          actor: { kind: 'system', id: null, name: 'test' },
          payload: { name },
          at: new Date(instant),
        });
      const days = async (from?: string, to?: string) =>
        (await a.api.events.log.query({ from, to })).items.map((e) => e.entityId);
      expect(await days('2030-03-01', '2030-03-01')).toEqual(['mar1Late', 'mar1Early']);
      expect(await days(undefined, '2030-02-28')).toEqual(['feb28Late']);
      expect(await days('2030-03-02', '2030-03-09')).toEqual(['mar9Late', 'mar2Midnight']);
      expect(await days('2030-03-10', '2030-03-10')).toEqual(['mar10Late']);
      expect(await days('2030-03-11')).toEqual(['mar11Midnight']);
      const backwards = await errorOf(a.api.events.log.query({ from: '2030-03-02', to: '2030-03-01' }));
      expect(backwards).toMatchObject({ code: 'BAD_REQUEST', reason: 'VALIDATION' });
      expect(backwards.fieldErrors?.to).toEqual(['The end date is before the start date.']);
    });

    it('pages by cursor without gaps or duplicates, also while new events arrive', async () => {
      const a = await restaurantWithMember(server, 'owner');
      for (let i = 0; i < 7; i++) await a.api.restaurant.update.mutate({ name: `N${i}` });
      const everything = (await a.api.events.log.query({})).items.map((e) => e.id);
      expect(everything).toHaveLength(7);
      const seen: number[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: { items: TEvent[]; nextCursor: string | null } = await a.api.events.log.query({
          cursor,
          limit: 3,
        });
        seen.push(...page.items.map((e) => e.id));
        cursor = page.nextCursor;
        pages++;
        // Newer events do not shift the pages still to come.
        if (pages === 1) await a.api.restaurant.update.mutate({ name: 'While paging' });
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toEqual(everything);
      // A filtered log pages the same way.
      const first = await a.api.events.log.query({ type: 'restaurant.updated', limit: 4 });
      const rest = await a.api.events.log.query({
        type: 'restaurant.updated',
        limit: 4,
        cursor: first.nextCursor,
      });
      const names = [...first.items, ...rest.items].map(
        (e) => (e.payload.changes as { name: { to: string } }).name.to,
      );
      expect(names).toEqual(['While paging', 'N6', 'N5', 'N4', 'N3', 'N2', 'N1', 'N0']);
      expect(rest.nextCursor).toBeNull();
    });

    it('is for managers: staff are FORBIDDEN; a malformed cursor is a field error', async () => {
      const a = await restaurantWithMember(server, 'manager');
      const staff = await memberOf(server, a.restaurant.id, 'staff');
      expect(await errorOf(staff.api.events.log.query({}))).toMatchObject({ code: 'FORBIDDEN' });
      const bad = await errorOf(a.api.events.log.query({ cursor: 'nope' }));
      expect(bad).toMatchObject({ code: 'BAD_REQUEST', reason: 'VALIDATION' });
      expect(bad.fieldErrors?.cursor).toEqual(['Not an event cursor from this server.']);
    });
  });
});

describe.skipIf(!testDatabaseUrl)('event ordering on PostgreSQL', () => {
  const server = serverForSuite('postgres', { poolSize: 12 });

  it('holds back an event committed after a younger one, then delivers both in order', async () => {
    const { restaurant } = await restaurantWithMember(server, 'owner');
    const db = server.app.db.db;
    const dbName = (await queryRows<{ d: string }>(db, sql`select current_database() as d`))[0]!.d;
    const url = new URL(testDatabaseUrl!);
    url.pathname = `/${dbName}`;
    const raw = postgres(url.toString(), { max: 2, onnotice: () => {} });
    const insert = (s: postgres.Sql | postgres.TransactionSql, type: string) =>
      s`insert into events (restaurant_id, type, entity, actor) values (${restaurant.id}, ${type}, 'test', ${s.json({ kind: 'system', id: null, name: 't' })})`;
    try {
      const start = await readEvents(db, restaurant.id, null, 100);
      let releaseSlow!: () => void;
      const slowMayCommit = new Promise<void>((r) => {
        releaseSlow = r;
      });
      let slowInserted!: () => void;
      const slowHasInserted = new Promise<void>((r) => {
        slowInserted = r;
      });
      // Transaction "slow" takes its id and inserts first, but commits last.
      const slow = raw.begin(async (tx) => {
        await insert(tx, 'slow');
        slowInserted();
        await slowMayCommit;
      });
      await slowHasInserted;
      await raw.begin((tx) => insert(tx, 'fast'));

      // A naive `id > last` reader would now see 'fast' and later skip 'slow'. Ours waits.
      const during = await readEvents(db, restaurant.id, start.cursor, 100);
      expect(during.events).toEqual([]);
      expect(during.heldBack).toBe(true);

      releaseSlow();
      await slow;
      // (Other transactions in this database may hold both back a moment longer: wait for them.)
      let after = await readEvents(db, restaurant.id, start.cursor, 100);
      for (const deadline = Date.now() + 10_000; after.heldBack && Date.now() < deadline; ) {
        await new Promise((r) => setTimeout(r, 25));
        after = await readEvents(db, restaurant.id, start.cursor, 100);
      }
      expect(after.events.map((e) => e.type)).toEqual(['slow', 'fast']);
    } finally {
      await raw.end();
    }
  });

  it('is not held back by a transaction running in another database of the server', async () => {
    const { restaurant, api } = await restaurantWithMember(server, 'owner');
    const db = server.app.db.db;
    const start = await readEvents(db, restaurant.id, null, 100);
    // A write transaction (it has a transaction id, older than the event below) in the shared
    // `test` database: a long restore or bulk load of another application, say.
    const other = postgres(testDatabaseUrl!, { max: 1, onnotice: () => {} });
    let release!: () => void;
    const mayEnd = new Promise<void>((r) => {
      release = r;
    });
    let started!: () => void;
    const hasXid = new Promise<void>((r) => {
      started = r;
    });
    const elsewhere = other.begin(async (tx) => {
      await tx`select pg_current_xact_id()`;
      started();
      await mayEnd;
    });
    try {
      await hasXid;
      await api.restaurant.update.mutate({ name: 'While another database writes' });
      let page = await readEvents(db, restaurant.id, start.cursor, 100);
      // Only this database's own transactions (other tests' writers) may hold it back, briefly.
      for (const deadline = Date.now() + 5_000; page.heldBack && Date.now() < deadline; ) {
        await new Promise((r) => setTimeout(r, 25));
        page = await readEvents(db, restaurant.id, start.cursor, 100);
      }
      expect(page.events.map((e) => e.type)).toEqual(['restaurant.updated']);
    } finally {
      release();
      await elsewhere;
      await other.end();
    }
  });

  it('8 concurrent writers, 1000 events, a reader that keeps reconnecting: every event exactly once', async () => {
    const { restaurant, api } = await restaurantWithMember(server, 'owner');
    const deps = server.app.services.deps;
    const scope: Scope = {
      restaurantId: restaurant.id,
      role: 'owner',
      actor: { kind: 'system', id: null, name: 'writer' },
    };
    const WRITERS = 8;
    const PER_WRITER = 125;
    const TOTAL = WRITERS * PER_WRITER;

    // Start from a known position (a subscription without lastEventId starts at "now", which
    // would race with the writers). Then drop the connection every 97 events and resume.
    await api.restaurant.update.mutate({ name: 'marker' }); // the restaurant's first event
    const marker = { items: await eventsOf(api) };
    const writers = Array.from({ length: WRITERS }, (_, w) =>
      (async () => {
        for (let i = 0; i < PER_WRITER; i++) {
          await write(deps, scope, async ({ tx, emit }) => {
            await emit({ type: 'restaurant.updated', entityId: `${w}-${i}`, payload: { w, i } });
            // Hold some transactions open so commits land out of id order.
            if ((w + i) % 5 === 0) await tx.execute(sql`select pg_sleep(${Math.random() * 0.01})`);
          });
        }
      })(),
    );

    const seen: Received[] = [];
    let last: string | null = marker.items[0]!.cursor;
    const reading = (async () => {
      let reconnects = 0;
      while (seen.length < TOTAL) {
        const batch = await collect(
          api,
          last,
          (items) => items.length >= 97 || seen.length + items.length >= TOTAL,
          60_000,
        );
        seen.push(...batch);
        last = batch.at(-1)!.id;
        reconnects++;
      }
      return reconnects;
    })();
    await Promise.all(writers);
    const reconnects = await reading;

    expect(reconnects).toBeGreaterThan(5);
    expect(seen).toHaveLength(TOTAL);
    const keys = seen.map((e) => e.data.entityId);
    expect(new Set(keys).size).toBe(TOTAL);
    // Each writer's events arrive in the order it wrote them.
    for (let w = 0; w < WRITERS; w++) {
      const mine = seen
        .filter((e) => (e.data.payload as { w: number }).w === w)
        .map((e) => (e.data.payload as { i: number }).i);
      expect(mine).toEqual(Array.from({ length: PER_WRITER }, (_, i) => i));
    }
    // Cursors strictly increase along the stream.
    for (let k = 1; k < seen.length; k++) {
      const a = decodeCursor(seen[k - 1]!.id);
      const b = decodeCursor(seen[k]!.id);
      expect(BigInt(b.txId) > BigInt(a.txId) || (b.txId === a.txId && b.id > a.id)).toBe(true);
    }
  });
});
