import { ZEventStreamInput } from '@tobeout/shared';
import { tracked } from '@trpc/server';
import { restaurantProcedure } from '../../trpc/init';

/**
 * Live events of the caller's restaurant over SSE. With lastEventId (sent automatically by
 * httpSubscriptionLink on reconnect) it first replays what was missed: no gap, no duplicate.
 */
export const stream = restaurantProcedure('staff')
  .input(ZEventStreamInput)
  .subscription(async function* ({ ctx, input, signal }) {
    for await (const event of ctx.hub.stream(ctx.scope.restaurantId, input.lastEventId ?? null, signal)) {
      yield tracked(event.cursor, event);
    }
  });
