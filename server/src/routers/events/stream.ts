import { ZEventStreamInput } from '@tobeout/shared';
import { tracked } from '@trpc/server';
import { restaurantProcedure } from '../../trpc/init';

/**
 * Live events of the caller's restaurant over SSE, as batches: each message is an array of
 * events in commit order (one event while the stream keeps up, more under load or in a replay)
 * whose id is the cursor of its last event. With lastEventId (sent automatically by
 * httpSubscriptionLink on reconnect) it first replays what was missed: no gap, no duplicate.
 */
export const stream = restaurantProcedure('staff')
  .input(ZEventStreamInput)
  .subscription(async function* ({ ctx, input, signal }) {
    for await (const events of ctx.hub.stream(ctx.scope.restaurantId, input.lastEventId ?? null, signal)) {
      yield tracked(events[events.length - 1]!.cursor, events);
    }
  });
