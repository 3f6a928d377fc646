import { randomInt, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createTobeoutClient } from '@tobeout/server/client';
import { addDays, todayIn } from '@tobeout/shared';
import { bareServerLoad, getRaw, load, plainHttpLoad, procStats, rawSql, rssMb, summarise } from './lib';

// After ./lib: it points TEST_DATABASE_URL at the benchmark server before the testing module reads it.
const { createTables } = await import('@tobeout/server/seed');
const { ownedRestaurant, sharedDatabase, startServerProcesses } = await import('@tobeout/server/processes');

const TZ = 'Europe/Berlin';
const TABLES = 40;
const GUESTS = Number(process.env.BENCH_GUESTS ?? 200_000);
/**
 * Reservations to seed (approximately): a past day holds 920 (480 active, 440 cancelled), each of
 * the 30 days ahead 680. The default, ≈1M, is three years (1096 days); BENCH_RESERVATIONS=100000
 * seeds 130 days for quick comparisons.
 */
const RESERVATIONS = Number(process.env.BENCH_RESERVATIONS ?? 1_000_000);
const DAYS = 30 + Math.max(1, Math.round((RESERVATIONS - 30 * 680) / 920)); // the last 30 days lie ahead
const CONCURRENCY = 16;
const CHECKS = Number(process.env.BENCH_CHECKS ?? 10_000);
const GRIDS = Number(process.env.BENCH_GRIDS ?? 3000);
const CREATES = Number(process.env.BENCH_CREATES ?? 2000);

/**
 * Booking engine benchmark: a restaurant with 40 tables, 200k guests and ≈1M reservations over
 * three years (open 11:00–23:00 daily; every table booked each hour in the past, half of them in
 * the coming month, plus ≈470k cancelled bookings). Over HTTP on loopback with 16 concurrent
 * clients: availability.check and availability.grid latency (in steady state, with the days in
 * the server's cache, and separately the first read of a day after a change), bookings.create
 * throughput — and, in the same run, the same booking transaction as raw SQL through postgres.js
 * as the baseline.
 * Ends with a SQL check that no two active allocations of a table overlap.
 *
 * The baseline is the same transaction as bookings.create does for a chosen table, written by
 * hand: the table's booking lock with the day's configuration (hours, tables, combinations) and
 * the guest, what takes that table that day, the same checks, then the reservation, its
 * allocation and its booking.created event in one statement. `rawSqlMinimal` is the older, smaller
 * baseline (no lock, no day, no guest check, an empty event), kept for comparison with earlier runs.
 *
 * The server is a process of its own (`node --import tsx server/src/main.ts`, as `npm start` runs
 * it), so the load generator's work is not counted in its latency; each client call is its own
 * HTTP request (no batching, which would make an answer wait for the slowest of its batch) with
 * an API token, as an agent's.
 */
export async function bookingBench() {
  const db = await sharedDatabase();
  const [server] = await startServerProcesses(['API'], {
    databaseUrl: db.url,
    env: { DATABASE_POOL_SIZE: '20' },
  });
  const sql = await rawSql({ db: db.handle }, CONCURRENCY);
  try {
    const owner = await ownedRestaurant(db.handle, server!.url, TZ);
    const rid = owner.restaurant.id;
    const { token } = await owner.api.restaurant.tokens.create.mutate({ name: 'bench', role: 'manager' });
    const api = createTobeoutClient({ url: server!.url, token, batch: false });
    const today = todayIn(TZ);
    const first = addDays(today, -(DAYS - 30));

    // ── Seed ──────────────────────────────────────────────────────────────────
    const seedStart = performance.now();
    await createTables(
      db.handle.db,
      rid,
      Array.from({ length: TABLES }, (_, i) => ({
        name: `T${i + 1}`,
        section: i < 20 ? 'Main' : 'Terrace',
        min: 1,
        max: [2, 4, 4, 6][i % 4]!,
        shape: 'square' as const,
        x: 100 + (i % 10) * 100,
        y: 100 + Math.floor(i / 10) * 150,
      })),
    );
    await sql.begin(async (tx) => {
      await tx`set local statement_timeout = 0`;
      await tx`insert into services (restaurant_id, weekday, name, start_minute, end_minute)
        select ${rid}, d, 'All day', 660, 1380 from generate_series(1, 7) d`;
      await tx`insert into guests (restaurant_id, name, phone)
        select ${rid}, 'Guest ' || g, '+4915' || lpad(g::text, 9, '0') from generate_series(1, ${GUESTS}) g`;
      await tx`create temp table seed_guests on commit drop as
        select id, row_number() over (order by id) - 1 as rn from guests where restaurant_id = ${rid}`;
      await tx`create temp table seed_tables on commit drop as
        select id, row_number() over (order by sort_order) - 1 as tn from tables where restaurant_id = ${rid}`;
      // Active: every table, every hour 11–22 in the past; in the future every other one.
      // Cancelled: one more per table and hour 11–21, their allocations inactive.
      await tx`create temp table seed on commit drop as
        select gen_random_uuid() as id, t.id as table_id, t.tn, d, h, c,
               ((${first}::date + d) + make_interval(hours => h)) at time zone ${TZ} as starts_at
        from generate_series(0, ${DAYS - 1}) d, seed_tables t, generate_series(11, 22) h, (values (false), (true)) v(c)
        where (not c or h < 22)
          and (c or ${first}::date + d < ${today}::date or (t.tn + h) % 2 = 0)`;
      await tx`insert into reservations (id, restaurant_id, guest_id, starts_at, ends_at, party_size, status, source, confirmation_code, confirmed_at)
        select s.id, ${rid}, g.id, s.starts_at, s.starts_at + interval '1 hour', 2,
               (case when s.c then 'canceled' when s.starts_at < now() then 'completed' else 'confirmed' end)::reservation_status,
               'import', 'S' || lpad(row_number() over ()::text, 8, '0'), s.starts_at - interval '3 days'
        from seed s join seed_guests g on g.rn = (s.d * 997 + s.tn * 31 + s.h) % ${GUESTS}`;
      await tx`insert into table_allocations (restaurant_id, table_id, period, reservation_id, active)
        select ${rid}, s.table_id, tstzrange(s.starts_at, s.starts_at + interval '1 hour'), s.id, not s.c from seed s`;
    });
    await sql`analyze`;
    const [{ n: reservationCount } = { n: 0 }] = await sql<
      { n: number }[]
    >`select count(*)::int as n from reservations`;
    const seedSeconds = Math.round((performance.now() - seedStart) / 100) / 10;

    // ── Availability over HTTP ───────────────────────────────────────────────
    const day = addDays(today, 7);
    const times = Array.from(
      { length: 21 },
      (_, i) => `${String(11 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`,
    );
    // The i-th call of a run: 105 different checks of one day, the grids of the next 14 days.
    const checkInput = (i: number) => ({ date: day, partySize: 2 + (i % 5), time: times[i % times.length] });
    const gridInput = (i: number) => ({ date: addDays(today, i % 14) });
    const askCheck = (i: number) => api.availability.check.query(checkInput(i));
    const askGrid = (i: number) => api.availability.grid.query(gridInput(i));
    // Steady state: the days asked about are in each process's availability cache, as they are
    // between changes on a working evening, the code paths are compiled and the connections warm
    // (a warm-up round of each, not reported: the first thousand calls run in V8's slower tiers,
    // and a new connection's kernel send buffer starts at 16 kB and grows with use — until it has,
    // each uncompressed ~115 kB grid waits for the client to drain part of it first). What a
    // change costs — the next read of the day loads it again — is measured separately below
    // (`afterAChange`).
    await load(CONCURRENCY, 1000, askCheck);
    await load(CONCURRENCY, 3000, askGrid);
    // One client alone (what a single voice agent sees), then 16 at once (queueing included).
    const checkAlone = await load(1, Math.min(CHECKS, 2000), askCheck);
    const gridAlone = await load(1, Math.min(GRIDS, 500), askGrid);
    const check = await load(CONCURRENCY, CHECKS, askCheck);
    const grid = await load(CONCURRENCY, GRIDS, askGrid);
    // The same requests from a plain HTTP client (every byte of each answer read, nothing
    // parsed), as wrk or autocannon measure a server: what the server's answers take, without the
    // typed client's own work, which here shares the two cores with the server (a grid answer is
    // ~115 kB of JSON: the typed client spends ~1.2 ms of CPU per grid decompressing and parsing
    // it, the server ~0.2 ms). It asks as Chromium does (Accept-Encoding: gzip, deflate, br,
    // zstd), so a cached grid comes brotli-compressed (~16 kB); the grid is also measured
    // uncompressed (`identity`).
    const url = (path: string, input: unknown) =>
      `${server!.url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
    const checkUrls = Array.from({ length: 5 * times.length }, (_, i) =>
      url('availability.check', checkInput(i)),
    );
    const gridUrls = Array.from({ length: 14 }, (_, i) => url('availability.grid', gridInput(i)));
    const authorization = `Bearer ${token}`;
    const plain = {
      headers: { authorization, 'accept-encoding': 'gzip, deflate, br, zstd' },
      concurrency: CONCURRENCY,
    };
    const checkPlain = await plainHttpLoad({ ...plain, urls: checkUrls, total: CHECKS, warmUp: 1000 });
    const gridPlain = await plainHttpLoad({ ...plain, urls: gridUrls, total: GRIDS, warmUp: 3000 });
    const gridPlainIdentity = await plainHttpLoad({
      ...plain,
      headers: { authorization },
      urls: gridUrls,
      total: GRIDS,
      warmUp: 3000,
    });
    // The floor under those figures: the same grid's bytes, as our server sent them (brotli, and
    // uncompressed), from a bare node:http server to the same plain client.
    const bare = async (acceptEncoding: string | undefined) => {
      const sent = await getRaw(gridUrls[7]!, {
        authorization,
        ...(acceptEncoding !== undefined && { 'accept-encoding': acceptEncoding }),
      });
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (sent.headers['content-encoding']) headers['content-encoding'] = sent.headers['content-encoding'];
      const run = await bareServerLoad(
        { body: sent.body, headers },
        { concurrency: CONCURRENCY, total: GRIDS, warmUp: 3000 },
      );
      return { ...run.latency, perSecond: run.perSecond, failed: run.failed, bytes: run.bytes };
    };
    const gridBareServer = {
      compressed: await bare(plain.headers['accept-encoding']),
      identity: await bare(undefined),
    };

    // The same 16 callers through one batching client (the typed client's default): calls made in
    // the same tick share an HTTP request, its authentication and its context.
    const batching = createTobeoutClient({ url: server!.url, token });
    const checkBatched = await load(CONCURRENCY, CHECKS, (i) =>
      batching.availability.check.query(checkInput(i)),
    );

    // After a change: every write drops the restaurant's cached days (in every process), so the
    // first check or grid of a day after it reads the day from the database. One client; a
    // restaurant.update that changes nothing availability needs, then the timed read.
    const afterAChange = async (read: () => Promise<unknown>) => {
      const ms: number[] = [];
      for (let i = 0; i < 40; i++) {
        await api.restaurant.update.mutate({ address: `Bench street ${i}` });
        const t = performance.now();
        await read();
        ms.push(performance.now() - t);
      }
      return summarise(ms);
    };
    const coldCheck = await afterAChange(() =>
      api.availability.check.query({ date: day, partySize: 2, time: '19:00' }),
    );
    const coldGrid = await afterAChange(() => api.availability.grid.query({ date: day }));

    // ── Create throughput: API vs the same transaction as raw SQL ─────────────
    const tables = await sql<
      { id: string }[]
    >`select id from tables where restaurant_id = ${rid} order by sort_order`;
    const guests = await sql<
      { id: string }[]
    >`select id from guests where restaurant_id = ${rid} limit ${CREATES * 2}`;
    const slot = (i: number, dayOffset: number) => ({
      date: addDays(today, dayOffset + Math.floor(i / (TABLES * 12))),
      hour: 11 + (Math.floor(i / TABLES) % 12),
      table: tables[i % TABLES]!.id,
    });
    const apiCreate = await load(CONCURRENCY, CREATES, (i) => {
      const s = slot(i, 31);
      return api.bookings.create.mutate({
        date: s.date,
        time: `${s.hour}:00`,
        partySize: 2,
        durationMin: 60,
        tableIds: [s.table],
        guestId: guests[i]!.id,
        source: 'import',
      });
    });
    const daysPerRun = Math.ceil(CREATES / (TABLES * 12)) + 1;
    const rawCreate = await load(CONCURRENCY, CREATES, (i) =>
      rawBooking(sql, rid, slot(i, 31 + daysPerRun), guests[CREATES + i]!.id),
    );
    const rawMinimal = await load(CONCURRENCY, CREATES, (i) => {
      const s = slot(i, 31 + 2 * daysPerRun);
      return sql.begin(async (tx) => {
        const [r] = await tx`select timezone from restaurants where id = ${rid}`;
        const [t] =
          await tx`select id from tables where restaurant_id = ${rid} and id = ${s.table} and active`;
        if (!r || !t) throw new Error('missing');
        const startsAt = `${s.date} ${s.hour}:00`;
        const [res] =
          await tx`insert into reservations (restaurant_id, guest_id, starts_at, ends_at, party_size, status, source, confirmation_code, confirmed_at)
          values (${rid}, ${guests[i]!.id}, (${startsAt}::timestamp at time zone ${r.timezone}),
                  (${startsAt}::timestamp at time zone ${r.timezone}) + interval '1 hour', 2, 'confirmed', 'import',
                  'M' || lpad(${String(i)}, 7, '0'), now()) returning id, starts_at, ends_at`;
        await tx`insert into table_allocations (restaurant_id, table_id, period, reservation_id)
          values (${rid}, ${s.table}, tstzrange(${res!.starts_at}, ${res!.ends_at}), ${res!.id})`;
        await tx`insert into events (restaurant_id, type, entity, entity_id, actor, payload)
          values (${rid}, 'booking.created', 'booking', ${res!.id}, ${sql.json({ kind: 'system', id: null, name: 'bench' })}, ${sql.json({})})`;
      });
    });

    const [{ n: doubleBookings } = { n: -1 }] = await sql<{ n: number }[]>`
      select count(*)::int as n from table_allocations a join table_allocations b
        on a.restaurant_id = b.restaurant_id and a.table_id = b.table_id and a.id < b.id and a.period && b.period
      where a.active and b.active`;

    const ratio = Math.round((apiCreate.perSecond / rawCreate.perSecond) * 100) / 100;
    return {
      bench: 'booking',
      seeded: { tables: TABLES, guests: GUESTS, reservations: reservationCount, seconds: seedSeconds },
      concurrency: CONCURRENCY,
      availabilityCheck: {
        oneClient: checkAlone.latency,
        concurrent: {
          ...check.latency,
          perSecond: check.perSecond,
          failed: check.failed,
          errors: check.errors,
        },
        concurrentThroughOneBatchingClient: { ...checkBatched.latency, perSecond: checkBatched.perSecond },
        concurrentPlainHttp: {
          ...checkPlain.latency,
          perSecond: checkPlain.perSecond,
          failed: checkPlain.failed,
        },
        afterAChange: coldCheck,
      },
      availabilityGrid: {
        oneClient: gridAlone.latency,
        concurrent: { ...grid.latency, perSecond: grid.perSecond, failed: grid.failed, errors: grid.errors },
        concurrentPlainHttp: {
          ...gridPlain.latency,
          perSecond: gridPlain.perSecond,
          failed: gridPlain.failed,
          bytes: gridPlain.bytes,
        },
        concurrentPlainHttpIdentity: {
          ...gridPlainIdentity.latency,
          perSecond: gridPlainIdentity.perSecond,
          failed: gridPlainIdentity.failed,
          bytes: gridPlainIdentity.bytes,
        },
        bareServerBaseline: gridBareServer,
        afterAChange: coldGrid,
      },
      create: {
        api: {
          perSecond: apiCreate.perSecond,
          ...apiCreate.latency,
          failed: apiCreate.failed,
          errors: apiCreate.errors,
        },
        rawSqlBaseline: {
          perSecond: rawCreate.perSecond,
          ...rawCreate.latency,
          failed: rawCreate.failed,
          errors: rawCreate.errors,
        },
        ratio,
        rawSqlMinimal: { perSecond: rawMinimal.perSecond, ...rawMinimal.latency, failed: rawMinimal.failed },
        ratioToMinimal: Math.round((apiCreate.perSecond / rawMinimal.perSecond) * 100) / 100,
      },
      doubleBookings,
      rssMb: { server: procStats(server!.pid).rssMb, benchClient: rssMb() },
      targets: {
        availabilityP99Under10msOneClient: checkAlone.latency.p99 < 10 && gridAlone.latency.p99 < 10,
        availabilityP99Under10msConcurrent: check.latency.p99 < 10 && grid.latency.p99 < 10,
        availabilityP99Under10msConcurrentPlainHttp:
          checkPlain.latency.p99 < 10 && gridPlain.latency.p99 < 10,
        createAtLeastHalfOfRawSql: ratio >= 0.5,
        zeroDoubleBookings: doubleBookings === 0,
      },
    };
  } finally {
    await sql.end();
    await server!.stop();
    await db.close();
  }
}

type Sql = Awaited<ReturnType<typeof rawSql>>;

/**
 * bookings.create for a chosen table (2 guests, 60 minutes, an existing guest) as raw SQL: the
 * same locks, reads, checks and writes, each statement prepared by postgres.js.
 */
function rawBooking(
  sql: Sql,
  rid: string,
  s: { date: string; hour: number; table: string },
  guestId: string,
) {
  const time = `${String(s.hour).padStart(2, '0')}:00`;
  return sql.begin(async (tx) => {
    const [day] = await tx`select
      (select pg_advisory_xact_lock(hashtextextended(${`bookings:${rid}:table:${s.table}`}, 0))) as locked,
      (select json_build_object('id', id, 'name', name, 'phone', phone, 'email', email)
         from guests where restaurant_id = ${rid} and id = ${guestId}) as guest,
      (select json_build_object('timeZone', timezone, 'slotIntervalMin', slot_interval_min,
         'defaultDurationMin', default_duration_min, 'turnTimes', turn_times, 'pacingMaxCovers', pacing_max_covers,
         'startsAt', (${s.date}::date + ${time}::time) at time zone timezone,
         'dayFrom', ${s.date}::date::timestamp at time zone timezone,
         'dayTo', (${s.date}::date + 1 + time '12:00') at time zone timezone)
         from restaurants where id = ${rid}) as settings,
      (select coalesce(json_agg(json_build_object('weekday', weekday, 'startMinute', start_minute, 'endMinute', end_minute,
         'lastSeatingMinute', last_seating_minute)), '[]') from services where restaurant_id = ${rid}) as weekly,
      (select json_build_object('closed', closed, 'services', services)
         from special_days where restaurant_id = ${rid} and date = ${s.date}::date) as special,
      (select coalesce(json_agg(json_build_object('id', id, 'name', name, 'minGuests', min_guests, 'maxGuests', max_guests,
         'bookableOnline', bookable_online) order by sort_order, name), '[]') from tables where restaurant_id = ${rid} and active) as tables,
      (select coalesce(json_agg(c order by c.name), '[]') from (
         select c.id, c.name, array_agg(m.table_id order by t.sort_order) as "tableIds", bool_and(t.active) as usable
         from table_combinations c
         join table_combination_members m on m.restaurant_id = c.restaurant_id and m.combination_id = c.id
         join tables t on t.restaurant_id = m.restaurant_id and t.id = m.table_id
         where c.restaurant_id = ${rid} group by c.id) c) as combinations`;
    type Settings = { startsAt: string; dayFrom: string; dayTo: string };
    const settings = day!.settings as Settings;
    const guest = day!.guest as { id: string; name: string } | null;
    const table = (day!.tables as { id: string; name: string; maxGuests: number }[]).find(
      (t) => t.id === s.table,
    );
    const weekday = new Date(`${s.date}T12:00:00Z`).getUTCDay() || 7;
    const minute = s.hour * 60;
    const open = (day!.weekly as { weekday: number; startMinute: number; endMinute: number }[]).some(
      (w) => w.weekday === weekday && w.startMinute <= minute && minute + 60 <= w.endMinute,
    );
    if (!guest || !table || table.maxGuests < 2 || !open || day!.special) throw new Error('not bookable');
    const from = new Date(settings.startsAt);
    const to = new Date(from.getTime() + 3_600_000);
    // What can stand in the table's way (and, with a pacing limit, what starts at the same time).
    const pacing = (day!.settings as { pacingMaxCovers: number | null }).pacingMaxCovers !== null;
    const taken =
      await tx`select a.table_id, floor(extract(epoch from lower(a.period)) * 1000)::float8 as "from",
        floor(extract(epoch from upper(a.period)) * 1000)::float8 as "to", a.reservation_id, a.block_id, a.hold_id,
        r.status, r.party_size, h.expires_at <= now() as expired
      from table_allocations a
      left join reservations r on r.restaurant_id = a.restaurant_id and r.id = a.reservation_id
      left join holds h on h.restaurant_id = a.restaurant_id and h.id = a.hold_id
      where a.restaurant_id = ${rid} and a.active
        and a.period && tstzrange(${settings.dayFrom}::timestamptz, ${settings.dayTo}::timestamptz)
        and (a.table_id = ${s.table} ${pacing ? tx`or lower(a.period) = ${from.toISOString()}::timestamptz` : tx``})`;
    if (taken.some((t) => t.table_id === s.table && t.from < to.getTime() && from.getTime() < t.to))
      throw new Error('taken');
    const id = randomUUID();
    const code = Array.from({ length: 6 }, () => 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'[randomInt(31)]).join('');
    const payload = {
      code,
      guestName: guest.name,
      partySize: 2,
      date: s.date,
      time,
      tables: [table.name],
      status: 'confirmed',
      source: 'import',
    };
    const [written] = await tx`with r as (
        insert into reservations (id, restaurant_id, guest_id, starts_at, ends_at, party_size, status, source,
          confirmation_code, confirmed_at)
        values (${id}, ${rid}, ${guest.id}, ${from.toISOString()}, ${to.toISOString()}, 2, 'confirmed', 'import', ${code}, now())
        on conflict (restaurant_id, confirmation_code) do nothing
        returning id, created_at
      ), a as (
        insert into table_allocations (restaurant_id, table_id, period, reservation_id)
        select ${rid}, ${s.table}, tstzrange(${from.toISOString()}, ${to.toISOString()}), r.id from r
      ), e as (
        insert into events (restaurant_id, type, entity, entity_id, actor, payload)
        select ${rid}, 'booking.created', 'booking', r.id, ${sql.json({ kind: 'system', id: null, name: 'bench' })},
               ${sql.json(payload)} from r
      )
      select created_at from r`;
    if (!written) throw new Error('confirmation code clash');
  });
}
