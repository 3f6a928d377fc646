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
    const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const [after] = await tx
      .update(restaurants)
      .set(changes)
      .where(eq(restaurants.id, scope.restaurantId))
      .returning(columns);
    const diff: Record<string, { from: unknown; to: unknown }> = {};
    for (const [k, v] of Object.entries(changes)) {
      const old = before[k as keyof typeof before];
      if (JSON.stringify(old) !== JSON.stringify(v)) diff[k] = { from: old, to: v };
    }
    await emit({
      type: 'restaurant.updated',
      entity: 'restaurant',
      entityId: scope.restaurantId,
      payload: { changes: diff },
    });
    return after as TRestaurant;
  });
}
