import { type Database, queryRows } from '@tobeout/db';
import type { TEvent, TEventActor } from '@tobeout/shared';
import { sql } from 'drizzle-orm';
import { preparedRows } from '../domain/write';
import { type Cursor, encodeCursor } from './cursor';

export type EventPage = {
  events: TEvent[];
  /** Position of the last event returned (or the input cursor when none). */
  cursor: Cursor | null;
  /** Committed events exist beyond `cursor` but an older transaction still runs: read again soon. */
  heldBack: boolean;
  /** The page was full: more may follow at once. */
  more: boolean;
};

type Row = {
  id: string | number;
  tx_id: string;
  type: string;
  entity: string;
  entity_id: string | null;
  actor: TEventActor;
  payload: Record<string, unknown>;
  at: string | Date;
  held: boolean;
};

/**
 * The transaction id below which this database's events are final: the oldest transaction still
 * running that could write events here, or — with none — the snapshot's xmax.
 *
 * Why: bigserial ids are handed out at insert, not at commit, so a reader that resumes with
 * `id > last` can skip a row that commits late. Every transaction with an id below the horizon
 * has finished, and new transactions get higher ids — so the events below it are final, and a
 * cursor over them never has anything appear behind it.
 *
 * Transaction ids are cluster-wide, so the snapshot's xmin (the oldest running one) also counts
 * writes in every other database of the server: one long transaction there (a restore, a bulk
 * load, another application) would hold every live event back for as long as it runs. So
 * running transactions that pg_stat_activity shows in another database are left out; one it does
 * not show (it started after the activity was read) counts, which can only hold back, never skip.
 * It is one statement with the events read, on the same snapshot.
 */
const FINAL_BELOW = sql`(
  with snap as materialized (select pg_current_snapshot() as s),
       elsewhere as materialized (
         select backend_xid from pg_stat_get_activity(null)
         where backend_xid is not null
           and datid <> (select oid from pg_database where datname = current_database()))
  select coalesce(min(x.xid), pg_snapshot_xmax((select s from snap)))
  from snap, pg_snapshot_xip(snap.s) as x(xid)
  where not exists (
    select 1 from elsewhere where backend_xid = (x.xid::text::bigint % 4294967296)::text::xid))`;

/**
 * Reads a restaurant's events after `after`, in (txId, id) order, stopping at the first event
 * that is not final yet (see FINAL_BELOW).
 */
export async function readEvents(
  db: Database,
  restaurantId: string,
  after: Cursor | null,
  limit: number,
): Promise<EventPage> {
  const afterClause = after ? sql`and (e.tx_id, e.id) > (${after.txId}::xid8, ${after.id}::bigint)` : sql``;
  // Prepared (parsed and planned once per connection): every live read of every process runs it.
  const rows = await preparedRows<Row>(
    db,
    sql`select e.id, e.tx_id::text as tx_id, e.type, e.entity, e.entity_id, e.actor, e.payload, e.at,
               e.tx_id >= ${FINAL_BELOW} as held
        from events e
        where e.restaurant_id = ${restaurantId} ${afterClause}
        order by e.tx_id, e.id
        limit ${limit + 1}`,
  );
  const out: TEvent[] = [];
  let cursor = after;
  let heldBack = false;
  for (const row of rows.slice(0, limit)) {
    if (row.held) {
      heldBack = true;
      break;
    }
    cursor = { txId: row.tx_id, id: Number(row.id) };
    out.push(toEvent(row));
  }
  return { events: out, cursor, heldBack, more: !heldBack && rows.length > limit };
}

/** The position of the newest final event of a restaurant (where a live-only reader starts). */
export async function headCursor(db: Database, restaurantId: string): Promise<Cursor | null> {
  const [row] = await queryRows<{ id: string | number; tx_id: string }>(
    db,
    sql`select e.id, e.tx_id::text as tx_id from events e
        where e.restaurant_id = ${restaurantId}
          and e.tx_id < ${FINAL_BELOW}
        order by e.tx_id desc, e.id desc limit 1`,
  );
  return row ? { txId: row.tx_id, id: Number(row.id) } : null;
}

function toEvent(row: Row): TEvent {
  return {
    cursor: encodeCursor({ txId: row.tx_id, id: Number(row.id) }),
    id: Number(row.id),
    type: row.type,
    entity: row.entity,
    entityId: row.entity_id,
    actor: row.actor,
    payload: row.payload,
    at: new Date(row.at),
  };
}

export type EventLogFilter = {
  entity?: string | null | undefined;
  entityId?: string | null | undefined;
  type?: string | null | undefined;
  actorId?: string | null | undefined;
  /** Restaurant-local days, inclusive. */
  from?: string | null | undefined;
  to?: string | null | undefined;
  before: Cursor | null;
  limit: number;
};

/**
 * Committed events newest first (backwards over the (restaurant, tx_id, id) index), for people
 * reading the activity log. Local days become instants in the restaurant's time zone, in SQL.
 */
export async function eventLog(
  db: Database,
  restaurantId: string,
  f: EventLogFilter,
): Promise<{ events: TEvent[]; next: Cursor | null }> {
  const where = [sql`e.restaurant_id = ${restaurantId}`];
  if (f.entity) where.push(sql`e.entity = ${f.entity}`);
  if (f.entityId) where.push(sql`e.entity_id = ${f.entityId}`);
  if (f.type) where.push(sql`e.type = ${f.type}`);
  if (f.actorId) where.push(sql`e.actor->>'id' = ${f.actorId}`);
  if (f.from) where.push(sql`e.at >= (${f.from}::date)::timestamp at time zone r.timezone`);
  if (f.to) where.push(sql`e.at < (${f.to}::date + 1)::timestamp at time zone r.timezone`);
  if (f.before) where.push(sql`(e.tx_id, e.id) < (${f.before.txId}::xid8, ${f.before.id}::bigint)`);
  const rows = await queryRows<Row>(
    db,
    sql`select e.id, e.tx_id::text as tx_id, e.type, e.entity, e.entity_id, e.actor, e.payload, e.at, false as held
        from events e join restaurants r on r.id = e.restaurant_id
        where ${sql.join(where, sql` and `)}
        order by e.tx_id desc, e.id desc
        limit ${f.limit + 1}`,
  );
  const page = rows.slice(0, f.limit);
  const last = page.at(-1);
  return {
    events: page.map(toEvent),
    next: rows.length > f.limit && last ? { txId: last.tx_id, id: Number(last.id) } : null,
  };
}

/** The committed events of one entity (a booking's history), oldest first. */
export async function entityEvents(
  db: Database,
  restaurantId: string,
  entity: string,
  entityId: string,
  limit = 500,
): Promise<TEvent[]> {
  const rows = await queryRows<Row>(
    db,
    sql`select e.id, e.tx_id::text as tx_id, e.type, e.entity, e.entity_id, e.actor, e.payload, e.at, false as held
        from events e
        where e.restaurant_id = ${restaurantId} and e.entity = ${entity} and e.entity_id = ${entityId}
        order by e.tx_id, e.id
        limit ${limit}`,
  );
  return rows.map(toEvent);
}
