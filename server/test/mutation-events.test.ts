import { testDbKinds } from '@tobeout/db/testing';
import { addDays, EVENT_TYPES, isEventType, type TEvent, type TEventType } from '@tobeout/shared';
import type { AnyProcedure } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../src/routers';
import { bookingWorld, DAY, FRIDAY } from './bookings-world';
import { type Client, memberOf, PASSWORD, recordingClient, startServer, type TestServer } from './harness';

/**
 * Live everywhere: every mutation of the app router emits at least one precise event — a type
 * from the shared catalogue with its entity, the entity's id, the caller as actor and a small,
 * non-empty payload (the diff or summary the activity log and live notifications show).
 *
 * Every mutation needs a recipe here (or an exemption with a reason): a new mutation without one
 * fails the test, so nothing can change restaurant state silently.
 */

/** Mutations that act on the caller's own session, not on a restaurant's state. */
const EXEMPT: Record<string, string> = {
  'auth.login': 'starts a session for the caller; nothing of any restaurant changes',
  'auth.logout': "ends the caller's own session",
  'auth.switchRestaurant':
    "points the caller's session at another of their restaurants; neither restaurant changes",
};

/** Events about several entities at once carry no entityId (their payload names them). */
const COLLECTIVE = new Set<TEventType>([
  'tables.reordered',
  'tables.sectionRenamed',
  'tables.moved',
  'guests.imported',
]);

type World = Awaited<ReturnType<typeof bookingWorld>>;
type Ctx = {
  w: World;
  server: TestServer;
  /** The caller under test (an owner, by session or by owner token), recording what it calls. */
  api: Client;
  actor: { kind: 'user' | 'token'; id: string };
  /** Something unique per call, for names and e-mail addresses. */
  n: () => number;
  /** A confirmed booking of Anna's on DAY, at a dinner time no other recipe uses. */
  book: () => ReturnType<Client['bookings']['create']['mutate']>;
};

/** What a recipe sets up first (through the same caller); the function it returns is the call under test. */
type Recipe = { emits: TEventType; prepare: (c: Ctx) => Promise<() => Promise<unknown>> };

const WEDNESDAY = addDays(DAY, 1);

/** A new account added to the restaurant as staff, through the caller. */
const addStaff = ({ api, n }: Ctx, name: string) =>
  api.restaurant.members.add.mutate({
    email: `${name.toLowerCase()}${n()}-${Date.now()}@test.local`,
    name,
    role: 'staff',
    password: PASSWORD,
  });

const recipes: Record<string, Recipe> = {
  'restaurant.update': {
    emits: 'restaurant.updated',
    prepare:
      async ({ api, n }) =>
      () =>
        api.restaurant.update.mutate({ name: `Renamed ${n()}` }),
  },
  'restaurant.hours.set': {
    emits: 'hours.set',
    prepare: async ({ api }) => {
      // The week as it is plus Monday dinner: the booking recipes still find DAY open.
      const { services } = await api.restaurant.hours.get.query();
      const monday = { weekday: 1, name: 'Dinner', start: '18:00', end: '22:00' };
      return () => api.restaurant.hours.set.mutate({ services: [...services, monday] });
    },
  },
  'restaurant.specialDays.set': {
    emits: 'specialDay.set',
    prepare:
      async ({ api }) =>
      () =>
        api.restaurant.specialDays.set.mutate({
          date: addDays(DAY, 40),
          name: 'Staff party',
          closed: true,
          services: [],
        }),
  },
  'restaurant.specialDays.delete': {
    emits: 'specialDay.deleted',
    prepare: async ({ api }) => {
      const date = addDays(DAY, 41);
      await api.restaurant.specialDays.set.mutate({ date, name: 'Inventory', closed: true, services: [] });
      return () => api.restaurant.specialDays.delete.mutate({ date });
    },
  },
  'restaurant.members.add': {
    emits: 'member.added',
    prepare: async (c) => () => addStaff(c, 'Nina'),
  },
  'restaurant.members.updateRole': {
    emits: 'member.roleChanged',
    prepare: async (c) => {
      const m = await addStaff(c, 'Rolf');
      return () => c.api.restaurant.members.updateRole.mutate({ userId: m.userId, role: 'manager' });
    },
  },
  'restaurant.members.remove': {
    emits: 'member.removed',
    prepare: async (c) => {
      const m = await addStaff(c, 'Gina');
      return () => c.api.restaurant.members.remove.mutate({ userId: m.userId });
    },
  },
  'restaurant.tokens.create': {
    emits: 'token.created',
    prepare:
      async ({ api }) =>
      () =>
        api.restaurant.tokens.create.mutate({ name: 'Import job', role: 'staff' }),
  },
  'restaurant.tokens.revoke': {
    emits: 'token.revoked',
    prepare: async ({ api }) => {
      const t = await api.restaurant.tokens.create.mutate({ name: 'Voice agent', role: 'staff' });
      return () => api.restaurant.tokens.revoke.mutate({ id: t.apiToken.id });
    },
  },
  'tables.create': {
    emits: 'table.created',
    prepare:
      async ({ api, n }) =>
      () =>
        api.tables.create.mutate({ name: `New ${n()}`, maxGuests: 4 }),
  },
  'tables.update': {
    emits: 'table.updated',
    prepare:
      async ({ api, w }) =>
      () =>
        api.tables.update.mutate({ id: w.t2.id, notes: 'Wobbly leg' }),
  },
  'tables.deactivate': {
    emits: 'table.deactivated',
    prepare: async ({ api, n }) => {
      const t = await api.tables.create.mutate({ name: `Old ${n()}`, maxGuests: 2 });
      return () => api.tables.deactivate.mutate({ id: t.id });
    },
  },
  'tables.reactivate': {
    emits: 'table.reactivated',
    prepare: async ({ api, n }) => {
      const t = await api.tables.create.mutate({ name: `Back ${n()}`, maxGuests: 2 });
      await api.tables.deactivate.mutate({ id: t.id });
      return () => api.tables.reactivate.mutate({ id: t.id });
    },
  },
  'tables.reorder': {
    emits: 'tables.reordered',
    prepare:
      async ({ api, w }) =>
      () =>
        api.tables.reorder.mutate({ ids: [w.t4.id, w.t3.id] }),
  },
  'tables.renameSection': {
    emits: 'tables.sectionRenamed',
    prepare: async ({ api, n }) => {
      const section = `Patio ${n()}`;
      await api.tables.create.mutate({ name: `P ${n()}`, section, maxGuests: 2 });
      return () => api.tables.renameSection.mutate({ from: section, to: 'Terrace' });
    },
  },
  'tables.savePositions': {
    emits: 'tables.moved',
    prepare:
      async ({ api, w }) =>
      () =>
        api.tables.savePositions.mutate({ positions: [{ id: w.t1.id, x: 120, y: 110 }] }),
  },
  'tables.setFloor': {
    emits: 'floor.updated',
    prepare:
      async ({ api, n }) =>
      () =>
        api.tables.setFloor.mutate({ width: 2000 + n(), height: 1500 }),
  },
  'tables.combinations.create': {
    emits: 'combination.created',
    prepare:
      async ({ api, w, n }) =>
      () =>
        api.tables.combinations.create.mutate({
          name: `Window ${n()}`,
          tableIds: [w.t1.id, w.t2.id],
          minGuests: 3,
          maxGuests: 6,
        }),
  },
  'tables.combinations.update': {
    emits: 'combination.updated',
    prepare: async ({ api, w, n }) => {
      const c = await api.tables.combinations.create.mutate({
        name: `Big ${n()}`,
        tableIds: [w.t2.id, w.t3.id],
        minGuests: 5,
        maxGuests: 10,
      });
      return () => api.tables.combinations.update.mutate({ id: c.id, name: `Bigger ${n()}`, maxGuests: 9 });
    },
  },
  'tables.combinations.delete': {
    emits: 'combination.deleted',
    prepare: async ({ api, w, n }) => {
      const c = await api.tables.combinations.create.mutate({
        name: `Gone ${n()}`,
        tableIds: [w.t1.id, w.t3.id],
        minGuests: 3,
        maxGuests: 8,
      });
      return () => api.tables.combinations.delete.mutate({ id: c.id });
    },
  },
  'tables.block': {
    emits: 'table.blocked',
    prepare:
      async ({ api, w }) =>
      () =>
        api.tables.block.mutate({
          tableIds: [w.t4.id],
          from: `${WEDNESDAY}T12:00`,
          to: `${WEDNESDAY}T13:00`,
          reason: 'Painting',
        }),
  },
  'tables.unblock': {
    emits: 'table.unblocked',
    prepare: async ({ api, w }) => {
      const b = await api.tables.block.mutate({
        tableIds: [w.t4.id],
        from: `${WEDNESDAY}T14:00`,
        to: `${WEDNESDAY}T15:00`,
        reason: 'Repair',
      });
      return () => api.tables.unblock.mutate({ blockId: b.id });
    },
  },
  'availability.hold': {
    emits: 'hold.created',
    prepare:
      async ({ api, w }) =>
      () =>
        api.availability.hold.mutate({ date: DAY, time: '12:00', partySize: 2, tableIds: [w.t1.id] }),
  },
  'availability.release': {
    emits: 'hold.released',
    prepare: async ({ api, w }) => {
      const h = await api.availability.hold.mutate({
        date: DAY,
        time: '12:00',
        partySize: 2,
        tableIds: [w.t2.id],
      });
      return () => api.availability.release.mutate({ holdId: h.holdId });
    },
  },
  'bookings.create': {
    emits: 'booking.created',
    prepare: async ({ book }) => book,
  },
  'bookings.update': {
    emits: 'booking.updated',
    prepare: async ({ api, book }) => {
      const b = await book();
      return () =>
        api.bookings.update.mutate({
          id: b.id,
          version: b.version,
          specialRequests: 'High chair',
        });
    },
  },
  'bookings.move': {
    emits: 'booking.moved',
    prepare: async ({ api, book }) => {
      const b = await book();
      return () => api.bookings.move.mutate({ id: b.id, date: FRIDAY, time: '19:00' });
    },
  },
  'bookings.setStatus': {
    emits: 'booking.statusChanged',
    prepare: async ({ api, book }) => {
      const b = await book();
      return () => api.bookings.setStatus.mutate({ id: b.id, status: 'seated' });
    },
  },
  'bookings.cancel': {
    emits: 'booking.canceled',
    prepare: async ({ api, book }) => {
      const b = await book();
      return () => api.bookings.cancel.mutate({ id: b.id, reason: 'Guest called' });
    },
  },
  'guests.create': {
    emits: 'guest.created',
    prepare:
      async ({ api }) =>
      () =>
        api.guests.create.mutate({ name: 'Bea Braun', tags: [] }),
  },
  'guests.update': {
    emits: 'guest.updated',
    prepare: async ({ api }) => {
      const g = await api.guests.create.mutate({ name: 'Carl Clausen', tags: [] });
      return () => api.guests.update.mutate({ id: g.id, notes: 'Window seat', tags: ['VIP'] });
    },
  },
  'guests.merge': {
    emits: 'guest.merged',
    prepare: async ({ api }) => {
      const keep = await api.guests.create.mutate({ name: 'Dora Diaz', tags: [] });
      const gone = await api.guests.create.mutate({ name: 'Dora D.', tags: [] });
      return () => api.guests.merge.mutate({ keepId: keep.id, mergeId: gone.id });
    },
  },
  'guests.import': {
    emits: 'guests.imported',
    prepare:
      async ({ api }) =>
      () =>
        api.guests.import.mutate({
          rows: [
            { name: 'Emil Ernst', tags: [] },
            { name: 'Fia Falk', tags: ['VIP'] },
          ],
        }),
  },
};

/** Every mutation of the app router, by path ("bookings.move"). */
function mutationPaths(): string[] {
  const procedures = appRouter._def.procedures as unknown as Record<string, AnyProcedure>;
  return Object.entries(procedures)
    .filter(([, p]) => p._def.type === 'mutation')
    .map(([path]) => path)
    .sort();
}

it('has a recipe (or a stated exemption) for every mutation, and every exemption is a real mutation', () => {
  const mutations = mutationPaths();
  expect(mutations.length).toBeGreaterThan(20);
  for (const path of Object.keys(EXEMPT))
    expect(mutations, `exempt ${path} is no longer a mutation`).toContain(path);
  const covered = [...Object.keys(recipes), ...Object.keys(EXEMPT)].sort();
  expect(covered, 'a mutation without a recipe, or a recipe without a mutation').toEqual(mutations);
});

/** The payload fields the live notifications and the activity log read, by event type. */
function expectPayloadContract(e: TEvent) {
  const p = e.payload;
  expect(Object.keys(p).length, `${e.type} has an empty payload`).toBeGreaterThan(0);
  const hasChanges = () => {
    const changes = p.changes as Record<string, { from: unknown; to: unknown }>;
    expect(Object.keys(changes).length, `${e.type} without changes`).toBeGreaterThan(0);
    for (const c of Object.values(changes)) expect(Object.keys(c).sort()).toEqual(['from', 'to']);
  };
  if (e.entity === 'booking') {
    expect(p).toMatchObject({
      code: expect.any(String),
      guestName: expect.any(String),
      partySize: expect.any(Number),
      date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      time: expect.stringMatching(/^\d{2}:\d{2}$/),
    });
    expect((p.tables as unknown[]).every((t) => typeof t === 'string')).toBe(true);
    if (e.type === 'booking.updated' || e.type === 'booking.moved') hasChanges();
    if (e.type === 'booking.statusChanged' || e.type === 'booking.canceled')
      expect(p).toMatchObject({ from: expect.any(String), to: expect.any(String) });
  }
  if (e.type.startsWith('guest.')) expect(p.name).toEqual(expect.any(String));
  if (e.type.startsWith('table.') && e.entity === 'table') expect(p.name).toEqual(expect.any(String));
  if (e.type === 'guest.updated' || e.type === 'table.updated' || e.type === 'combination.updated')
    hasChanges();
}

describe.each(testDbKinds)('mutation events on %s', (kind) => {
  let server: TestServer;
  const emitted = new Set<string>();
  beforeAll(async () => {
    server = await startServer(kind);
  });
  afterAll(() => server.close());

  describe.each(['session', 'token'] as const)('an owner by %s', (via) => {
    let c: Ctx;
    const seen = new Set<string>();
    beforeAll(async () => {
      const w = await bookingWorld(server);
      const owner = await memberOf(server, w.rid, 'owner');
      let headers: Record<string, string> = { cookie: owner.cookie, origin: server.url };
      let actor: Ctx['actor'] = { kind: 'user', id: owner.user.id };
      if (via === 'token') {
        const t = await owner.api.restaurant.tokens.create.mutate({ name: 'Mutation test', role: 'owner' });
        headers = { authorization: `Bearer ${t.token}` };
        actor = { kind: 'token', id: t.apiToken.id };
      }
      const api = recordingClient(server.url, headers, seen);
      let counter = 0;
      const times = ['18:00', '18:30', '19:00', '19:30', '20:00', '20:30', '21:00'];
      let booked = 0;
      c = {
        w,
        server,
        api,
        actor,
        n: () => ++counter,
        book: () =>
          api.bookings.create.mutate({
            date: DAY,
            time: times[booked++]!,
            partySize: 2,
            guestId: w.guest.id,
          }),
      };
    });

    /** Every committed event of the restaurant (events.log reads past running transactions too). */
    const allEvents = async () => {
      const page = await c.api.events.log.query({ limit: 200 });
      expect(page.nextCursor, 'more events than one page').toBeNull();
      return page.items;
    };

    it.each(Object.keys(recipes))('%s emits a precise event', async (path) => {
      const recipe = recipes[path]!;
      const call = await recipe.prepare(c);
      const before = new Set((await allEvents()).map((e) => e.id));
      seen.clear();
      await call();
      expect([...seen], 'the recipe must call its own procedure').toEqual([path]);
      const fresh = (await allEvents()).filter((e) => !before.has(e.id));
      expect(fresh.length, `${path} emitted nothing`).toBeGreaterThan(0);
      expect(fresh.map((e) => e.type)).toContain(recipe.emits);
      for (const e of fresh) {
        emitted.add(e.type);
        expect(isEventType(e.type), `${e.type} is not in EVENT_TYPES`).toBe(true);
        expect(e.entity).toBe(EVENT_TYPES[e.type as TEventType].entity);
        if (!COLLECTIVE.has(e.type as TEventType))
          expect(e.entityId, `${e.type} without entityId`).toBeTruthy();
        expect(e.actor).toMatchObject(c.actor);
        expectPayloadContract(e);
      }
    });
  });

  it('every event type of the catalogue is emitted by some mutation', () => {
    expect([...emitted].sort()).toEqual(Object.keys(EVENT_TYPES).sort());
  });
});
