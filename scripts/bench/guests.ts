import { performance } from 'node:perf_hooks';
import { createTobeoutClient } from '@tobeout/server/client';
import { phoneDigits, SEGMENT_RULES } from '@tobeout/shared';
import type postgres from 'postgres';
import { load, procStats, rawSql, rssMb } from './lib';

// After ./lib: it points TEST_DATABASE_URL at the benchmark server before the testing module reads it.
const { ownedRestaurant, sharedDatabase, startServerProcesses } = await import('@tobeout/server/processes');

const TZ = 'Europe/Berlin';
const GUESTS = Number(process.env.BENCH_GUESTS ?? 200_000);
const CONCURRENCY = 16;
const SEARCHES = Number(process.env.BENCH_SEARCHES ?? 800);
const SEARCHES_ALONE = Math.min(SEARCHES, 300);
const TARGET_P99_MS = 20;

const FIRST = [
  'Anna',
  'Lena',
  'Leonie',
  'Marie',
  'Sophie',
  'Emma',
  'Hannah',
  'Mia',
  'Laura',
  'Julia',
  'Sarah',
  'Lisa',
  'Katharina',
  'Johanna',
  'Clara',
  'Charlotte',
  'Paula',
  'Greta',
  'Ida',
  'Frieda',
  'Maria',
  'Sofia',
  'Giulia',
  'Chiara',
  'Camille',
  'Chloé',
  'Olivia',
  'Amelia',
  'Zeynep',
  'Elif',
  'Jonas',
  'Leon',
  'Lukas',
  'Paul',
  'Felix',
  'Maximilian',
  'Elias',
  'Noah',
  'Ben',
  'Finn',
  'Tim',
  'Jan',
  'Niklas',
  'Tobias',
  'David',
  'Moritz',
  'Jakob',
  'Alexander',
  'Sebastian',
  'Michael',
  'Thomas',
  'Stefan',
  'Andreas',
  'Christian',
  'Matteo',
  'Luca',
  'Lorenzo',
  'Hugo',
  'Louis',
  'James',
  'Oliver',
  'Mehmet',
  'Emre',
  'Piotr',
  'Jakub',
];
const LAST = [
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'Meyer',
  'Wagner',
  'Becker',
  'Schulz',
  'Hoffmann',
  'Schäfer',
  'Koch',
  'Bauer',
  'Richter',
  'Klein',
  'Wolf',
  'Schröder',
  'Neumann',
  'Schwarz',
  'Zimmermann',
  'Braun',
  'Krüger',
  'Hofmann',
  'Hartmann',
  'Lange',
  'Seidel',
  'Werner',
  'Vogt',
  'Krause',
  'Meier',
  'Lehmann',
  'Schmid',
  'Schulze',
  'Maier',
  'Köhler',
  'Herrmann',
  'König',
  'Walter',
  'Mayer',
  'Huber',
  'Kaiser',
  'Fuchs',
  'Peters',
  'Lang',
  'Scholz',
  'Möller',
  'Weiß',
  'Jung',
  'Hahn',
  'Schubert',
  'Vogel',
  'Friedrich',
  'Keller',
  'Günther',
  'Frank',
  'Berger',
  'Winkler',
  'Roth',
  'Beck',
  'Lorenz',
  'Baumann',
  'Franke',
  'Albrecht',
  'Schuster',
  'Simon',
  'Ludwig',
  'Böhm',
  'Winter',
  'Kraus',
  'Martin',
  'Rossi',
  'Russo',
  'Bianchi',
  'Romano',
  'Dubois',
  'Martin',
  'Smith',
  'Brown',
  'Yılmaz',
  'Kaya',
  'Nowak',
  'Kowalski',
  'Wiśniewski',
  'García',
  'Fernández',
  'Papadopoulos',
  'Novák',
  'Horváth',
  'Jansen',
  'De Vries',
];
/** Mobile prefixes (after +49) and a few neighbouring countries. */
const PREFIXES = [
  '+49151',
  '+49152',
  '+49157',
  '+49160',
  '+49162',
  '+49163',
  '+49170',
  '+49171',
  '+49172',
  '+49173',
  '+49174',
  '+49175',
  '+49176',
  '+49177',
  '+49178',
  '+49179',
  '+43664',
  '+41791',
  '+33612',
  '+39333',
];

/** Typo'd or partial name searches (what staff type on the phone), each with its intended name. */
const NAME_SEARCHES = [
  'Schmitt', // Schmidt (and Schmid)
  'Schmit',
  'Mueller',
  'Hofman',
  'Zimmerman',
  'Katarina',
  'Meyr',
  'Schneidr',
  'Anna Schmitt',
  'Leoni Zimmermann',
  'Wisniewski',
  'Krueger',
  'Kowalsky',
  'Fernandes',
  'Jonas Webr',
  'Papadopulos',
];
/** Partial phone digits in the formats people say them. */
const PHONE_SEARCHES = [
  '0170 123',
  '0151 55',
  '4917612',
  '+43 664 1',
  '0176-98',
  '1234567',
  '555 12',
  '+39 333',
];

/**
 * Guest-book benchmark: a restaurant with 200k guests (first × last names from small lists, E.164
 * phones, e-mails for half, tags, visit counters and ≈100k completed visits for some), seeded with
 * SQL. Over HTTP on loopback, with one client and with 16 at once: guests.list latency for typo'd
 * name searches, partial phone digits and segment-filtered lists — with, in the same run, the same
 * search as one raw SQL query through postgres.js as the baseline. Then GET /export/guests.csv of
 * all 200k rows (Bearer token), counting rows and bytes, with the server process's RSS sampled
 * every 50 ms before and during the export.
 *
 * The server is a process of its own (`node --import tsx server/src/main.ts`, as `npm start`
 * runs it), so the load generator's work is not counted in the server's latency or memory; the
 * clients send one HTTP request per call (no batching: each answer's latency is its own).
 */
export async function guestsBench() {
  const db = await sharedDatabase();
  const [server] = await startServerProcesses(['API'], {
    databaseUrl: db.url,
    env: { DATABASE_POOL_SIZE: '20' },
  });
  const sql = await rawSql({ db: db.handle }, CONCURRENCY);
  try {
    const setup = await ownedRestaurant(db.handle, server!.url, TZ);
    const rid = setup.restaurant.id;
    const { token } = await setup.api.restaurant.tokens.create.mutate({ name: 'bench', role: 'manager' });
    const api = createTobeoutClient({ url: server!.url, token, batch: false });

    // ── Seed ──────────────────────────────────────────────────────────────────
    const seedStart = performance.now();
    await sql.begin(async (tx) => {
      await tx`set local statement_timeout = 0`;
      // Pseudo-random but deterministic picks: h(g, salt) spreads g over [0, 2^31).
      await tx`create temp table seed on commit drop as
        select g,
               (hashint4(g) & 2147483647) as h1,
               (hashint4(g + 1000003) & 2147483647) as h2,
               (hashint4(g + 2000003) & 2147483647) as h3
        from generate_series(1, ${GUESTS}) g`;
      await tx`insert into guests (restaurant_id, name, phone, email, language, tags, notes,
                                   visit_count, no_show_count, cancel_count, last_visit_at, created_at)
        select ${rid},
               f.name || ' ' || l.name,
               -- 96% have a phone; the 7-digit tail is g·7919 mod 10⁷ (one per guest, so unique).
               case when h3 % 25 = 0 then null
                    else (${PREFIXES}::text[])[1 + h2 % ${PREFIXES.length}] || lpad(((g::bigint * 7919) % 10000000)::text, 7, '0') end,
               case when h3 % 2 = 0 then lower(replace(f.name || '.' || l.name, ' ', '')) || g || '@example.com' end,
               (array['de', 'de', 'de', 'de', 'en', 'en', 'fr', 'it', 'tr', null])[1 + h1 % 10],
               case when h2 % 10 = 0 then array['VIP']
                    when h2 % 10 = 1 then array['wine']
                    when h2 % 10 = 2 then array['allergy: nuts', 'window']
                    when h2 % 10 = 3 then array['regular', 'VIP']
                    else '{}'::text[] end,
               case when h3 % 9 = 0 then 'Prefers a quiet table.' end,
               v.visits,
               case when v.visits > 0 then h3 % 3 else 0 end,
               case when v.visits > 0 then h1 % 4 else 0 end,
               case when v.visits > 0 then now() - make_interval(days => 1 + h2 % 700) end,
               now() - make_interval(days => h1 % 1100, secs => h3 % 86400)
        from seed
        join lateral (select (${FIRST}::text[])[1 + h1 % ${FIRST.length}] as name) f on true
        join lateral (select (${LAST}::text[])[1 + (h1 / ${FIRST.length}) % ${LAST.length}] as name) l on true
        join lateral (select case when h3 % 5 < 2 then 1 + (h1 / 7) % 30 else 0 end as visits) v on true`;
      // The visits behind the counters (up to three in the last year per guest with visits), so
      // the 'frequent' rule and the recent-visit count every row carries read real rows.
      await tx`insert into reservations (restaurant_id, guest_id, starts_at, ends_at, party_size, status, source, confirmation_code)
        select ${rid}, id, t, t + interval '2 hours', 2, 'completed', 'import', 'G' || lpad((row_number() over ())::text, 8, '0')
        from (select id, visit_count, last_visit_at from guests where restaurant_id = ${rid} and visit_count > 0) g,
             lateral (select g.last_visit_at - make_interval(days => 40 * k) as t from generate_series(0, least(g.visit_count, 3) - 1) k) v`;
    });
    // Bulk-loaded rows are not yet marked all-visible (autovacuum would do it within a minute in
    // service): without it every index-only scan still visits the heap.
    await sql`vacuum analyze`;
    const [counts] = await sql<{ guests: number; reservations: number; vip: number }[]>`
      select (select count(*)::int from guests where restaurant_id = ${rid}) as guests,
             (select count(*)::int from reservations where restaurant_id = ${rid}) as reservations,
             (select count(*)::int from guests where restaurant_id = ${rid} and 'VIP' = any(tags)) as vip`;
    const seedSeconds = Math.round((performance.now() - seedStart) / 100) / 10;

    // ── Search over HTTP vs the same query as raw SQL ─────────────────────────
    const list = (input: Parameters<typeof api.guests.list.query>[0]) => api.guests.list.query(input);
    for (const q of [...NAME_SEARCHES, ...PHONE_SEARCHES]) await list({ q }); // warm up
    const hits = Object.fromEntries(
      await Promise.all(
        [...NAME_SEARCHES, ...PHONE_SEARCHES].map(async (q) => [
          q,
          (await list({ q, limit: 200 })).items.length,
        ]),
      ),
    );
    /** Typos whose first page must hold the intended name. */
    const typoChecks = Object.fromEntries(
      await Promise.all(
        (
          [
            ['Schmitt', 'Schmidt'],
            ['Zimmerman', 'Zimmermann'],
            ['Schneidr', 'Schneider'],
            ['Papadopulos', 'Papadopoulos'],
            ['Jonas Webr', 'Jonas Weber'],
          ] as const
        ).map(async ([q, name]) => [
          `${q} → ${name}`,
          (await list({ q })).items.some((g) => g.name.includes(name)),
        ]),
      ),
    );

    /**
     * The raw SQL twin of guests.list for a search term (first page of 50), one statement like the
     * API's: phone digits in name order; a name nearest first, over the distinct names
     * (guest_name_matches) then their guests.
     */
    const rawSearch = (q: string) => {
      const digits = phoneDigits(q);
      const isPhone = digits.length >= 3 && /^[\d\s()+\-./]+$/.test(q);
      const like = `%${q.replace(/[%_\\]/g, '\\$&')}%`;
      const page = (ranked: postgres.PendingQuery<postgres.Row[]>) =>
        sql`select g.id, g.name, g.phone, g.email, g.language, g.tags, g.notes, g.visit_count,
               g.no_show_count, g.cancel_count, g.last_visit_at, g.created_at,
               (select count(*)::int from reservations rv where rv.restaurant_id = g.restaurant_id
                  and rv.guest_id = g.id and rv.status = 'completed'
                  and rv.starts_at > now() - make_interval(days => ${SEGMENT_RULES.frequentWindowDays})) as recent_visits
        from (${ranked}) r join guests g on g.id = r.id
        order by r.k1, r.k2, r.k3`;
      if (isPhone)
        return page(
          sql`select id, lower(name) as k1, '' as k2, id as k3 from guests
              where restaurant_id = ${rid} and phone like ${`%${digits}%`}
              order by lower(name), id limit 51`,
        );
      return page(
        sql`select g.id, m.distance as k1, m.name as k2, g.id as k3
            from (select name, distance from guest_name_matches(${rid}, ${q}, ${like})
                  order by distance, name limit 51) m
            cross join lateral (select id from guests where restaurant_id = ${rid} and name = m.name
                                order by id limit 51) g
            order by m.distance, m.name, g.id limit 51`,
      );
    };
    /** The raw SQL twin of a segment-filtered list (first page of 50 by name). */
    const rawSegment = (segment: 'vip' | 'at_risk') => {
      const cond =
        segment === 'vip'
          ? sql`exists (select 1 from unnest(g.tags) t where lower(t) = lower(${SEGMENT_RULES.vipTag}))`
          : sql`(g.no_show_count >= ${SEGMENT_RULES.atRiskNoShows} or g.last_visit_at < now() - make_interval(days => ${SEGMENT_RULES.atRiskQuietDays}))`;
      return sql`select g.id, g.name, g.phone, g.email, g.language, g.tags, g.notes, g.visit_count,
               g.no_show_count, g.cancel_count, g.last_visit_at, g.created_at,
               (select count(*)::int from reservations rv where rv.restaurant_id = g.restaurant_id
                  and rv.guest_id = g.id and rv.status = 'completed'
                  and rv.starts_at > now() - make_interval(days => ${SEGMENT_RULES.frequentWindowDays})) as recent_visits
        from guests g
        where g.restaurant_id = ${rid} and ${cond}
        order by lower(g.name), g.id
        limit 51`;
    };

    const SEGMENTS = ['vip', 'at_risk'] as const;
    const kinds = {
      nameTypo: {
        api: (i: number) => list({ q: NAME_SEARCHES[i % NAME_SEARCHES.length]! }),
        raw: (i: number) => rawSearch(NAME_SEARCHES[i % NAME_SEARCHES.length]!),
      },
      phonePartial: {
        api: (i: number) => list({ q: PHONE_SEARCHES[i % PHONE_SEARCHES.length]! }),
        raw: (i: number) => rawSearch(PHONE_SEARCHES[i % PHONE_SEARCHES.length]!),
      },
      segmentList: {
        api: (i: number) => list({ segment: SEGMENTS[i % SEGMENTS.length]! }),
        raw: (i: number) => rawSegment(SEGMENTS[i % SEGMENTS.length]!),
      },
    };
    const search: Record<string, unknown> = {};
    const p99s: { oneClient: number[]; concurrent: number[] } = { oneClient: [], concurrent: [] };
    for (const [name, kind] of Object.entries(kinds)) {
      const apiAlone = await load(1, SEARCHES_ALONE, kind.api);
      const rawAlone = await load(1, SEARCHES_ALONE, kind.raw);
      const apiMany = await load(CONCURRENCY, SEARCHES, kind.api);
      const rawMany = await load(CONCURRENCY, SEARCHES, kind.raw);
      p99s.oneClient.push(apiAlone.latency.p99);
      p99s.concurrent.push(apiMany.latency.p99);
      search[name] = {
        oneClient: { api: apiAlone.latency, rawSqlBaseline: rawAlone.latency },
        concurrent: {
          api: {
            ...apiMany.latency,
            perSecond: apiMany.perSecond,
            failed: apiMany.failed,
            errors: apiMany.errors,
          },
          rawSqlBaseline: { ...rawMany.latency, perSecond: rawMany.perSecond, failed: rawMany.failed },
        },
      };
    }

    // ── Export: stream all guests as CSV, RSS sampled every 50 ms ────────────
    // Each sample also notes how far the export is, so the peaks can be compared per quarter:
    // streaming holds memory flat as rows go by, buffering would grow with them.
    let bytes = 0;
    let newlines = 0;
    let firstByteMs = 0;
    const samples: { rss: number; rows: number }[] = [];
    const sample = () => {
      samples.push({ rss: procStats(server!.pid).rssMb, rows: Math.max(0, newlines - 1) });
    };
    const sampler = setInterval(sample, 50);
    await new Promise((r) => setTimeout(r, 1000)); // the "before" window
    const before = samples.splice(0);
    const exportStart = performance.now();
    const res = await fetch(`${server!.url}/export/guests.csv`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const reader = res.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (bytes === 0) firstByteMs = performance.now() - exportStart;
      bytes += value.byteLength;
      for (let i = 0; i < value.length; i++) if (value[i] === 10) newlines++;
    }
    const exportSeconds = (performance.now() - exportStart) / 1000;
    sample();
    clearInterval(sampler);
    const during = samples.splice(0);
    const rows = newlines - 1; // the header line (the seeded notes have no line breaks)
    const mb = (b: number) => Math.round((b / 1024 / 1024) * 10) / 10;
    const peak = (list: typeof samples) => Math.max(0, ...list.map((s) => s.rss));
    const mean = (list: typeof samples) => list.reduce((a, s) => a + s.rss, 0) / Math.max(1, list.length);
    const quarters = [0, 1, 2, 3].map((q) =>
      during.filter((s) => s.rows >= (q * rows) / 4 && (q === 3 || s.rows < ((q + 1) * rows) / 4)),
    );
    const peakBefore = peak(before);
    const peakDuring = peak(during);
    const firstHalfPeak = Math.max(peak(quarters[0]!), peak(quarters[1]!));
    const secondHalfPeak = Math.max(peak(quarters[2]!), peak(quarters[3]!));

    const oneP99 = Math.max(...p99s.oneClient);
    const manyP99 = Math.max(...p99s.concurrent);
    return {
      bench: 'guests',
      seeded: { ...counts, seconds: seedSeconds },
      concurrency: CONCURRENCY,
      searchHits: hits,
      search,
      export: {
        status: res.status,
        rows,
        bytes,
        mb: mb(bytes),
        seconds: Math.round(exportSeconds * 100) / 100,
        firstByteMs: Math.round(firstByteMs),
        rowsPerSecond: Math.round(rows / exportSeconds),
        /** The server process's, from /proc. */
        serverRssMb: {
          before: { mean: Math.round(mean(before)), peak: peakBefore },
          during: { mean: Math.round(mean(during)), peak: peakDuring },
          peakGrowth: peakDuring - peakBefore,
          /** Peak RSS while the 1st, 2nd, 3rd and 4th quarter of the rows streamed. */
          peakByQuarter: quarters.map((q) => peak(q)),
          samples: during.length,
        },
      },
      benchClientRssMb: rssMb(),
      targets: {
        typoSearchFindsIntendedName: typoChecks,
        searchP99Under20msOneClient: oneP99 < TARGET_P99_MS,
        searchP99Under20msConcurrent: manyP99 < TARGET_P99_MS,
        exportAllRows: res.status === 200 && rows === counts!.guests,
        // Flat: memory does not grow with the rows streamed — the second half's peak is within
        // 32 MB of the first half's (single quarters swing by a collection or two; a buffered
        // export would grow by the whole CSV and its 200k row objects, hundreds of MB) — and the
        // whole export adds < 128 MB to the peak.
        exportMemoryFlat: secondHalfPeak - firstHalfPeak < 32 && peakDuring - peakBefore < 128,
      },
    };
  } finally {
    await sql.end();
    await server!.stop();
    await db.close();
  }
}
