import { ZRestaurant } from '@tobeout/shared';
import { getRestaurant } from '../../domain/restaurant/restaurant';
import { restaurantProcedure } from '../../trpc/init';

export const get = restaurantProcedure('staff')
  .output(ZRestaurant)
  .query(({ ctx }) => getRestaurant(ctx.deps, ctx.scope));
