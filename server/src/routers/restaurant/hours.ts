import { ZOpeningHours } from '@tobeout/shared';
import { getOpeningHours, setOpeningHours } from '../../domain/restaurant/hours';
import { restaurantProcedure, router } from '../../trpc/init';

export const hoursRouter = router({
  get: restaurantProcedure('staff')
    .output(ZOpeningHours)
    .query(({ ctx }) => getOpeningHours(ctx.deps, ctx.scope)),
  set: restaurantProcedure('manager')
    .input(ZOpeningHours)
    .output(ZOpeningHours)
    .mutation(({ ctx, input }) => setOpeningHours(ctx.deps, ctx.scope, input)),
});
