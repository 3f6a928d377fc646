import {
  ZBookingsPage,
  ZGuest,
  ZGuestBookingsInput,
  ZGuestCreateInput,
  ZGuestDetails,
  ZGuestFindByPhoneInput,
  ZGuestIdInput,
  ZGuestImportInput,
  ZGuestImportResult,
  ZGuestListInput,
  ZGuestMergeInput,
  ZGuestPage,
  ZGuestUpdateInput,
} from '@tobeout/shared';
import { listBookings } from '../../domain/bookings/read';
import {
  createGuest,
  findGuestByPhone,
  getGuest,
  getGuestRow,
  listGuests,
  updateGuest,
} from '../../domain/guests/guests';
import { importGuests } from '../../domain/guests/import';
import { mergeGuests } from '../../domain/guests/merge';
import { restaurantProcedure, router } from '../../trpc/init';

/** The guest book. The CSV export is GET /export/guests.csv (streamed; see README). */
export const guestsRouter = router({
  list: restaurantProcedure('staff')
    .input(ZGuestListInput)
    .output(ZGuestPage)
    .query(({ ctx, input }) => listGuests(ctx.deps, ctx.scope, input)),
  get: restaurantProcedure('staff')
    .input(ZGuestIdInput)
    .output(ZGuestDetails)
    .query(({ ctx, input }) => getGuest(ctx.deps, ctx.scope, input.id)),
  findByPhone: restaurantProcedure('staff')
    .input(ZGuestFindByPhoneInput)
    .output(ZGuest.nullable())
    .query(({ ctx, input }) => findGuestByPhone(ctx.deps, ctx.scope, input.phone)),
  bookings: restaurantProcedure('staff')
    .input(ZGuestBookingsInput)
    .output(ZBookingsPage)
    .query(async ({ ctx, input }) => {
      await getGuestRow(ctx.deps.db, ctx.scope, input.guestId);
      return listBookings(ctx.deps, ctx.scope, {
        guestId: input.guestId,
        cursor: input.cursor,
        limit: input.limit,
        order: 'desc',
      });
    }),
  create: restaurantProcedure('staff')
    .input(ZGuestCreateInput)
    .output(ZGuest)
    .mutation(({ ctx, input }) => createGuest(ctx.deps, ctx.scope, input)),
  update: restaurantProcedure('staff')
    .input(ZGuestUpdateInput)
    .output(ZGuest)
    .mutation(({ ctx, input }) => updateGuest(ctx.deps, ctx.scope, input)),
  merge: restaurantProcedure('manager')
    .input(ZGuestMergeInput)
    .output(ZGuest)
    .mutation(({ ctx, input }) => mergeGuests(ctx.deps, ctx.scope, input)),
  import: restaurantProcedure('manager')
    .input(ZGuestImportInput)
    .output(ZGuestImportResult)
    .mutation(({ ctx, input }) => importGuests(ctx.deps, ctx.scope, input)),
});
