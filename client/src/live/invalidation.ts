import type { TEvent } from '@tobeout/shared';
import type { TrpcUtils } from '../app/trpc';

/** Marks some cached queries stale so the screens showing them fetch again. */
export type Invalidation = (utils: TrpcUtils) => Promise<unknown>;

/**
 * Each query family once, so that a batch of events can invalidate each of them once (a Set of
 * these functions finds the duplicates).
 */
const Q = {
  restaurant: (u) => u.restaurant.get.invalidate(),
  me: (u) => u.auth.me.invalidate(),
  hours: (u) => u.restaurant.hours.invalidate(),
  specialDays: (u) => u.restaurant.specialDays.invalidate(),
  members: (u) => u.restaurant.members.invalidate(),
  tokens: (u) => u.restaurant.tokens.invalidate(),
  tables: (u) => u.tables.invalidate(),
  tableList: (u) => u.tables.list.invalidate(),
  table: (u) => u.tables.get.invalidate(),
  combinations: (u) => u.tables.combinations.invalidate(),
  blocks: (u) => u.tables.blocks.invalidate(),
  tableHistory: (u) => u.tables.history.invalidate(),
  grid: (u) => u.availability.grid.invalidate(),
  check: (u) => u.availability.check.invalidate(),
  range: (u) => u.availability.range.invalidate(),
  bookingList: (u) => u.bookings.list.invalidate(),
  booking: (u) => u.bookings.get.invalidate(),
  guestList: (u) => u.guests.list.invalidate(),
  guest: (u) => u.guests.get.invalidate(),
  guestBookings: (u) => u.guests.bookings.invalidate(),
} satisfies Record<string, Invalidation>;

/**
 * Which queries a live event makes stale, by the event's entity (the part of its type before
 * the dot: 'hours.set' → 'hours'). Extend this table as features arrive; nothing else changes.
 */
/** What is free when: the timeline, the wizard's times and calendars. */
const AVAILABILITY: readonly Invalidation[] = [Q.grid, Q.check, Q.range];

/** The guest book: lists, profiles (stats) and their booking timelines. */
const GUESTS: readonly Invalidation[] = [Q.guestList, Q.guest, Q.guestBookings];

export const INVALIDATIONS: Readonly<Record<string, readonly Invalidation[]>> = {
  // The name shows in the restaurant switcher, which comes from auth.me. Slot interval and turn
  // times change availability.
  restaurant: [Q.restaurant, Q.me, ...AVAILABILITY],
  hours: [Q.hours, ...AVAILABILITY],
  specialDay: [Q.specialDays, ...AVAILABILITY],
  // Our own role may have changed: auth.me carries it.
  member: [Q.members, Q.me],
  token: [Q.tokens],
  // Tables: names, seats and positions show everywhere a table does (lists, details, combinations,
  // the timeline's rows).
  table: [Q.tables, ...AVAILABILITY],
  floor: [Q.tableList],
  combination: [Q.combinations, Q.table, ...AVAILABILITY],
  block: [Q.table, Q.blocks, Q.tableHistory, ...AVAILABILITY],
  // A booking shows on the timeline, in lists and in its drawer, and takes its tables.
  booking: [
    ...AVAILABILITY,
    Q.bookingList,
    Q.booking,
    Q.tableHistory,
    // Counters (visits, no-shows, cancellations), stats and segments move with a booking's status.
    ...GUESTS,
  ],
  // Created, updated, merged (bookings move to the kept guest) or imported guests. Names and
  // contacts also show on bookings: in lists, the drawer and on the timeline.
  guest: [...GUESTS, Q.bookingList, Q.booking, Q.grid],
  // A hold keeps tables for a few minutes: only availability changes (converting it into a
  // booking sends booking.created as well).
  hold: AVAILABILITY,
};

export function invalidationsFor(
  event: Pick<TEvent, 'type' | 'entity'>,
  table: Readonly<Record<string, readonly Invalidation[]>> = INVALIDATIONS,
): readonly Invalidation[] {
  const prefix = event.type.split('.')[0] ?? '';
  return table[event.entity] ?? table[prefix] ?? [];
}

/** Marks stale what a batch of events touches, each query once however many events touch it. */
export async function invalidateForEvents(
  events: readonly Pick<TEvent, 'type' | 'entity'>[],
  utils: TrpcUtils,
): Promise<void> {
  const todo = new Set(events.flatMap((event) => invalidationsFor(event)));
  // Every event is a new line in the activity log.
  await Promise.all([...[...todo].map((invalidate) => invalidate(utils)), utils.events.log.invalidate()]);
}
