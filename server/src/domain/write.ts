import { events, type Tx } from '@tobeout/db';
import type { Deps, Scope } from './deps';

export type NewEvent = {
  type: string;
  entity: string;
  entityId?: string | null;
  payload?: Record<string, unknown>;
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
        entity: event.entity,
        entityId: event.entityId ?? null,
        actor: scope.actor,
        payload: event.payload ?? {},
      });
    };
    return fn({ tx, emit });
  });
  if (emitted > 0) deps.publisher.publish(scope.restaurantId);
  return result;
}
