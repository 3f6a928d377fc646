import { createGuests, createReservation, createTables, createWeeklyHours } from '@tobeout/server/seed';
import { PASSWORD, restaurantWithMember, type TestServer } from '@tobeout/server/testing';
import { addDays, todayIn, weekdayOf, zonedToInstant } from '@tobeout/shared';
import { describe, expect, it } from 'vitest';
import {
  type Browser,
  dismissNotifications,
  hasChromium,
  settle,
  shot,
  withServerAndBrowser,
} from './browser';
import { bar, drag, grabPoint } from './timeline';

const TZ = 'Europe/Berlin';
/** A Tuesday two to three weeks ahead (moves into the past are refused): lunch and dinner. */
const DAY = (() => {
  let d = addDays(todayIn(TZ), 14);
  while (weekdayOf(d) !== 2) d = addDays(d, 1);
  return d;
})();
const at = (time: string) => zonedToInstant(DAY, time, TZ);
const MIN = 60_000;

describe.skipIf(!hasChromium)('bookings timeline in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  withServerAndBrowser((w) => ({ server, browser } = w));

  it('shows the day, moves and resizes bookings by dragging, refuses a taken slot, cancels in the drawer', async () => {
    const manager = await restaurantWithMember(server, 'manager', { name: 'Bistro Timeline', timezone: TZ });
    const { api } = manager;
    const db = server.app.db.db;
    const rid = manager.restaurant.id;
    await createWeeklyHours(db, rid);
    const tables = await createTables(db, rid, [
      { name: 'T1', section: 'Window', min: 1, max: 2, shape: 'round', x: 100, y: 100 },
      { name: 'T2', section: 'Window', min: 2, max: 4, shape: 'square', x: 300, y: 100 },
      { name: 'T3', section: 'Main room', min: 2, max: 6, shape: 'rectangle', x: 600, y: 400 },
      { name: 'T4', section: 'Main room', min: 2, max: 4, shape: 'square', x: 800, y: 400 },
      { name: 'B1', section: 'Bar', min: 1, max: 2, shape: 'round', x: 950, y: 100 },
    ]);
    const id = Object.fromEntries(tables.map((t) => [t.name, t.id]));
    const [anna, ben, chloe, david, eva] = await createGuests(db, rid, [
      { name: 'Anna Schmidt', phone: '+491701234567', email: 'anna@example.com' },
      { name: 'Ben Ortiz', phone: '+491709876543' },
      { name: 'Chloé Martin' },
      { name: 'David Kim', phone: '+4915112345678' },
      { name: 'Eva Novak' },
    ]);
    const book = (
      guestId: string,
      table: string,
      from: string,
      minutes: number,
      partySize: number,
      status?: 'created',
    ) =>
      createReservation(db, {
        restaurantId: rid,
        guestId,
        tableIds: [id[table]!],
        startsAt: at(from),
        endsAt: new Date(at(from).getTime() + minutes * MIN),
        partySize,
        ...(status ? { status } : {}),
      });
    const a = await book(anna!.id, 'T1', '19:00', 90, 2);
    const b = await book(ben!.id, 'T2', '19:00', 120, 4);
    const c = await book(chloe!.id, 'T3', '12:30', 90, 3, 'created');
    await book(david!.id, 'T4', '20:00', 120, 4);
    await book(eva!.id, 'B1', '18:00', 90, 2);
    // Requests through the API, so the booking has a first line of history.
    await api.bookings.update.mutate({ id: a.id, version: 1, specialRequests: 'Window seat, birthday cake' });
    await api.tables.block.mutate({
      tableIds: [id.T4!],
      from: `${DAY}T12:00`,
      to: `${DAY}T14:00`,
      reason: 'Private lunch set-up',
    });

    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/bookings?date=${DAY}`);
    await page.getByLabel('Email').fill(manager.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();

    // The day: five bars, on their tables, with the block and the day's totals.
    await bar(page, a.id).waitFor();
    expect(await page.locator('[data-booking-id][role="button"]').count()).toBe(5);
    expect(await bar(page, a.id).getAttribute('data-table-id')).toBe(id.T1);
    expect(await bar(page, c.id).getAttribute('data-status')).toBe('created');
    expect(await bar(page, a.id).getAttribute('aria-label')).toBe(
      'Anna Schmidt, 2 guests, 19:00–20:30, Confirmed, has special requests',
    );
    await page.getByRole('note', { name: /Blocked 12:00–14:00: Private lunch set-up/ }).waitFor();
    await page.getByText('5 bookings · 15 guests').waitFor();
    await page.getByLabel(/Live: connected/i).waitFor({ timeout: 15_000 });
    await shot(page, 'bookings-timeline.png');

    // Drag Anna's booking two rows down (T1 → T3) at the same time.
    const rowHeight = (await page.locator('[data-table-name="T1"]').boundingBox())!.height;
    const start = await grabPoint(page, a.id);
    await drag(page, start, 0, rowHeight * 2);
    await page.getByText('Anna Schmidt moved to T3.').waitFor();
    await expect
      .poll(async () => (await api.bookings.get.query({ id: a.id })).tables.map((t) => t.name))
      .toEqual(['T3']);
    expect((await api.bookings.get.query({ id: a.id })).time).toBe('19:00');
    // No drawer opened by the drop.
    expect(await page.getByRole('dialog').count()).toBe(0);

    await page.reload();
    await bar(page, a.id).waitFor();
    expect(await bar(page, a.id).getAttribute('data-table-id')).toBe(id.T3);
    const row = page.locator(`[data-table-name="T3"]`);
    expect(await row.locator(`[data-booking-id="${a.id}"]`).count()).toBe(1);

    // Onto Ben's table at the same time: the server refuses, the bar snaps back, the reason shows.
    const again = await grabPoint(page, a.id);
    await drag(page, again, 0, -rowHeight);
    const refusal = page.locator('[data-refusal]');
    await refusal.getByText(/T2 is already taken at 19:00/).waitFor();
    await refusal.getByText('Free instead:').waitFor();
    await settle(page);
    await shot(page, 'bookings-refused.png');
    await expect.poll(() => bar(page, a.id).getAttribute('data-table-id')).toBe(id.T3);
    expect((await api.bookings.get.query({ id: a.id })).tables.map((t) => t.name)).toEqual(['T3']);
    expect((await api.bookings.get.query({ id: b.id })).tables.map((t) => t.name)).toEqual(['T2']);

    // Later by one slot (30 min → 19:30) and half an hour longer (edge).
    const slotPx = Number(await page.getByRole('region', { name: 'Timeline' }).getAttribute('data-slot-px'));
    const third = await grabPoint(page, a.id);
    await drag(page, third, slotPx, 0);
    await expect.poll(async () => (await api.bookings.get.query({ id: a.id })).time).toBe('19:30');
    await expect.poll(() => bar(page, a.id).getAttribute('data-time')).toBe('19:30');
    const { box: edge } = await grabPoint(page, a.id);
    await drag(page, { x: edge.x + edge.width - 3, y: edge.y + edge.height / 2 }, slotPx, 0);
    await expect.poll(async () => (await api.bookings.get.query({ id: a.id })).durationMin).toBe(120);

    // Open the booking: its details and history; cancel it with a reason. (The bar re-renders
    // while the resize settles and notifications may cover it: click until the drawer is open.)
    const drawer = page.getByRole('dialog', { name: /Booking / });
    await dismissNotifications(page);
    await expect
      .poll(
        async () => {
          if (!(await drawer.isVisible()))
            await bar(page, a.id)
              .click({ timeout: 2000 })
              .catch(() => undefined);
          return drawer.getByRole('heading', { name: 'Anna Schmidt' }).isVisible();
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(true);
    await drawer.getByText('Window seat, birthday cake', { exact: true }).waitFor();
    await drawer.getByText(/Moved tables T1 → T3 by /).waitFor();
    await drawer.getByText(/Changed duration 1 h 30 min → 2 h by /).waitFor();
    expect(await drawer.getByRole('link', { name: /\+491701234567/ }).getAttribute('href')).toBe(
      'tel:+491701234567',
    );
    await dismissNotifications(page);
    await settle(page);
    await shot(page, 'booking-drawer.png');

    await drawer.getByRole('button', { name: 'Cancel booking' }).click();
    const confirm = page.getByRole('dialog', { name: 'Cancel this booking?' });
    await confirm.getByLabel('Reason').fill('Guest is ill');
    await settle(page);
    await shot(page, 'booking-cancel.png');
    await confirm.getByRole('button', { name: 'Cancel booking' }).click();
    await drawer.getByText('This booking is cancelled; its status cannot change any more.').waitFor();
    await drawer.getByText(/Cancelled by .*: Guest is ill/).waitFor();
    const cancelled = await api.bookings.get.query({ id: a.id });
    expect({ status: cancelled.status, reason: cancelled.cancelReason }).toEqual({
      status: 'canceled',
      reason: 'Guest is ill',
    });
    await page.keyboard.press('Escape');
    await expect.poll(() => bar(page, a.id).count()).toBe(0);

    // The keyboard opens a booking too; edit it in the drawer (one guest fewer, a request).
    await bar(page, b.id).focus();
    await page.keyboard.press('Enter');
    const benDrawer = page.getByRole('dialog', { name: /Booking / });
    await benDrawer.getByRole('heading', { name: 'Ben Ortiz' }).waitFor();
    await benDrawer.getByRole('button', { name: 'Edit' }).click();
    const form = benDrawer.getByRole('form', { name: 'Edit booking' });
    await form.getByLabel('Guests').fill('3');
    await form.getByLabel('Special requests').fill('High chair');
    await dismissNotifications(page);
    await settle(page);
    await shot(page, 'booking-edit.png');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await benDrawer.getByText('3 guests · T2').waitFor();
    await benDrawer.getByText(/Changed party 4 → 3, requests “High chair” by /).waitFor();
    const benNow = await api.bookings.get.query({ id: b.id });
    expect({ party: benNow.partySize, requests: benNow.specialRequests }).toEqual({
      party: 3,
      requests: 'High chair',
    });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => bar(page, b.id).getAttribute('aria-label')).toMatch(/^Ben Ortiz, 3 guests,/);

    // The list, with the cancelled booking in it.
    await page.getByText('List', { exact: true }).click();
    const list = page.getByRole('table', { name: 'Bookings' });
    await list.waitFor();
    expect(await list.locator('tbody tr').count()).toBe(5);
    await list.getByText('Cancelled').waitFor();
    await dismissNotifications(page);
    await shot(page, 'bookings-list.png');
    await page.getByLabel('Search').fill('chlo');
    await expect.poll(() => list.locator('tbody tr').count()).toBe(1);
    await list.getByRole('button', { name: /Chloé Martin/ }).click();
    await page
      .getByRole('dialog', { name: /Booking / })
      .getByRole('heading', { name: 'Chloé Martin' })
      .waitFor();
    await page.keyboard.press('Escape');

    // Dark mode, and a phone (which opens on the list).
    await page.getByText('Timeline', { exact: true }).click();
    await bar(page, b.id).waitFor();
    await page.getByRole('button', { name: 'Switch to dark mode' }).click();
    await settle(page);
    await shot(page, 'bookings-timeline-dark.png');
    await bar(page, b.id).click();
    await page
      .getByRole('dialog', { name: /Booking / })
      .getByRole('heading', { name: 'Ben Ortiz' })
      .waitFor();
    await dismissNotifications(page);
    await settle(page);
    await shot(page, 'booking-drawer-dark.png');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Switch to light mode' }).click();

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/bookings?date=${DAY}`);
    await page.getByRole('table', { name: 'Bookings' }).waitFor();
    await shot(page, 'bookings-phone.png');
    await page.getByText('Timeline', { exact: true }).click();
    await bar(page, b.id).waitFor();
    await shot(page, 'bookings-phone-timeline.png');
    await bar(page, b.id).click();
    await page
      .getByRole('dialog', { name: /Booking / })
      .getByRole('heading', { name: 'Ben Ortiz' })
      .waitFor();
    await settle(page);
    await shot(page, 'booking-drawer-phone.png');
    expect(errors).toEqual([]);
  });
});
