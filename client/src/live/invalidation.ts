import type { TEvent } from '@tobeout/shared';
import type { TrpcUtils } from '../app/trpc';

/** Marks some cached queries stale so the screens showing them fetch again. */
export type Invalidation = (utils: TrpcUtils) => Promise<unknown>;

/**
 * Which queries a live event makes stale, by the event's entity (the part of its type before
 * the dot: 'hours.set' → 'hours'). Extend this table as features arrive; nothing else changes.
 */
/** What is free when: the timeline, the wizard's times and calendars. */
const AVAILABILITY: readonly Invalidation[] = [
  (u) => u.availability.grid.invalidate(),
  (u) => u.availability.check.invalidate(),
  (u) => u.availability.range.invalidate(),
];

/** The guest book: lists, profiles (stats) and their booking timelines. */
const GUESTS: readonly Invalidation[] = [
  (u) => u.guests.list.invalidate(),
  (u) => u.guests.get.invalidate(),
  (u) => u.guests.bookings.invalidate(),
];

export const INVALIDATIONS: Readonly<Record<string, readonly Invalidation[]>> = {
  // The name shows in the restaurant switcher, which comes from auth.me. Slot interval and turn
  // times change availability.
  restaurant: [(u) => u.restaurant.get.invalidate(), (u) => u.auth.me.invalidate(), ...AVAILABILITY],
  hours: [(u) => u.restaurant.hours.invalidate(), ...AVAILABILITY],
  specialDay: [(u) => u.restaurant.specialDays.invalidate(), ...AVAILABILITY],
  // Our own role may have changed: auth.me carries it.
  member: [(u) => u.restaurant.members.invalidate(), (u) => u.auth.me.invalidate()],
  token: [(u) => u.restaurant.tokens.invalidate()],
  // Tables: names, seats and positions show everywhere a table does (lists, details, combinations,
  // the timeline's rows).
  table: [(u) => u.tables.invalidate(), ...AVAILABILITY],
  floor: [(u) => u.tables.list.invalidate()],
  combination: [(u) => u.tables.combinations.invalidate(), (u) => u.tables.get.invalidate(), ...AVAILABILITY],
  block: [
    (u) => u.tables.get.invalidate(),
    (u) => u.tables.blocks.invalidate(),
    (u) => u.tables.history.invalidate(),
    ...AVAILABILITY,
  ],
  // A booking shows on the timeline, in lists and in its drawer, and takes its tables.
  booking: [
    ...AVAILABILITY,
    (u) => u.bookings.list.invalidate(),
    (u) => u.bookings.get.invalidate(),
    (u) => u.tables.history.invalidate(),
    // Counters (visits, no-shows, cancellations), stats and segments move with a booking's status.
    ...GUESTS,
  ],
  // Created, updated, merged (bookings move to the kept guest) or imported guests. Names and
  // contacts also show on bookings: in lists, the drawer and on the timeline.
  guest: [
    ...GUESTS,
    (u) => u.bookings.list.invalidate(),
    (u) => u.bookings.get.invalidate(),
    (u) => u.availability.grid.invalidate(),
  ],
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

export async function invalidateForEvent(
  event: Pick<TEvent, 'type' | 'entity'>,
  utils: TrpcUtils,
): Promise<void> {
  // Every event is a new line in the activity log.
  await Promise.all([
    ...invalidationsFor(event).map((invalidate) => invalidate(utils)),
    utils.events.log.invalidate(),
  ]);
}
