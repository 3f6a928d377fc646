import { type Database, memberships, sessions } from '@tobeout/db';
import { and, eq } from 'drizzle-orm';
import { AppError } from '../errors';

/** Makes another restaurant of the user's the active one for this session. */
export async function switchRestaurant(
  db: Database,
  userId: string,
  sessionId: string,
  restaurantId: string,
) {
  const [m] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.restaurantId, restaurantId)));
  if (!m) throw AppError.field('restaurantId', 'You are not a member of this restaurant.', 'NOT_A_MEMBER');
  await db.update(sessions).set({ activeRestaurantId: restaurantId }).where(eq(sessions.id, sessionId));
}
