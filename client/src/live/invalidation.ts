import type { TEvent } from '@tobeout/shared';
import type { TrpcUtils } from '../app/trpc';

/** Marks some cached queries stale so the screens showing them fetch again. */
export type Invalidation = (utils: TrpcUtils) => Promise<unknown>;

/**
 * Which queries a live event makes stale, by the event's entity (the part of its type before
 * the dot: 'hours.set' → 'hours'). Extend this table as features arrive; nothing else changes.
 */
export const INVALIDATIONS: Readonly<Record<string, readonly Invalidation[]>> = {
  // The name shows in the restaurant switcher, which comes from auth.me.
  restaurant: [(u) => u.restaurant.get.invalidate(), (u) => u.auth.me.invalidate()],
  hours: [(u) => u.restaurant.hours.invalidate()],
  specialDay: [(u) => u.restaurant.specialDays.invalidate()],
  // Our own role may have changed: auth.me carries it.
  member: [(u) => u.restaurant.members.invalidate(), (u) => u.auth.me.invalidate()],
  token: [(u) => u.restaurant.tokens.invalidate()],
  // Tables: names, seats and positions show everywhere a table does (lists, details, combinations).
  table: [(u) => u.tables.invalidate()],
  floor: [(u) => u.tables.list.invalidate()],
  combination: [(u) => u.tables.combinations.invalidate(), (u) => u.tables.get.invalidate()],
  block: [
    (u) => u.tables.get.invalidate(),
    (u) => u.tables.blocks.invalidate(),
    (u) => u.tables.history.invalidate(),
  ],
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
  await Promise.all(invalidationsFor(event).map((invalidate) => invalidate(utils)));
}
