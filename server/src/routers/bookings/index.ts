import {
  ZBooking,
  ZBookingCancelInput,
  ZBookingCreateInput,
  ZBookingIdInput,
  ZBookingMoveInput,
  ZBookingStatusInput,
  ZBookingsListInput,
  ZBookingsPage,
  ZBookingUpdateInput,
  ZEvent,
  ZFindByCodeInput,
  ZFindByPhoneInput,
} from '@tobeout/shared';
import { z } from 'zod';
import { changeBooking, setStatus } from '../../domain/bookings/change';
import { createBooking } from '../../domain/bookings/create';
import { findByCode, findByPhone, getBooking, listBookings } from '../../domain/bookings/read';
import { entityEvents } from '../../events/read';
import { restaurantProcedure, router } from '../../trpc/init';

/** Bookings: every write is one transaction with its event; the exclusion constraint guards tables. */
export const bookingsRouter = router({
  create: restaurantProcedure('staff')
    .input(ZBookingCreateInput)
    .output(ZBooking)
    .mutation(({ ctx, input }) => createBooking(ctx.deps, ctx.scope, input)),
  get: restaurantProcedure('staff')
    .input(ZBookingIdInput)
    .output(ZBooking)
    .query(({ ctx, input }) => getBooking(ctx.deps.db, ctx.scope, input.id)),
  list: restaurantProcedure('staff')
    .input(ZBookingsListInput)
    .output(ZBookingsPage)
    .query(({ ctx, input }) => listBookings(ctx.deps, ctx.scope, input)),
  findByPhone: restaurantProcedure('staff')
    .input(ZFindByPhoneInput)
    .output(z.array(ZBooking))
    .query(({ ctx, input }) => findByPhone(ctx.deps, ctx.scope, input.phone)),
  /** The booking's audit trail (who created, moved, changed, seated… it), oldest first. */
  history: restaurantProcedure('staff')
    .input(ZBookingIdInput)
    .output(z.array(ZEvent))
    .query(async ({ ctx, input }) => {
      await getBooking(ctx.deps.db, ctx.scope, input.id);
      return entityEvents(ctx.deps.db, ctx.scope.restaurantId, 'booking', input.id);
    }),
  findByCode: restaurantProcedure('staff')
    .input(ZFindByCodeInput)
    .output(ZBooking)
    .query(({ ctx, input }) => findByCode(ctx.deps, ctx.scope, input.code)),
  update: restaurantProcedure('staff')
    .input(ZBookingUpdateInput)
    .output(ZBooking)
    .mutation(({ ctx, input }) => changeBooking(ctx.deps, ctx.scope, input, 'booking.updated')),
  move: restaurantProcedure('staff')
    .input(ZBookingMoveInput)
    .output(ZBooking)
    .mutation(({ ctx, input }) => changeBooking(ctx.deps, ctx.scope, input, 'booking.moved')),
  setStatus: restaurantProcedure('staff')
    .input(ZBookingStatusInput)
    .output(ZBooking)
    .mutation(({ ctx, input }) => setStatus(ctx.deps, ctx.scope, input)),
  cancel: restaurantProcedure('staff')
    .input(ZBookingCancelInput)
    .output(ZBooking)
    .mutation(({ ctx, input }) => setStatus(ctx.deps, ctx.scope, { ...input, status: 'canceled' })),
});
