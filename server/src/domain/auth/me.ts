import { type Database, memberships, restaurants } from '@tobeout/db';
import type { TMeOutput } from '@tobeout/shared';
import { asc, eq } from 'drizzle-orm';

export type SessionUser = { id: string; email: string; name: string };

/** The signed-in user, their restaurants and the active one. */
export async function getMe(
  db: Database,
  user: SessionUser,
  activeRestaurantId: string | null,
): Promise<TMeOutput> {
  const rows = await db
    .select({
      restaurantId: memberships.restaurantId,
      restaurantName: restaurants.name,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(restaurants, eq(restaurants.id, memberships.restaurantId))
    .where(eq(memberships.userId, user.id))
    .orderBy(asc(restaurants.name));
  return {
    user: { id: user.id, email: user.email, name: user.name },
    via: 'session',
    memberships: rows,
    activeRestaurant: rows.find((r) => r.restaurantId === activeRestaurantId) ?? null,
  };
}
