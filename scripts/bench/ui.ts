import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { todayIn, zonedToInstant } from '@tobeout/shared';
import { chromium } from 'playwright-core';
import { rawSql, summarise } from './lib';

const { createGuests, createReservation, createTables } = await import('@tobeout/server/seed');
const { restaurantWithMember, startServer } = await import('@tobeout/server/testing');

const TZ = 'Europe/Berlin';
const TABLES = 40;
const BOOKINGS = 150;
const RUNS = Number(process.env.BENCH_UI_RUNS ?? 7);
const ROOT = join(import.meta.dirname, '..', '..');

/** gzip size (kB) of the JS the first page load fetches: the entry chunk and its static imports. */
function initialJsKb(dist: string): number {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const bytes = files.reduce((n, f) => n + gzipSync(readFileSync(join(dist, f))).length, 0);
  return Math.round(bytes / 102.4) / 10;
}

/**
 * The Bookings page with 40 tables and 150 bookings on the day, in headless Chromium on
 * loopback: time from navigation to every booking bar drawn, to interactive (then the main
 * thread goes idle), and from a click on a bar to its drawer. The first run is cold (nothing
 * cached), the others warm. Also the initial JS size. Targets: interactive < 1 s; initial JS
 * ≤ 250 kB gzip.
 */
export async function uiBench() {
  const dist = mkdtempSync(join(tmpdir(), 'tobeout-bench-web-'));
  execFileSync(
    join(ROOT, 'node_modules/.bin/vite'),
    ['build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'],
    {
      cwd: join(ROOT, 'client'),
      stdio: 'inherit',
    },
  );
  const server = await startServer('postgres', { clientDist: dist });
  const sql = await rawSql(server.app, 2);
  const profile = mkdtempSync(join(tmpdir(), 'tobeout-bench-chromium-'));
  try {
    const { restaurant, cookie } = await restaurantWithMember(server, 'owner', { timezone: TZ });
    const rid = restaurant.id;
    const db = server.app.db.db;
    await sql`insert into services (restaurant_id, weekday, name, start_minute, end_minute)
      select ${rid}, d, 'All day', 660, 1380 from generate_series(1, 7) d`;
    const tables = await createTables(
      db,
      rid,
      Array.from({ length: TABLES }, (_, i) => ({
        name: `T${i + 1}`,
        section: i < 20 ? 'Main' : 'Terrace',
        min: 1,
        max: [2, 4, 4, 6][i % 4]!,
        shape: 'square' as const,
        x: 100 + (i % 10) * 110,
        y: 100 + Math.floor(i / 10) * 160,
      })),
    );
    const guests = await createGuests(
      db,
      rid,
      Array.from({ length: BOOKINGS }, (_, i) => ({
        name: `Guest ${i + 1}`,
        phone: `+4915${String(i).padStart(9, '0')}`,
      })),
    );
    const today = todayIn(TZ);
    for (let i = 0; i < BOOKINGS; i++) {
      const hour = 11 + 2 * Math.floor(i / TABLES); // four 2-hour rounds across the tables
      const startsAt = zonedToInstant(today, `${hour}:00`, TZ);
      await createReservation(db, {
        restaurantId: rid,
        guestId: guests[i]!.id,
        tableIds: [tables[i % TABLES]!.id],
        startsAt,
        endsAt: new Date(startsAt.getTime() + 105 * 60_000),
        partySize: 2,
      });
    }

    const context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      viewport: { width: 1440, height: 900 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const [name, value] = cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: server.url }]);
    const drawn: number[] = [];
    const interactive: number[] = [];
    const drawer: number[] = [];
    try {
      for (let run = 0; run < RUNS; run++) {
        const page = await context.newPage();
        const start = performance.now();
        await page.goto(`${server.url}/bookings?date=${today}&view=timeline`);
        await page.waitForFunction(
          `document.querySelectorAll('[data-booking-id][role="button"]').length >= ${BOOKINGS}`,
        );
        drawn.push(performance.now() - start);
        // Interactive: the main thread is idle (no long task pending) once everything is drawn.
        await page.evaluate('new Promise((resolve) => requestIdleCallback(resolve, { timeout: 5000 }))');
        interactive.push(performance.now() - start);
        const click = performance.now();
        await page.locator('[data-booking-id][role="button"]').first().click();
        await page.getByRole('dialog', { name: /Booking / }).waitFor();
        drawer.push(performance.now() - click);
        await page.close();
      }
    } finally {
      await context.close();
    }
    const warm = (xs: number[]) => summarise(xs.slice(1));
    const result = {
      bench: 'ui',
      tables: TABLES,
      bookingsOnTheDay: BOOKINGS,
      runs: RUNS,
      coldMs: {
        drawn: Math.round(drawn[0]!),
        interactive: Math.round(interactive[0]!),
        clickToDrawer: Math.round(drawer[0]!),
      },
      warmMs: { drawn: warm(drawn), interactive: warm(interactive), clickToDrawer: warm(drawer) },
      initialJsKbGzip: initialJsKb(dist),
      assets: readdirSync(join(dist, 'assets')).length,
    };
    return {
      ...result,
      targets: {
        interactiveUnder1s: interactive[0]! < 1000 && result.warmMs.interactive.p99 < 1000,
        initialJsAtMost250kB: result.initialJsKbGzip <= 250,
      },
    };
  } finally {
    await sql.end();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(dist, { recursive: true, force: true });
  }
}
