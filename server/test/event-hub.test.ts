import type { TEvent } from '@tobeout/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps, Scope } from '../src/domain/deps';
import { write } from '../src/domain/write';
import { createNotifyBus, type EventBus } from '../src/events/bus';
import { EventHub } from '../src/events/hub';
import { restaurantWithMember, startServer, type TestServer } from './harness';

/** The hub's batching, on its own bus so the test decides when subscribers are woken. */
describe('event hub batches', () => {
  let server: TestServer;
  let bus: EventBus;
  beforeAll(async () => {
    server = await startServer('pglite');
    bus = await createNotifyBus(server.app.db);
  });
  afterAll(async () => {
    await bus.close();
    await server.close();
  });

  it('what commits while a read is not due yet reaches a stream as one batch, in order', async () => {
    const { restaurant } = await restaurantWithMember(server, 'owner');
    const hub = new EventHub(server.app.db.db, bus, { minReadIntervalMs: 1000 });
    const deps: Deps = { ...server.app.services.deps, publisher: bus };
    const scope: Scope = {
      restaurantId: restaurant.id,
      role: 'owner',
      actor: { kind: 'system', id: null, name: 'test' },
    };
    const rename = (name: string) =>
      write(deps, scope, ({ emit }) =>
        emit({ type: 'restaurant.updated', entityId: name, payload: { name } }),
      );

    const ac = new AbortController();
    const batches: TEvent[][] = [];
    const stream = hub.stream(restaurant.id, null, ac.signal);
    const first = stream.next(); // registers with the feed, which reads the head position
    await new Promise((r) => setTimeout(r, 100));
    await rename('one'); // read at once: the first read of the feed
    batches.push((await first).value as TEvent[]);
    for (const name of ['two', 'three', 'four', 'five']) await rename(name); // within the second
    batches.push((await stream.next()).value as TEvent[]);
    ac.abort();
    await stream.return(undefined);
    hub.close();

    expect(batches.map((b) => b.map((e) => e.entityId))).toEqual([['one'], ['two', 'three', 'four', 'five']]);
  });

  it('after a burst, reads are spaced by how busy the restaurant is: what follows comes as one batch', async () => {
    const { restaurant } = await restaurantWithMember(server, 'owner');
    // Busy above 4 events a second: a burst of 40 makes the next read wait 5 ms × (40 / 4)² = 500 ms.
    const hub = new EventHub(server.app.db.db, bus, {
      minReadIntervalMs: 5,
      busyEventsPerSecond: 4,
      maxReadIntervalMs: 2000,
    });
    const deps: Deps = { ...server.app.services.deps, publisher: bus };
    const scope: Scope = {
      restaurantId: restaurant.id,
      role: 'owner',
      actor: { kind: 'system', id: null, name: 'test' },
    };
    const ac = new AbortController();
    const stream = hub.stream(restaurant.id, null, ac.signal);
    const first = stream.next();
    await new Promise((r) => setTimeout(r, 100));
    await write(deps, scope, async ({ emit }) => {
      for (let i = 0; i < 40; i++)
        await emit({ type: 'restaurant.updated', entityId: `burst ${i}`, payload: { i } });
    });
    const burst = (await first).value as TEvent[];
    for (const name of ['a', 'b', 'c'])
      await write(deps, scope, ({ emit }) =>
        emit({ type: 'restaurant.updated', entityId: name, payload: { name } }),
      );
    const next = (await stream.next()).value as TEvent[];
    ac.abort();
    await stream.return(undefined);
    hub.close();

    expect(burst).toHaveLength(40);
    expect(next.map((e) => e.entityId)).toEqual(['a', 'b', 'c']);
  });
});
