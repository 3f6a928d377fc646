import { restaurants } from '@tobeout/db';
import { type TMeOutput, ZMeOutput } from '@tobeout/shared';
import { eq } from 'drizzle-orm';
import { getMe } from '../../domain/auth/me';
import { publicProcedure } from '../../trpc/init';

/** Who am I? Never an error for anonymous callers: `user` is null then. */
export const me = publicProcedure.output(ZMeOutput).query(async ({ ctx }): Promise<TMeOutput> => {
  const p = ctx.principal;
  if (!p) return { user: null, via: null, memberships: [], activeRestaurant: null };
  if (p.kind === 'session') return getMe(ctx.deps.db, p.user, p.session.activeRestaurantId);
  const [r] = await ctx.deps.db
    .select({ name: restaurants.name })
    .from(restaurants)
    .where(eq(restaurants.id, p.restaurantId));
  const active = { restaurantId: p.restaurantId, restaurantName: r?.name ?? '', role: p.role };
  return { user: null, via: 'token', memberships: [active], activeRestaurant: active };
});
