import { type DbOrTx, events, type Tx } from '@tobeout/db';
import { EVENT_TYPES, type TEventType } from '@tobeout/shared';
import { type SQL, sql } from 'drizzle-orm';
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
  /**
   * The same record as emit(), as an INSERT … SELECT to run inside one of the writer's own
   * statements (a data-modifying WITH), which saves a round trip. `from` (e.g. sql`from r`)
   * inserts it only if the statement wrote that row.
   */
  eventSql(event: NewEvent, from?: SQL): SQL;
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
    const eventSql = (event: NewEvent, from?: SQL) => {
      emitted++;
      return sql`insert into ${events} (restaurant_id, type, entity, entity_id, actor, payload)
        select ${scope.restaurantId}::uuid, ${event.type}, ${EVENT_TYPES[event.type].entity}, ${event.entityId ?? null},
               ${JSON.stringify(scope.actor)}::jsonb, ${JSON.stringify(event.payload)}::jsonb ${from ?? sql``}`;
    };
    return fn({ tx, emit, eventSql });
  });
  if (emitted > 0) {
    deps.days?.invalidate(scope.restaurantId); // even with publishing off (benchmarks)
    deps.publisher.publish(scope.restaurantId);
  }
  return result;
}

/**
 * Runs raw SQL as a prepared statement and returns its rows, whichever driver is underneath. On
 * PostgreSQL postgres.js keeps a named statement per connection for each statement text, parsed
 * and planned once (`db.execute` sends an unnamed one, parsed and planned on every call: measured
 * ≈ 0.7 ms of server CPU for the day's configuration). Only for hot statements whose text is
 * fixed up to their parameters and for which a generic plan is as good as a custom one
 * (equality and key lookups, inserts): PostgreSQL may switch a prepared statement to a generic
 * plan after five runs.
 */
export async function preparedRows<T extends Record<string, unknown>>(db: DbOrTx, query: SQL): Promise<T[]> {
  const built = db.execute(query).getQuery();
  const result: unknown = await db._.session.prepareQuery(built, undefined, 'prepared', false).execute();
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}
