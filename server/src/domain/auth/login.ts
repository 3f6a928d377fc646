import { type Database, memberships, users } from '@tobeout/db';
import type { TLoginInput } from '@tobeout/shared';
import { asc, eq, sql } from 'drizzle-orm';
import { verifyPassword } from '../../auth/password';
import { assertLoginAllowed, clearLoginFailures, recordLoginFailure } from '../../auth/rate-limit';
import { AppError } from '../errors';

/**
 * Checks the credentials (throttled per account and per IP) and returns the user with the
 * restaurant their new session starts in. The caller creates the session.
 */
export async function authenticate(
  db: Database,
  input: TLoginInput,
  ip: string,
): Promise<{ userId: string; activeRestaurantId: string | null }> {
  await assertLoginAllowed(db, input.email, ip);
  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(sql`lower(${users.email})`, input.email.toLowerCase()));
  const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !ok) {
    await recordLoginFailure(db, input.email, ip);
    throw new AppError('INVALID_CREDENTIALS', 'Wrong e-mail or password.', {
      fieldErrors: { password: ['Wrong e-mail or password.'] },
    });
  }
  await clearLoginFailures(db, input.email);
  const [first] = await db
    .select({ restaurantId: memberships.restaurantId })
    .from(memberships)
    .where(eq(memberships.userId, user.id))
    .orderBy(asc(memberships.createdAt))
    .limit(1);
  return { userId: user.id, activeRestaurantId: first?.restaurantId ?? null };
}
