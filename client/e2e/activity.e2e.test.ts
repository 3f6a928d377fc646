import { createWeeklyHours } from '@tobeout/server/seed';
import { memberOf, restaurantWithMember, type TestServer } from '@tobeout/server/testing';
import { addDays, todayIn, weekdayOf } from '@tobeout/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  type Browser,
  dismissNotifications,
  hasChromium,
  launch,
  settle,
  shot,
  signIn,
  withServerAndBrowser,
} from './browser';

const TZ = 'Europe/Berlin';

/** The first day after today with dinner service (the seeded hours skip Mondays). */
function nextOpenDay(): string {
  let date = addDays(todayIn(TZ), 1);
  while (weekdayOf(date) === 1) date = addDays(date, 1);
  return date;
}

const rows = (page: Page) => page.getByRole('table', { name: 'Activity' }).locator('tbody tr');

async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe.skipIf(!hasChromium)('activity log in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  withServerAndBrowser((w) => ({ server, browser } = w));

  it('a manager sees who did what, filters it, and follows an entry to the booking and the floor', async () => {
    const manager = await restaurantWithMember(server, 'manager', { name: 'Bistro Log', timezone: TZ });
    const staff = await memberOf(server, manager.restaurant.id, 'staff');
    await createWeeklyHours(server.app.db.db, manager.restaurant.id);
    const { api } = manager;
    const t4 = await api.tables.create.mutate({ name: 'T4', minGuests: 2, maxGuests: 4, x: 200, y: 200 });
    await api.tables.create.mutate({ name: 'T5', minGuests: 2, maxGuests: 6, x: 500, y: 200 });
    // Staff take a booking; the manager moves it and renames the table.
    const date = nextOpenDay();
    const booking = await staff.api.bookings.create.mutate({
      date,
      time: '20:00',
      partySize: 4,
      guest: { name: 'Anna Schmidt' },
      tableIds: [t4.id],
    });
    await api.bookings.update.mutate({ id: booking.id, version: booking.version, time: '20:30' });
    await api.tables.update.mutate({ id: t4.id, name: 'Table 4' });

    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, `${server.url}/activity`, manager.email);
    await page.getByRole('heading', { name: 'Activity', level: 2 }).waitFor();
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Activity' })
      .waitFor();

    // Newest first: the rename, the move, the booking (by staff), the tables.
    await expect.poll(() => rows(page).count()).toBeGreaterThanOrEqual(5);
    const first = rows(page).first();
    await first.getByText('Table changed').waitFor();
    await first.getByText('Table 4 · name T4 → Table 4').waitFor();
    await first.getByText(manager.user.name).waitFor();
    await page.getByText('Anna Schmidt · 20:00 → 20:30').waitFor();
    const created = rows(page).filter({ hasText: 'Booking created' });
    await created.getByText(staff.user.name).waitFor();
    await created.getByText(/^Anna Schmidt ×4 · .* 20:00 · T4$/).waitFor();
    await page.getByLabel(/Live: connected/i).waitFor({ timeout: 15_000 });
    await dismissNotifications(page);
    await shot(page, 'activity.png');

    // Only bookings: kept in the address.
    await choose(page, 'Category', 'Bookings');
    await page.waitForURL(/\/activity\?entity=booking$/);
    await expect
      .poll(async () => [
        ...new Set(await rows(page).evaluateAll((r) => r.map((e) => e.getAttribute('data-entity')))),
      ])
      .toEqual(['booking']);
    // And only what the staff member did.
    await choose(page, 'By', staff.user.name);
    await expect.poll(() => rows(page).count()).toBe(1);
    expect(page.url()).toContain(`entity=booking&actor=${staff.user.id}`);

    // The entry opens the booking in its drawer.
    await rows(page).getByRole('button', { name: 'Booking created' }).click();
    const drawer = page.getByRole('dialog', { name: /Booking / });
    await drawer.getByRole('heading', { name: 'Anna Schmidt' }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    // Back undoes the actor filter.
    await page.goBack();
    await page.waitForURL(/\/activity\?entity=booking$/);
    await expect.poll(() => rows(page).count()).toBe(2);

    // Tables: the rename leads to the floor.
    await choose(page, 'Category', 'Tables');
    await expect.poll(() => rows(page).count()).toBe(3);
    await rows(page).first().getByRole('link', { name: 'Table changed' }).click();
    await page.waitForURL(/\/floor/);
    await page.goBack();
    await page.waitForURL(/\/activity\?entity=table$/);
    await expect.poll(() => rows(page).count()).toBe(3);

    // Nothing matches: say so, and clear.
    await choose(page, 'By', staff.user.name);
    await page.getByText('No activity matches these filters').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.waitForURL(/\/activity$/);
    await expect.poll(() => rows(page).count()).toBeGreaterThanOrEqual(5);

    // Dark mode.
    await page.getByRole('button', { name: 'Switch to dark mode' }).click();
    await page.mouse.move(640, 700); // away from the toggle's tooltip
    await settle(page);
    await shot(page, 'activity-dark.png');
    expect(errors).toEqual([]);
    await page.close();

    // A phone: entries as cards, the filters folded away.
    const phone = await launch({ width: 390, height: 844 });
    try {
      const small = await phone.context.newPage();
      await signIn(small, `${server.url}/activity`, manager.email);
      await small.getByRole('list', { name: 'Activity' }).getByText('Table changed').waitFor();
      await small.getByRole('button', { name: 'Filters' }).waitFor();
      await dismissNotifications(small);
      await shot(small, 'activity-phone.png');
      await small.getByRole('button', { name: 'Filters' }).click();
      await choose(small, 'Category', 'Tables');
      await small.waitForURL(/\/activity\?entity=table$/);
      await expect.poll(() => small.getByRole('list', { name: 'Activity' }).locator('li').count()).toBe(3);
      await small.getByRole('button', { name: 'Filters (1)' }).waitFor();
      await settle(small);
      await shot(small, 'activity-phone-filtered.png');
    } finally {
      await phone.close();
    }

    // Staff: managers only.
    const staffPage = await browser.context.newPage();
    await signIn(staffPage, `${server.url}/activity`, staff.email);
    await staffPage.getByText('Managers only').waitFor();
    await shot(staffPage, 'activity-staff.png');
    await staffPage.close();
  });
});
