import {
  ZAvailabilityCheck,
  ZAvailabilityCheckInput,
  ZAvailabilityGrid,
  ZAvailabilityRange,
  ZAvailabilityRangeInput,
  ZDate,
  ZHold,
  ZHoldInput,
  ZUuid,
} from '@tobeout/shared';
import { z } from 'zod';
import { check, grid, hold, range, release } from '../../domain/availability/availability';
import { restaurantProcedure, router } from '../../trpc/init';
import { validatedOnce } from '../../trpc/validated-once';

/** What is free when: for the timeline, the booking wizard, calendars and agents. */
export const availabilityRouter = router({
  grid: restaurantProcedure('staff')
    .input(z.object({ date: ZDate }))
    .output(validatedOnce(ZAvailabilityGrid)) // the same cached answer until the next change
    .query(({ ctx, input }) => grid(ctx.deps, ctx.scope, input.date)),
  check: restaurantProcedure('staff')
    .input(ZAvailabilityCheckInput)
    .output(ZAvailabilityCheck)
    .query(({ ctx, input }) => check(ctx.deps, ctx.scope, input)),
  range: restaurantProcedure('staff')
    .input(ZAvailabilityRangeInput)
    .output(ZAvailabilityRange)
    .query(({ ctx, input }) => range(ctx.deps, ctx.scope, input)),
  hold: restaurantProcedure('staff')
    .input(ZHoldInput)
    .output(ZHold)
    .mutation(({ ctx, input }) => hold(ctx.deps, ctx.scope, input)),
  release: restaurantProcedure('staff')
    .input(z.object({ holdId: ZUuid }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(({ ctx, input }) => release(ctx.deps, ctx.scope, input.holdId)),
});
