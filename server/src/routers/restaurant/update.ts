import { ZRestaurant, ZRestaurantUpdateInput } from '@tobeout/shared';
import { updateRestaurant } from '../../domain/restaurant/restaurant';
import { restaurantProcedure } from '../../trpc/init';

export const update = restaurantProcedure('manager')
  .input(ZRestaurantUpdateInput)
  .output(ZRestaurant)
  .mutation(({ ctx, input }) => updateRestaurant(ctx.deps, ctx.scope, input));
