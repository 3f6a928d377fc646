import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, PASSWORD, startServer, type TestServer } from '@tobeout/server/testing';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';

export const hasChromium = existsSync(CHROMIUM.executablePath);
/** Screenshots land here (kept after the run, for people to look at). */
export const OUTPUT_DIR = join(import.meta.dirname, '..', 'test-output');

if (!hasChromium && process.env.TOBEOUT_REQUIRE_BROWSER === '1') {
  throw new Error(
    `TOBEOUT_REQUIRE_BROWSER=1 but there is no Chromium at ${CHROMIUM.executablePath} (apt-get install chromium).`,
  );
}

/** Debian Chromium with the flags this closed network needs, in a fresh profile. */
export async function launch(
  viewport = { width: 1280, height: 800 },
): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'tobeout-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM.executablePath,
    viewport,
    args: CHROMIUM.args,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Saves a screenshot in the output folder (kept after the run, for people to look at). */
export const shot = (page: Page, name: string) => page.screenshot({ path: join(OUTPUT_DIR, name) });

/** Lets drawer and modal transitions finish before a still screenshot. */
export const settle = (page: Page) => page.waitForTimeout(400);

/**
 * Closes the notifications still on screen (they would cover the page in a screenshot). More may
 * follow from the queue (at most four show at once), and one may close by itself meanwhile.
 */
export async function dismissNotifications(page: Page) {
  await expect
    .poll(
      async () => {
        for (const close of await page.locator('.mantine-Notification-closeButton').all())
          await close.click({ timeout: 1000 }).catch(() => undefined);
        return page.locator('.mantine-Notification-root').count();
      },
      { timeout: 15_000 },
    )
    .toBe(0);
}

/** Signs in on the login page that `url` shows to someone signed out (then lands on `url`). */
export async function signIn(page: Page, url: string, email: string) {
  await page.context().clearCookies();
  await page.goto(url);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export type Browser = Awaited<ReturnType<typeof launch>>;

/**
 * A test server over a fresh PGlite serving the built client, and a Chromium, for the tests of a
 * describe block (closed after them). `set` receives both once they run.
 */
export function withServerAndBrowser(set: (w: { server: TestServer; browser: Browser }) => void) {
  let w: { server: TestServer; browser: Browser } | undefined;
  beforeAll(async () => {
    w = {
      server: await startServer('pglite', { clientDist: inject('clientDist') }),
      browser: await launch(),
    };
    set(w);
  });
  afterAll(async () => {
    await w?.browser.close();
    await w?.server.close();
  });
}
