import { ZMeOutput, ZSwitchRestaurantInput } from '@tobeout/shared';
import { getMe } from '../../domain/auth/me';
import { switchRestaurant as switchRestaurantOp } from '../../domain/auth/switch-restaurant';
import { AppError } from '../../domain/errors';
import { authedProcedure } from '../../trpc/init';

export const switchRestaurant = authedProcedure
  .input(ZSwitchRestaurantInput)
  .output(ZMeOutput)
  .mutation(async ({ ctx, input }) => {
    const p = ctx.principal;
    if (p.kind !== 'session') throw new AppError('ROLE_REQUIRED', 'An API token is bound to one restaurant.');
    await switchRestaurantOp(ctx.deps.db, p.user.id, p.session.id, input.restaurantId);
    return getMe(ctx.deps.db, p.user, input.restaurantId);
  });
