import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import { todayIn, zonedToInstant } from '@tobeout/shared';
import { type BrowserContext, chromium } from 'playwright-core';
import { rawSql, summarise } from './lib';

const { createGuests, createReservation, createTables } = await import('@tobeout/server/seed');
const { CHROMIUM, restaurantWithMember, startServer } = await import('@tobeout/server/testing');

const TZ = 'Europe/Berlin';
const TABLES = 40;
const BOOKINGS = 150;
const RUNS = Number(process.env.BENCH_UI_RUNS ?? 7);
const COLD_RUNS = Number(process.env.BENCH_UI_COLD_RUNS ?? 3);
const ROOT = join(import.meta.dirname, '..', '..');

/** gzip size (kB) of the JS the first page load fetches: the entry chunk and its static imports. */
function initialJsKb(dist: string): number {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const bytes = files.reduce((n, f) => n + gzipSync(readFileSync(join(dist, f))).length, 0);
  return Math.round(bytes / 102.4) / 10;
}

/**
 * How long a browser just launched is left to finish starting before its first page. Headless
 * Chromium renders its omnibox's two popups (WebUI pages, never shown) as it starts: some 0.5 s of
 * CPU that, on a small machine, ran alongside the cold page load and was counted in it.
 */
const BROWSER_STARTUP_MS = 3000;

/** Long tasks (≥ 50 ms on the main thread) of the page, from its first byte on. */
const RECORD_LONG_TASKS = `
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const t of list.getEntries()) window.__longTasks.push(t.startTime + t.duration);
  }).observe({ type: 'longtask', buffered: true });
`;

/** Main thread free of long tasks for this long: the page is interactive since the last one. */
const QUIET_MS = 1000;

/**
 * Resolves, on the page's clock, to when its main thread became free: the end of the last long
 * task before QUIET_MS without one, and not before `from`.
 */
const interactiveSince = (from: number) => `new Promise((resolve) => {
  const check = () => {
    const since = Math.max(${from}, ...window.__longTasks);
    const wait = since + ${QUIET_MS} - performance.now();
    if (wait <= 0) resolve(since);
    else setTimeout(check, wait);
  };
  check();
})`;

/**
 * Resolves to the ms from the next click to the first frame with the booking's drawer open (a
 * dialog named "Booking <code>"), on the page's clock: Playwright's own waiting (actionability
 * checks before the click, polling after it) is not the app's.
 */
const CLICK_TO_DRAWER = `window.__drawer = new Promise((resolve) => {
  document.addEventListener('click', (event) => {
    const open = () => [...document.querySelectorAll('[role="dialog"]')].some((d) =>
      /^Booking /.test(document.getElementById(d.getAttribute('aria-labelledby'))?.textContent ?? ''));
    const frame = () => (open() ? resolve(performance.now() - event.timeStamp) : requestAnimationFrame(frame));
    frame();
  }, { capture: true, once: true });
});
undefined`;

/**
 * The Bookings page with 40 tables and 150 bookings on the day, in headless Chromium on
 * loopback: time from navigation to every booking bar drawn, to interactive (the main thread has
 * no long task left: see interactiveSince), and from a click on a bar to its drawer. Cold runs
 * are each the first page of a browser started in a fresh profile, warm runs the next pages of
 * one browser. Also the initial JS size. Targets: interactive < 1 s (cold median, warm p99);
 * initial JS ≤ 250 kB gzip.
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

    const [name, value] = cookie.split('=') as [string, string];
    const drawn: number[] = [];
    const interactive: number[] = [];
    const drawer: number[] = [];
    /** Loads the page in `context` and records the three times. */
    const measure = async (context: BrowserContext) => {
      const page = await context.newPage();
      const start = performance.now();
      await page.goto(`${server.url}/bookings?date=${today}&view=timeline`);
      const drawnAt = await page.waitForFunction(
        `document.querySelectorAll('[data-booking-id][role="button"]').length >= ${BOOKINGS} && performance.now()`,
      );
      drawn.push(performance.now() - start);
      // Interactive: then the main thread is free. (A single requestIdleCallback, used before,
      // fires in the first gap between tasks, also when long ones follow.)
      const at = Number(await drawnAt.jsonValue());
      const since = Number(await page.evaluate(interactiveSince(at)));
      interactive.push(drawn.at(-1)! + since - at);
      await page.evaluate(CLICK_TO_DRAWER);
      await page.locator('[data-booking-id][role="button"]').first().click();
      await page.getByRole('dialog', { name: /Booking / }).waitFor();
      drawer.push(Number(await page.evaluate('window.__drawer')));
      await page.close();
    };
    // Cold: the first page of a browser with a profile of its own (no HTTP cache, no compiled
    // code), once it has started, COLD_RUNS times. Warm: the next RUNS - 1 pages of the first
    // browser.
    for (let cold = 0; cold < COLD_RUNS; cold++) {
      const profile = mkdtempSync(join(tmpdir(), 'tobeout-bench-chromium-'));
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM.executablePath,
        viewport: { width: 1440, height: 900 },
        args: CHROMIUM.args,
      });
      try {
        await context.addCookies([{ name, value, url: server.url }]);
        await context.addInitScript(RECORD_LONG_TASKS);
        await sleep(BROWSER_STARTUP_MS);
        for (let run = 0; run < (cold === 0 ? RUNS : 1); run++) await measure(context);
      } finally {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      }
    }
    // measure() ran cold first, then the warm runs, then the other cold ones.
    const coldAt = [0, ...Array.from({ length: COLD_RUNS - 1 }, (_, i) => RUNS + i)];
    const coldOf = (xs: number[]) => summarise(coldAt.map((i) => xs[i]!));
    const warmOf = (xs: number[]) => summarise(xs.slice(1, RUNS));
    const result = {
      bench: 'ui',
      tables: TABLES,
      bookingsOnTheDay: BOOKINGS,
      runs: RUNS,
      coldRuns: COLD_RUNS,
      coldMs: { drawn: coldOf(drawn), interactive: coldOf(interactive), clickToDrawer: coldOf(drawer) },
      warmMs: { drawn: warmOf(drawn), interactive: warmOf(interactive), clickToDrawer: warmOf(drawer) },
      initialJsKbGzip: initialJsKb(dist),
      // The build's files, not counting their .br and .gz copies.
      assets: readdirSync(join(dist, 'assets')).filter((f) => !/\.(br|gz)$/.test(f)).length,
    };
    return {
      ...result,
      targets: {
        interactiveUnder1s: result.coldMs.interactive.p50 < 1000 && result.warmMs.interactive.p99 < 1000,
        initialJsAtMost250kB: result.initialJsKbGzip <= 250,
      },
    };
  } finally {
    await sql.end();
    await server.close();
    rmSync(dist, { recursive: true, force: true });
  }
}
