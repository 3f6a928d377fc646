import { guests, reservations } from '@tobeout/db';
import type { TGuest } from '@tobeout/shared';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Deps, Scope } from '../deps';
import { AppError } from '../errors';
import { write } from '../write';
import { getGuestRow } from './guests';
import { toGuest } from './query';

/** Tags of both, once each (case-insensitive), the kept record's spelling first. */
export function unionTags(a: readonly string[], b: readonly string[]): string[] {
  const seen = new Set<string>();
  return [...a, ...b].filter((t) => !seen.has(t.toLowerCase()) && seen.add(t.toLowerCase()));
}

/**
 * guests.merge: two records of one person become one. In one transaction, with both rows locked
 * (in id order, so two merges cannot deadlock): the bookings move to the kept record, counters
 * add up, tags and notes combine, missing contact details are taken over, and the merged record
 * is deleted. A booking racing the merge for the merged record waits on its row lock and then
 * fails cleanly (the record is gone) — it can never end up on a deleted guest.
 */
export async function mergeGuests(
  deps: Deps,
  scope: Scope,
  input: { keepId: string; mergeId: string },
): Promise<TGuest> {
  return write(deps, scope, async ({ tx, emit }) => {
    const locked = await tx
      .select({ id: guests.id })
      .from(guests)
      .where(
        and(eq(guests.restaurantId, scope.restaurantId), inArray(guests.id, [input.keepId, input.mergeId])),
      )
      .orderBy(asc(guests.id))
      .for('update');
    for (const [key, id] of [
      ['keepId', input.keepId],
      ['mergeId', input.mergeId],
    ] as const)
      if (!locked.some((g) => g.id === id))
        throw AppError.field(key, 'This guest does not exist in this restaurant.', 'NOT_FOUND');
    const keep = await getGuestRow(tx, scope, input.keepId);
    const gone = await getGuestRow(tx, scope, input.mergeId);

    const moved = await tx
      .update(reservations)
      .set({ guestId: keep.id })
      .where(and(eq(reservations.restaurantId, scope.restaurantId), eq(reservations.guestId, gone.id)))
      .returning({ id: reservations.id });
    await tx.delete(guests).where(eq(guests.id, gone.id));
    await tx
      .update(guests)
      .set({
        phone: keep.phone ?? gone.phone,
        email: keep.email ?? gone.email,
        language: keep.language ?? gone.language,
        tags: unionTags(keep.tags, gone.tags),
        notes: [keep.notes, gone.notes].filter(Boolean).join('\n\n') || null,
        visitCount: sql`${guests.visitCount} + ${gone.visitCount}`,
        noShowCount: sql`${guests.noShowCount} + ${gone.noShowCount}`,
        cancelCount: sql`${guests.cancelCount} + ${gone.cancelCount}`,
        lastVisitAt: sql`greatest(${guests.lastVisitAt}, ${gone.lastVisitAt?.toISOString() ?? null}::timestamptz)`,
      })
      .where(eq(guests.id, keep.id));
    await emit({
      type: 'guest.merged',
      entityId: keep.id,
      payload: { name: keep.name, mergedId: gone.id, mergedName: gone.name, bookingsMoved: moved.length },
    });
    return toGuest(await getGuestRow(tx, scope, keep.id));
  });
}
