import { ZEventLogInput, ZEventLogPage } from '@tobeout/shared';
import { decodeCursor, encodeCursor } from '../../events/cursor';
import { eventLog } from '../../events/read';
import { restaurantProcedure } from '../../trpc/init';

/** The activity log: newest first, filtered by entity, type, actor and local date range. */
export const log = restaurantProcedure('manager')
  .input(ZEventLogInput)
  .output(ZEventLogPage)
  .query(async ({ ctx, input }) => {
    const page = await eventLog(ctx.deps.db, ctx.scope.restaurantId, {
      ...input,
      before: input.cursor ? decodeCursor(input.cursor) : null,
    });
    return { items: page.events, nextCursor: page.next ? encodeCursor(page.next) : null };
  });
