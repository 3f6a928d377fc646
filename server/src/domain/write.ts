import { events, type Tx } from '@tobeout/db';
import { EVENT_TYPES, type TEventType } from '@tobeout/shared';
import type { Deps, Scope } from './deps';

/**
 * An event to record. The type must be in the shared catalogue (EVENT_TYPES), which also fixes
 * its entity, so the two cannot disagree. The payload is the small diff or summary people and
 * the live client read ("Table 4: Anna ×4 moved to 20:30"): never empty.
 */
export type NewEvent = {
  type: TEventType;
  /** The one entity the event is about; none for events about several (tables.reordered…). */
  entityId?: string | null;
  payload: Record<string, unknown>;
};

export type WriteContext = {
  tx: Tx;
  /** Records an event in this transaction (audit log + outbox). */
  emit(event: NewEvent): Promise<void>;
};

/**
 * Runs one domain write: a single transaction that writes rows and its event rows together,
 * then — only after commit — tells the publisher (coalesced NOTIFY), so a rolled-back write
 * announces nothing and no commit waits on the notification queue's global lock.
 */
export async function write<T>(deps: Deps, scope: Scope, fn: (w: WriteContext) => Promise<T>): Promise<T> {
  let emitted = 0;
  const result = await deps.db.transaction(async (tx) => {
    const emit = async (event: NewEvent) => {
      emitted++;
      await tx.insert(events).values({
        restaurantId: scope.restaurantId,
        type: event.type,
        entity: EVENT_TYPES[event.type].entity,
        entityId: event.entityId ?? null,
        actor: scope.actor,
        payload: event.payload,
      });
    };
    return fn({ tx, emit });
  });
  if (emitted > 0) {
    deps.days?.invalidate(scope.restaurantId); // even with publishing off (benchmarks)
    deps.publisher.publish(scope.restaurantId);
  }
  return result;
}
