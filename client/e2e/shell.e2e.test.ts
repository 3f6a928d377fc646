import { join } from 'node:path';
import { restaurantWithMember, type TestServer } from '@tobeout/server/testing';
import { describe, expect, it } from 'vitest';
import { type Browser, hasChromium, OUTPUT_DIR, withServerAndBrowser } from './browser';

describe.skipIf(!hasChromium)('web shell in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  withServerAndBrowser((w) => ({ server, browser } = w));

  it('signs in, sees the shell with navigation and a live connection, and settings persist', async () => {
    const owner = await restaurantWithMember(server, 'owner', { name: 'Chez Playwright' });
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(server.url);
    await page.getByLabel('Email').fill(owner.email);
    await page.getByLabel('Password').fill('wrong password!');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByText('Wrong e-mail or password.').count()).toBeGreaterThan(0);

    await page.getByLabel('Password').fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Sign in' }).click();
    for (const name of ['Dashboard', 'Bookings', 'Floor', 'Guests', 'Waitlist', 'Analytics', 'Settings']) {
      await page.getByRole('link', { name }).first().waitFor();
    }
    await expect.poll(() => page.getByText('Chez Playwright').count()).toBeGreaterThan(0);
    await page.getByLabel(/Live: connected/i).waitFor({ timeout: 15_000 });
    await page.screenshot({ path: join(OUTPUT_DIR, 'shell.png') });

    // Settings: rename the restaurant; it survives a reload.
    await page.getByRole('link', { name: 'Settings' }).first().click();
    const name = page.getByLabel('Name', { exact: true });
    await name.fill('Chez Chromium');
    await page.getByRole('button', { name: /save/i }).first().click();
    await expect
      .poll(
        async () =>
          (
            await server.app.services.deps.db.query.restaurants.findFirst({
              where: (r, { eq }) => eq(r.id, owner.restaurant.id),
            })
          )?.name,
      )
      .toBe('Chez Chromium');
    await page.reload();
    await expect.poll(() => page.getByLabel('Name', { exact: true }).inputValue()).toBe('Chez Chromium');
    await page.screenshot({ path: join(OUTPUT_DIR, 'settings.png'), fullPage: true });

    // Phone width: navigation folds behind a burger.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(OUTPUT_DIR, 'shell-phone.png') });
    expect(errors).toEqual([]);
  });
});
