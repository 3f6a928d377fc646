import { ZEvent, ZEventListInput } from '@tobeout/shared';
import { z } from 'zod';
import { decodeCursor, encodeCursor } from '../../events/cursor';
import { readEvents } from '../../events/read';
import { restaurantProcedure } from '../../trpc/init';

/** The audit log in commit order, paged by cursor (what export jobs use). */
export const list = restaurantProcedure('manager')
  .input(ZEventListInput)
  .output(z.object({ items: z.array(ZEvent), nextCursor: z.string().nullable() }))
  .query(async ({ ctx, input }) => {
    const page = await readEvents(
      ctx.deps.db,
      ctx.scope.restaurantId,
      input.after ? decodeCursor(input.after) : null,
      input.limit,
    );
    return { items: page.events, nextCursor: page.more && page.cursor ? encodeCursor(page.cursor) : null };
  });
