import { type Database, memberships } from '@tobeout/db';
import { roleAtLeast, type TRole } from '@tobeout/shared';
import { and, eq } from 'drizzle-orm';
import type { Scope } from '../domain/deps';
import { AppError } from '../domain/errors';
import type { Principal } from './principal';

/**
 * The restaurant and role a principal acts with: a token's own, or the session's active
 * restaurant with the membership re-read on every call (a removed member loses access at once).
 */
export async function scopeOf(db: Database, p: Principal, required: TRole): Promise<Scope> {
  let scope: Scope;
  if (p.kind === 'token') {
    scope = {
      restaurantId: p.restaurantId,
      role: p.role,
      actor: { kind: 'token', id: p.tokenId, name: p.tokenName },
    };
  } else {
    const restaurantId = p.session.activeRestaurantId;
    if (!restaurantId) throw new AppError('NO_RESTAURANT', 'Choose a restaurant first.');
    // Read together with the session (see auth/lucia.ts); a session created in this request
    // (no role read yet) looks it up.
    const role =
      p.session.activeRole !== undefined
        ? p.session.activeRole
        : (
            await db
              .select({ role: memberships.role })
              .from(memberships)
              .where(and(eq(memberships.userId, p.user.id), eq(memberships.restaurantId, restaurantId)))
          )[0]?.role;
    if (!role) throw new AppError('NOT_A_MEMBER', 'You are not a member of this restaurant.');
    scope = { restaurantId, role, actor: { kind: 'user', id: p.user.id, name: p.user.name } };
  }
  if (!roleAtLeast(scope.role, required))
    throw new AppError('ROLE_REQUIRED', `This needs the ${required} role or higher; you are ${scope.role}.`);
  return scope;
}
