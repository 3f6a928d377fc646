import { restaurants } from '@tobeout/db';
import type { TRestaurant, TRestaurantUpdateInput } from '@tobeout/shared';
import { eq } from 'drizzle-orm';
import type { Deps, Scope } from '../deps';
import { AppError } from '../errors';
import { write } from '../write';

const columns = {
  id: restaurants.id,
  name: restaurants.name,
  address: restaurants.address,
  phone: restaurants.phone,
  email: restaurants.email,
  website: restaurants.website,
  cuisine: restaurants.cuisine,
  priceRange: restaurants.priceRange,
  country: restaurants.country,
  timezone: restaurants.timezone,
  slotIntervalMin: restaurants.slotIntervalMin,
  defaultDurationMin: restaurants.defaultDurationMin,
  turnTimes: restaurants.turnTimes,
  bookingHorizonDays: restaurants.bookingHorizonDays,
  minLeadTimeMin: restaurants.minLeadTimeMin,
  noShowGraceMin: restaurants.noShowGraceMin,
  pacingMaxCovers: restaurants.pacingMaxCovers,
  updatedAt: restaurants.updatedAt,
};

/** JSON with object keys sorted: jsonb hands keys back in its own order (turnTimes). */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export async function getRestaurant(deps: Deps, scope: Scope): Promise<TRestaurant> {
  const [row] = await deps.db.select(columns).from(restaurants).where(eq(restaurants.id, scope.restaurantId));
  if (!row) throw AppError.notFound('The restaurant');
  return row as TRestaurant;
}

/** Updates profile and booking rules; the event carries the changed fields (old → new). */
export async function updateRestaurant(
  deps: Deps,
  scope: Scope,
  input: TRestaurantUpdateInput,
): Promise<TRestaurant> {
  return write(deps, scope, async ({ tx, emit }) => {
    const [before] = await tx
      .select(columns)
      .from(restaurants)
      .where(eq(restaurants.id, scope.restaurantId))
      .for('update');
    if (!before) throw AppError.notFound('The restaurant');
    const diff: Record<string, { from: unknown; to: unknown }> = {};
    for (const [k, v] of Object.entries(input)) {
      if (v === undefined) continue;
      const old = before[k as keyof typeof before];
      if (canonicalJson(old) !== canonicalJson(v)) diff[k] = { from: old, to: v };
    }
    // Nothing changes (an empty form, or the same values): no write, no event.
    if (Object.keys(diff).length === 0) return before as TRestaurant;
    const changes = Object.fromEntries(Object.entries(diff).map(([k, d]) => [k, d.to]));
    const [after] = await tx
      .update(restaurants)
      .set(changes)
      .where(eq(restaurants.id, scope.restaurantId))
      .returning(columns);
    await emit({
      type: 'restaurant.updated',
      entityId: scope.restaurantId,
      payload: { changes: diff },
    });
    return after as TRestaurant;
  });
}
