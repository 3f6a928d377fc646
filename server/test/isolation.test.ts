import { testDbKinds } from '@tobeout/db/testing';
import type { TEvent } from '@tobeout/shared';
import { createTRPCClient, httpBatchLink, type TRPCLink } from '@trpc/client';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppRouter, appRouter } from '../src/routers';
import {
  type Client,
  errorOf,
  login,
  memberOf,
  PASSWORD,
  restaurantWithMember,
  startServer,
  type TestServer,
  tokenClient,
} from './harness';

/**
 * Cross-restaurant isolation: A's owner — by session and by an owner token scoped to A — calls
 * every procedure of restaurant.* and events.* aimed at B's data (B's user ids, token id, special
 * day, event cursor; plus a smuggled `restaurantId: B` in the input) and must neither see nor
 * change anything of B. The restaurant always comes from the session or token, never from input.
 *
 * Every procedure under these areas must have a case here: adding one without a case fails.
 */
const AREAS = ['restaurant.', 'events.'];
/** Subscriptions are covered by the events tests (they stream only the caller's restaurant). */
const NOT_HERE = new Set(['events.stream']);

/** Text that only B's data contains: seeing it anywhere in A's results is a leak. */
const SECRET = 'B-secret';
const B_DAY = '2032-02-02';

type World = {
  server: TestServer;
  a: { restaurantId: string; ownerId: string };
  b: {
    restaurantId: string;
    owner: Awaited<ReturnType<typeof restaurantWithMember>>;
    manager: Awaited<ReturnType<typeof memberOf>>;
    token: { token: string; id: string; prefix: string };
    cursor: string;
  };
};

/** What must never appear in anything A gets back. */
function bMarkers(w: World): string[] {
  const b = w.b;
  // (B's manager is not listed: the members.add case legitimately adds that account to A.)
  return [SECRET, b.restaurantId, b.owner.user.id, b.owner.email, b.token.id, b.token.prefix];
}

function expectNoLeak(w: World, value: unknown) {
  const text = JSON.stringify(value);
  for (const marker of bMarkers(w)) expect(text, `leaked ${marker}`).not.toContain(marker);
}

/** Extra input that tries to aim a call at B; the server must ignore it. */
function aimAtB<T extends object>(w: World, input: T): T {
  return {
    ...input,
    restaurantId: w.b.restaurantId,
    restaurant_id: w.b.restaurantId,
    id: (input as { id?: string }).id ?? w.b.restaurantId,
  };
}

async function eventsOf(api: Client, until: (items: TEvent[]) => boolean = () => true): Promise<TEvent[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const { items } = await api.events.list.query({ limit: 1000 });
    if (until(items) || Date.now() > deadline) return items;
    await new Promise((r) => setTimeout(r, 50));
  }
}

const B_EVENT_COUNT = 5;

/** Everything of B, as B's owner sees it (lastUsedAt of B's token moves when we prove it still works). */
async function snapshotOfB(w: World) {
  const api = w.b.owner.api;
  return {
    restaurant: await api.restaurant.get.query(),
    hours: await api.restaurant.hours.get.query(),
    specialDays: await api.restaurant.specialDays.list.query({}),
    members: await api.restaurant.members.list.query(),
    tokens: (await api.restaurant.tokens.list.query()).map(({ lastUsedAt: _, ...t }) => t),
    events: (await eventsOf(api, (items) => items.length >= B_EVENT_COUNT)).map((e) => [
      e.id,
      e.type,
      e.entityId,
    ]),
  };
}

type Case = (api: Client, w: World) => Promise<void>;

/** One attack per procedure path. */
const cases: Record<string, Case> = {
  'restaurant.get': async (api, w) => {
    const r = await api.restaurant.get.query();
    expect(r.id).toBe(w.a.restaurantId);
    expectNoLeak(w, r);
  },

  'restaurant.update': async (api, w) => {
    const r = await api.restaurant.update.mutate(aimAtB(w, { name: 'A renamed', cuisine: 'Pwned B' }));
    expect(r.id).toBe(w.a.restaurantId);
    expect(r.name).toBe('A renamed');
    expectNoLeak(w, r);
  },

  'restaurant.hours.get': async (api, w) => {
    const hours = await api.restaurant.hours.get.query();
    expectNoLeak(w, hours);
  },

  'restaurant.hours.set': async (api, w) => {
    const saved = await api.restaurant.hours.set.mutate(
      aimAtB(w, { services: [{ weekday: 3, name: 'A lunch', start: '11:00', end: '14:00' }] }),
    );
    expect(saved.services.map((s) => s.name)).toEqual(['A lunch']);
  },

  'restaurant.specialDays.list': async (api, w) => {
    const days = await api.restaurant.specialDays.list.query(aimAtB(w, { from: B_DAY, to: B_DAY }));
    expect(days).toEqual([]);
    expectNoLeak(w, await api.restaurant.specialDays.list.query({}));
  },

  'restaurant.specialDays.set': async (api, w) => {
    // Same date as B's: it creates A's own day and leaves B's alone.
    const day = await api.restaurant.specialDays.set.mutate(
      aimAtB(w, { date: B_DAY, name: 'A closed', closed: true, services: [] }),
    );
    expect(day).toEqual({ date: B_DAY, name: 'A closed', closed: true, services: [] });
    expect(await api.restaurant.specialDays.list.query({ from: B_DAY, to: B_DAY })).toEqual([day]);
    await api.restaurant.specialDays.delete.mutate({ date: B_DAY }); // A's own, so the next attacker starts clean
  },

  'restaurant.specialDays.delete': async (api, w) => {
    const err = await errorOf(api.restaurant.specialDays.delete.mutate(aimAtB(w, { date: B_DAY })));
    expect(err).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    expect(err.fieldErrors?.date).toBeDefined();
  },

  'restaurant.members.list': async (api, w) => {
    const members = await api.restaurant.members.list.query();
    expect(members.map((m) => m.userId)).toContain(w.a.ownerId);
    expectNoLeak(w, members);
  },

  'restaurant.members.add': async (api, w) => {
    // Adding B's manager's account to A is allowed (accounts are global), but it must not touch
    // their membership in B, their password or anything else of B.
    const added = await api.restaurant.members.add.mutate(
      aimAtB(w, {
        email: w.b.manager.email,
        name: 'Renamed by A',
        role: 'owner',
        password: 'a password chosen by A',
      }),
    );
    expect(added).toMatchObject({ userId: w.b.manager.user.id, role: 'owner' });
    expect(added.name).not.toBe('Renamed by A');
    await login(w.server.url, w.b.manager.email, PASSWORD); // password unchanged
    const inB = (await w.b.owner.api.restaurant.members.list.query()).find(
      (m) => m.userId === w.b.manager.user.id,
    );
    expect(inB?.role).toBe('manager');
    // The new membership is A's only: the manager still cannot manage B's tokens.
    expect(await errorOf(w.b.manager.api.restaurant.tokens.list.query())).toMatchObject({
      reason: 'ROLE_REQUIRED',
    });
    await api.restaurant.members.remove.mutate({ userId: w.b.manager.user.id }); // clean up A
  },

  'restaurant.members.updateRole': async (api, w) => {
    const err = await errorOf(
      api.restaurant.members.updateRole.mutate(aimAtB(w, { userId: w.b.owner.user.id, role: 'staff' })),
    );
    expect(err).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    expectNoLeak(w, err.message);
  },

  'restaurant.members.remove': async (api, w) => {
    const err = await errorOf(api.restaurant.members.remove.mutate(aimAtB(w, { userId: w.b.owner.user.id })));
    expect(err).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    const err2 = await errorOf(api.restaurant.members.remove.mutate({ userId: w.b.manager.user.id }));
    expect(err2).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
  },

  'restaurant.tokens.list': async (api, w) => {
    const tokens = await api.restaurant.tokens.list.query();
    expect(tokens.length).toBeGreaterThan(0);
    expectNoLeak(w, tokens);
  },

  'restaurant.tokens.create': async (api, w) => {
    const created = await api.restaurant.tokens.create.mutate(aimAtB(w, { name: 'A extra', role: 'owner' }));
    const asNew = tokenClient(w.server, created.token);
    expect((await asNew.restaurant.get.query()).id).toBe(w.a.restaurantId);
    await api.restaurant.tokens.revoke.mutate({ id: created.apiToken.id });
  },

  'restaurant.tokens.revoke': async (api, w) => {
    const err = await errorOf(api.restaurant.tokens.revoke.mutate({ id: w.b.token.id }));
    expect(err).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    // B's token still works, for B.
    expect((await tokenClient(w.server, w.b.token.token).restaurant.get.query()).id).toBe(w.b.restaurantId);
  },

  'events.list': async (api, w) => {
    const all = await api.events.list.query({ limit: 1000 });
    expect(all.items.length).toBeGreaterThan(0);
    expectNoLeak(w, all);
    // B's cursor is only a position: reading "after" it still yields A's events only.
    const after = await api.events.list.query(aimAtB(w, { after: w.b.cursor, limit: 1000 }));
    expectNoLeak(w, after);
    const bIds = new Set((await eventsOf(w.b.owner.api)).map((e) => e.id));
    const aIds = new Set((await api.events.list.query({ limit: 1000 })).items.map((e) => e.id));
    for (const e of [...all.items, ...after.items]) expect(bIds.has(e.id), `B's event ${e.id}`).toBe(false);
    for (const e of after.items) expect(aIds.has(e.id)).toBe(true);
  },
};

function requiredPaths(): string[] {
  return Object.keys(appRouter._def.procedures)
    .filter((p) => AREAS.some((area) => p.startsWith(area)) && !NOT_HERE.has(p))
    .sort();
}

it('has an isolation case for every restaurant.* and events.* procedure', () => {
  expect(requiredPaths().length).toBeGreaterThan(10);
  expect(Object.keys(cases).sort()).toEqual(requiredPaths());
});

/** A client that records every procedure path it calls. */
function recordingClient(url: string, headers: Record<string, string>, seen: Set<string>): Client {
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

describe.each(testDbKinds)('cross-restaurant isolation on %s', (kind) => {
  let server: TestServer;
  let w: World;
  let before: Awaited<ReturnType<typeof snapshotOfB>>;
  const attackers: Record<string, { api: Client; seen: Set<string> }> = {};

  beforeAll(async () => {
    server = await startServer(kind);
    const a = await restaurantWithMember(server, 'owner', { name: 'Alpha' });
    const aToken = await a.api.restaurant.tokens.create.mutate({ name: 'A owner token', role: 'owner' });
    await a.api.restaurant.hours.set.mutate({
      services: [{ weekday: 1, name: 'A dinner', start: '18:00', end: '22:00' }],
    });

    const bOwner = await restaurantWithMember(server, 'owner', { name: `Beta ${SECRET}` });
    const bManager = await memberOf(server, bOwner.restaurant.id, 'manager');
    const bApi = bOwner.api;
    await bApi.restaurant.update.mutate({ address: `${SECRET} street 1`, cuisine: SECRET });
    await bApi.restaurant.hours.set.mutate({
      services: [
        { weekday: 5, name: `${SECRET} dinner`, start: '18:00', end: '01:00', lastSeating: '23:30' },
      ],
    });
    await bApi.restaurant.specialDays.set.mutate({
      date: B_DAY,
      name: `${SECRET} gala`,
      closed: false,
      services: [{ name: `${SECRET} gala`, start: '19:00', end: '23:00' }],
    });
    await bApi.restaurant.members.add.mutate({
      email: `${SECRET.toLowerCase()}-${Date.now()}@test.local`,
      name: SECRET,
      role: 'staff',
      password: PASSWORD,
    });
    const bToken = await bApi.restaurant.tokens.create.mutate({ name: `${SECRET} token`, role: 'owner' });
    const bEvents = await eventsOf(bApi, (items) => items.length >= B_EVENT_COUNT);
    expect(bEvents).toHaveLength(B_EVENT_COUNT);

    w = {
      server,
      a: { restaurantId: a.restaurant.id, ownerId: a.user.id },
      b: {
        restaurantId: bOwner.restaurant.id,
        owner: bOwner,
        manager: bManager,
        token: { token: bToken.token, id: bToken.apiToken.id, prefix: bToken.apiToken.prefix },
        cursor: bEvents.at(-1)!.cursor,
      },
    };
    before = await snapshotOfB(w);
    const attacker = (headers: Record<string, string>) => {
      const seen = new Set<string>();
      return { seen, api: recordingClient(server.url, headers, seen) };
    };
    attackers['A owner session'] = attacker({ cookie: a.cookie, origin: server.url });
    attackers['A owner token'] = attacker({ authorization: `Bearer ${aToken.token}` });
  });
  afterAll(() => server.close());

  describe.each(['A owner session', 'A owner token'])('%s', (who) => {
    it.each(Object.keys(cases))('%s cannot see or change B', async (path) => {
      const attacker = attackers[who]!;
      attacker.seen.clear();
      await cases[path]!(attacker.api, w);
      expect([...attacker.seen], 'the case must call its own procedure').toContain(path);
    });
  });

  it("B's data is exactly as before, and B's owner and token still work", async () => {
    expect(await snapshotOfB(w)).toEqual(before);
    expect((await tokenClient(server, w.b.token.token).restaurant.get.query()).id).toBe(w.b.restaurantId);
    expect((await w.b.owner.api.auth.me.query()).activeRestaurant).toMatchObject({
      restaurantId: w.b.restaurantId,
      role: 'owner',
    });
  });
});
