import { queryRows } from '@tobeout/db';
import { testDatabaseUrl } from '@tobeout/db/testing';
import type { TEvent } from '@tobeout/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { decodeCursor, encodeCursor } from '../src/events/cursor';
import { type Client, cookieClient, eventsOf } from './harness';
import {
  bookableRestaurant,
  outputOf,
  type ServerProcess,
  sharedDatabase,
  startServerProcesses,
  withServerOutput,
} from './processes';

/** One event as it arrived; `id` is its cursor. */
type Received = { id: string; data: TEvent; receivedAt: number };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One events.stream subscription that records what arrives. The link reconnects by itself (the
 * EventSource retries every 3 s and sends Last-Event-ID, which tRPC turns into lastEventId); if
 * the subscription ever ends or errors, it is started again from the last id, as the web client
 * does — `resubscribes` counts how often that fallback was needed.
 */
function openStream(api: Client, lastEventId: string | null) {
  const items: Received[] = [];
  const errors: string[] = [];
  let last = lastEventId;
  let connections = 0;
  let resubscribes = 0;
  let closed = false;
  let sub: { unsubscribe(): void } | undefined;
  let firstStart!: () => void;
  const started = new Promise<void>((r) => {
    firstStart = r;
  });
  const again = () => {
    if (closed) return;
    resubscribes++;
    sub?.unsubscribe();
    setTimeout(subscribe, 500);
  };
  const subscribe = () => {
    if (closed) return;
    sub = api.events.stream.subscribe(
      { lastEventId: last },
      {
        onStarted: () => {
          connections++;
          firstStart();
        },
        onData: ({ id, data }) => {
          const receivedAt = Date.now();
          // A batch in commit order; the message id is its last event's cursor.
          for (const event of data) items.push({ id: event.cursor, data: event, receivedAt });
          last = id;
        },
        onError: (err) => {
          errors.push(String(err));
          again();
        },
        onStopped: again,
      },
    );
  };
  subscribe();
  return {
    items,
    errors,
    started,
    get connections() {
      return connections;
    },
    get resubscribes() {
      return resubscribes;
    },
    /** Resolves with the first item that matches, waiting up to `timeoutMs`. */
    async waitFor(match: (items: Received[]) => boolean, what: string, timeoutMs = 15_000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while (!match(items)) {
        if (Date.now() > deadline)
          throw new Error(
            `timed out waiting for ${what}: ${items.length} events, ${connections} connections, errors: ${errors.join('; ') || 'none'}`,
          );
        await sleep(20);
      }
    },
    close() {
      closed = true;
      sub?.unsubscribe();
    },
  };
}

describe.skipIf(!testDatabaseUrl)('two server processes on one PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof sharedDatabase>> | undefined;
  let servers: ServerProcess[] = [];
  let a: ServerProcess;
  let b: ServerProcess;
  let world: Awaited<ReturnType<typeof bookableRestaurant>>;
  const streams: { close(): void }[] = [];

  beforeAll(async () => {
    db = await sharedDatabase();
    servers = await startServerProcesses(['A', 'B'], { databaseUrl: db.url });
    [a, b] = servers as [ServerProcess, ServerProcess];
    world = await withServerOutput(servers, () => bookableRestaurant(db!.handle, a.url));
  }, 60_000);

  afterAll(async () => {
    for (const s of streams) s.close();
    await Promise.all(servers.map((s) => s.kill()));
    await db?.close();
  });

  const failed = () =>
    onTestFailed(({ task }) => {
      // An assertion error already carries the output (withServerOutput); a timeout does not.
      if (!task.result?.errors?.some((e) => e.message?.includes('Server output:')))
        process.stderr.write(`\nServer output:\n${outputOf(servers)}\n`);
    });

  it('a stream on B receives the bookings created through A at once (NOTIFY across processes)', async () => {
    failed();
    await withServerOutput(servers, async () => {
      const writer = cookieClient(a.url, world.cookie); // the session is in the database: valid on both
      const marker = (await eventsOf(writer)).at(-1)!.cursor;
      const stream = openStream(cookieClient(b.url, world.cookie), marker);
      streams.push(stream);
      await stream.started;
      for (let k = 0; k < 3; k++) {
        const booking = await writer.bookings.create.mutate(world.booking(k));
        const answered = Date.now();
        const isIt = (e: Received) => e.data.type === 'booking.created' && e.data.entityId === booking.id;
        await stream.waitFor((items) => items.some(isIt), `booking ${k} on B`);
        const got = stream.items.find(isIt)!;
        // B polls every 5 s; a wake-up by NOTIFY arrives in milliseconds. Three in a row rule out luck.
        expect(got.receivedAt - answered).toBeLessThan(3000);
        expect(got.data.actor).toMatchObject({ kind: 'user', id: world.user.id });
        expect(got.data.payload).toBeTypeOf('object');
      }
      expect(stream.items.filter((e) => e.data.type === 'booking.created')).toHaveLength(3);
      stream.close();
    });
  }, 30_000);

  it('SIGKILL of the process a client streams from, restart on the same port: every event exactly once', async () => {
    failed();
    await withServerOutput(servers, async () => {
      const writer = cookieClient(a.url, world.cookie);
      const marker = (await eventsOf(writer)).at(-1)!.cursor;
      const stream = openStream(cookieClient(b.url, world.cookie), marker);
      streams.push(stream);
      await stream.started;

      // Three writers keep booking through A the whole time.
      let slot = 100; // after the slots of the first test
      let stop = false;
      const created: string[] = [];
      const writers = Array.from({ length: 3 }, async () => {
        while (!stop) {
          const booking = await writer.bookings.create.mutate(world.booking(slot++));
          created.push(booking.id);
          await sleep(20);
        }
      });
      try {
        await stream.waitFor((items) => items.length >= 20, '20 events before the kill');
        const portBefore = b.url;
        await b.kill('SIGKILL');
        const createdAtKill = created.length;
        await sleep(1500); // B stays down a while; A keeps committing
        await b.restart();
        expect(b.url).toBe(portBefore);
        expect(created.length).toBeGreaterThan(createdAtKill + 5);
        // The link reconnects to the new B by itself and resumes; let writers go on a little more.
        await stream.waitFor(() => stream.connections >= 2, 'the stream to reconnect', 20_000);
        const createdAtReconnect = created.length;
        await stream.waitFor(
          (items) => items.filter((e) => e.data.type === 'booking.created').length >= createdAtReconnect + 10,
          'events written after the reconnect',
        );
      } finally {
        stop = true;
        await Promise.all(writers);
      }

      // What the database holds after the marker, in commit-safe order: exactly what arrived.
      const after = decodeCursor(marker);
      const rows = await queryRows<{ tx_id: string; id: string | number }>(
        db!.handle.db,
        sql`select tx_id::text as tx_id, id from events
            where restaurant_id = ${world.restaurant.id} and (tx_id, id) > (${after.txId}::xid8, ${after.id}::bigint)
            order by tx_id, id`,
      );
      const expected = rows.map((r) => encodeCursor({ txId: r.tx_id, id: Number(r.id) }));
      await stream.waitFor(
        (items) => items.length >= expected.length,
        `all ${expected.length} events`,
        20_000,
      );
      await sleep(300); // a duplicate would arrive now
      stream.close();

      expect(stream.items.map((e) => e.id)).toEqual(expected);
      const bookingIds = stream.items
        .filter((e) => e.data.type === 'booking.created')
        .map((e) => e.data.entityId);
      expect(new Set(bookingIds)).toEqual(new Set(created));
      expect(bookingIds).toHaveLength(created.length);
      // tRPC 11's httpSubscriptionLink resumed on its own: no error reached us, no fallback needed.
      expect(stream.errors).toEqual([]);
      expect(stream.resubscribes).toBe(0);
      expect(stream.connections).toBeGreaterThanOrEqual(2);
    });
  }, 60_000);
});
