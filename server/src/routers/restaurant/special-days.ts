import { ZSpecialDay, ZSpecialDayDeleteInput, ZSpecialDaysListInput } from '@tobeout/shared';
import { z } from 'zod';
import { deleteSpecialDay, listSpecialDays, setSpecialDay } from '../../domain/restaurant/special-days';
import { restaurantProcedure, router } from '../../trpc/init';

export const specialDaysRouter = router({
  list: restaurantProcedure('staff')
    .input(ZSpecialDaysListInput)
    .output(z.array(ZSpecialDay))
    .query(({ ctx, input }) => listSpecialDays(ctx.deps, ctx.scope, input)),
  set: restaurantProcedure('manager')
    .input(ZSpecialDay)
    .output(ZSpecialDay)
    .mutation(({ ctx, input }) => setSpecialDay(ctx.deps, ctx.scope, input)),
  delete: restaurantProcedure('manager')
    .input(ZSpecialDayDeleteInput)
    .mutation(({ ctx, input }) => deleteSpecialDay(ctx.deps, ctx.scope, input.date)),
});
