import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
/** Screenshots land here (kept after the run, for people to look at). */
export const OUTPUT_DIR = join(import.meta.dirname, '..', 'test-output');

if (!hasChromium && process.env.TOBEOUT_REQUIRE_BROWSER === '1') {
  throw new Error(
    `TOBEOUT_REQUIRE_BROWSER=1 but there is no Chromium at ${CHROMIUM} (apt-get install chromium).`,
  );
}

/** Debian Chromium with the flags this closed network needs, in a fresh profile. */
export async function launch(
  viewport = { width: 1280, height: 800 },
): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'tobeout-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    viewport,
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
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
