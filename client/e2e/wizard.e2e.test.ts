import { createGuests, createReservation, createTables, createWeeklyHours } from '@tobeout/server/seed';
import { restaurantWithMember, type TestServer } from '@tobeout/server/testing';
import { addDays, todayIn, weekdayOf, zonedToInstant } from '@tobeout/shared';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Browser, hasChromium, settle, shot, signIn, withServerAndBrowser } from './browser';

const TZ = 'Europe/Berlin';

/** The first day after today with dinner service (the seeded hours skip Mondays). */
function nextOpenDay(): string {
  let date = addDays(todayIn(TZ), 1);
  while (weekdayOf(date) === 1) date = addDays(date, 1);
  return date;
}

/** Clicks a Mantine chip (a hidden radio with its label) by its value. */
async function chip(scope: Locator, value: string) {
  const id = await scope.locator(`input[type="radio"][value="${value}"]`).getAttribute('id');
  await scope.locator(`label[for="${id}"]`).click();
}

async function chooseTime(page: Page, dialog: Locator, time: string) {
  await dialog.getByLabel('Time', { exact: true }).click();
  // A full time reads "20:00 full".
  await page.getByRole('option', { name: new RegExp(`^${time}`) }).click();
}

describe.skipIf(!hasChromium)('booking wizard in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  withServerAndBrowser((w) => ({ server, browser } = w));

  it('books through the wizard from the header and finds the booking on the floor status view', async () => {
    const host = await restaurantWithMember(server, 'manager', { name: 'Bistro Wizard' });
    const db = server.app.db.db;
    const rid = host.restaurant.id;
    await host.api.tables.setFloor.mutate({ width: 1200, height: 800 });
    await createWeeklyHours(db, rid);
    const tables = await createTables(db, rid, [
      { name: 'T1', section: 'Window', min: 1, max: 2, shape: 'round', x: 150, y: 150 },
      { name: 'T2', section: 'Window', min: 2, max: 4, shape: 'square', x: 400, y: 150 },
      { name: 'T3', section: 'Window', min: 2, max: 4, shape: 'square', x: 650, y: 150 },
      { name: 'T4', section: 'Main room', min: 2, max: 4, shape: 'square', x: 300, y: 500 },
      { name: 'T5', section: 'Main room', min: 4, max: 6, shape: 'rectangle', x: 650, y: 500 },
      { name: 'B1', section: 'Bar', min: 1, max: 2, shape: 'round', x: 1000, y: 200 },
    ]);
    const byName = new Map(tables.map((t) => [t.name, t]));
    const date = nextOpenDay();
    // Someone already sits at T2 from 19:00, with a wish.
    const [regular] = await createGuests(db, rid, [{ name: 'Anna Schmidt', phone: '+491701112233' }]);
    await createReservation(db, {
      restaurantId: rid,
      guestId: regular!.id,
      tableIds: [byName.get('T2')!.id],
      startsAt: zonedToInstant(date, '19:00', TZ),
      endsAt: zonedToInstant(date, '21:00', TZ),
      partySize: 3,
    });

    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, `${server.url}/`, host.email);

    // The shortcut opens the wizard too (and Escape closes it while nothing was entered).
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await page.keyboard.press('n');
    await page.getByRole('dialog', { name: 'New booking' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'New booking' }).waitFor({ state: 'detached' });

    // Step 1: date, party, time.
    await page.getByRole('button', { name: 'New booking' }).click();
    const dialog = page.getByRole('dialog', { name: 'New booking' });
    await dialog.getByText('Step 1 of 6: When').waitFor();
    await chip(dialog, date);
    await chip(dialog, '4');
    await chooseTime(page, dialog, '19:30');
    await settle(page);
    await shot(page, 'wizard-1-when.png');
    await dialog.getByRole('button', { name: 'Next' }).click();

    // Step 2: free tables, the best one chosen.
    await dialog.getByText('is available for 4 guests').waitFor();
    const best = dialog.getByRole('radio', { checked: true });
    await expect.poll(() => best.textContent()).toContain('Best fit');
    await shot(page, 'wizard-2-availability.png');
    await dialog.getByRole('button', { name: 'Next' }).click();

    // Step 3: a new guest; the tables are now held.
    await dialog.getByText('held for you until').waitFor();
    await dialog.getByLabel('Phone').fill('0170 555');
    await dialog.getByLabel('Name').fill('Clara Weber');
    await expect.poll(() => dialog.getByText(/is not a valid phone number/).count()).toBe(1);
    await dialog.getByLabel('Phone').fill('0170 5551234');
    await dialog.getByText('Saved as +491705551234').waitFor();
    await shot(page, 'wizard-3-guest.png');
    await dialog.getByRole('button', { name: 'Next' }).click();

    // Step 4: the held table, with the others to move to.
    await dialog.getByText('Step 4 of 6: Table').waitFor();
    await dialog.getByText('Held', { exact: true }).waitFor();
    await shot(page, 'wizard-4-table.png');
    await dialog.getByRole('button', { name: 'Next' }).click();

    // Step 5: requests.
    await dialog.getByRole('button', { name: 'Birthday' }).click();
    await dialog.getByLabel('Special requests (optional)').press('End');
    await dialog.getByLabel('Special requests (optional)').pressSequentially(', cake at dessert');
    await shot(page, 'wizard-5-requests.png');
    await dialog.getByRole('button', { name: 'Next' }).click();

    // Step 6: the summary, then book.
    const summary = dialog.getByRole('region', { name: 'Booking summary' });
    await summary.getByText('Clara Weber').waitFor();
    await shot(page, 'wizard-6-confirm.png');
    await dialog.getByRole('button', { name: 'Confirm booking' }).click();
    await dialog.waitFor({ state: 'detached' });

    const listed = await host.api.bookings.list.query({ date });
    const booking = listed.items.find((b) => b.guest.name === 'Clara Weber');
    expect(booking).toMatchObject({
      time: '19:30',
      partySize: 4,
      status: 'confirmed',
      source: 'staff',
      guest: { phone: '+491705551234' },
      specialRequests: 'Birthday, cake at dessert',
    });
    const notice = page.getByRole('alert').filter({ hasText: `Booking confirmed · ${booking!.code}` });
    await notice.waitFor();
    await notice.getByRole('button', { name: 'Open booking' }).waitFor();
    await settle(page);
    await shot(page, 'wizard-booked.png');
    const bookedTable = booking!.tables[0]!.name;

    // The floor at that date and time: the table is reserved, its hover card names the guest.
    await page.goto(`${server.url}/floor?view=plan&date=${date}&at=19:30`);
    const onPlan = (name: string) => page.locator(`[data-table-id][aria-label^="Table ${name},"]`);
    await expect.poll(() => onPlan(bookedTable).getAttribute('data-status')).toBe('reserved');
    expect(await onPlan('T2').getAttribute('data-status')).toBe('reserved');
    expect(await onPlan('T1').getAttribute('data-status')).toBe('free');
    await onPlan(bookedTable).hover();
    // The card is labelled by its table.
    const card = page.getByRole('dialog', { name: new RegExp(`^Table ${bookedTable},`) });
    await card.getByText('Clara Weber').waitFor();
    await card.getByText('Birthday, cake at dessert').waitFor();
    await settle(page);
    await shot(page, 'floor-status.png');

    // Keyboard: focus shows the same card; later the table is free again.
    await page.mouse.move(0, 0);
    await page.getByRole('slider', { name: 'Time shown' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => onPlan(bookedTable).getAttribute('data-status')).toBe('free');
    expect(new URL(page.url()).searchParams.get('at')).toBe('21:30');

    // A free table opens the wizard for it at that time.
    await onPlan('T1').click();
    const prefilled = page.getByRole('dialog', { name: 'New booking' });
    await expect.poll(() => prefilled.getByLabel('Time', { exact: true }).inputValue()).toBe('21:30');
    await prefilled.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => prefilled.getByRole('radio', { checked: true }).textContent()).toContain('T1');
    await prefilled.getByRole('button', { name: 'Cancel' }).click();
    await prefilled.waitFor({ state: 'detached' });

    // Walk-in from the floor: party size, then Seat (the suggestion is preselected).
    await page.getByRole('button', { name: 'Walk-in' }).click();
    const walkIn = page.getByRole('dialog', { name: 'Walk-in: seat a guest now' });
    await chip(walkIn, '2');
    await settle(page);
    await shot(page, 'wizard-walk-in.png');
    await walkIn.getByRole('button', { name: /^Seat 2 at / }).click();
    await walkIn.waitFor({ state: 'detached' });
    const seated = await host.api.bookings.list.query({ q: 'Walk-in', status: ['seated'] });
    expect(seated.items).toMatchObject([{ source: 'walk_in', partySize: 2, guest: { name: 'Walk-in' } }]);

    // A phone: the wizard fills the screen, the header shows an icon.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: 'New booking' }).click();
    const phone = page.getByRole('dialog', { name: 'New booking' });
    await chip(phone, date);
    await chooseTime(page, phone, '20:00');
    await settle(page);
    await shot(page, 'wizard-phone.png');
    await phone.getByRole('button', { name: 'Next' }).click();
    await phone.getByText('is available for 2 guests').waitFor();
    await settle(page);
    await shot(page, 'wizard-phone-availability.png');
    expect(errors).toEqual([]);
  });

  it('offers the free alternatives when the time is full or the table is taken first, and books one', async () => {
    const host = await restaurantWithMember(server, 'staff', { name: 'Bistro Busy' });
    const db = server.app.db.db;
    const rid = host.restaurant.id;
    await createWeeklyHours(db, rid);
    const [tableA1] = await createTables(db, rid, [
      { name: 'A1', section: 'Main', min: 1, max: 4, shape: 'square', x: 200, y: 200 },
      { name: 'A2', section: 'Main', min: 1, max: 4, shape: 'square', x: 500, y: 200 },
    ]);
    const date = nextOpenDay();
    const guest = { name: 'Busy Bee', phone: '+491709998877' };
    // 20:00 is fully booked.
    const a1 = await host.api.bookings.create.mutate({ date, time: '20:00', partySize: 2, guest });
    const a2 = await host.api.bookings.create.mutate({ date, time: '20:00', partySize: 2, guest });
    expect(new Set([...a1.tables, ...a2.tables].map((t) => t.name))).toEqual(new Set(['A1', 'A2']));

    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, `${server.url}/`, host.email);
    page.on(
      'request',
      (r) => r.method() === 'POST' && console.log('POST', r.url(), r.postData()?.slice(0, 200)),
    );
    await page.getByRole('button', { name: 'New booking' }).click();
    const dialog = page.getByRole('dialog', { name: 'New booking' });
    await chip(dialog, date);
    await chip(dialog, '2');
    await chooseTime(page, dialog, '20:00');
    await dialog.getByRole('button', { name: 'Next' }).click();

    // Not available: the reason and the nearest free times.
    const full = dialog.getByRole('alert').filter({ hasText: '20:00 is not available' });
    await full.getByText(`No table for 2 is free on ${date} at 20:00.`).waitFor();
    await settle(page);
    await shot(page, 'wizard-unavailable.png');
    await full.getByRole('button', { name: '21:30 at A1' }).click();
    await dialog.getByText('is available for 2 guests').waitFor();
    await expect.poll(() => dialog.getByRole('radio', { checked: true }).textContent()).toContain('A1');

    // Someone else takes A1 at 21:30 just as the host goes on: while the hold is on its way.
    let raced = false;
    await page.route('**/trpc/availability.hold*', async (route) => {
      if (!raced) {
        raced = true;
        await host.api.bookings.create.mutate({
          date,
          time: '21:30',
          partySize: 2,
          guest: { name: 'Fast Fred' },
          tableIds: [tableA1!.id],
        });
      }
      await route.continue();
    });
    await dialog.getByRole('button', { name: 'Next' }).click();
    const conflict = dialog.getByRole('alert').filter({ hasText: 'Someone else was faster' });
    await conflict.getByText(/A1 is already taken at 21:30/).waitFor();
    await settle(page);
    await shot(page, 'wizard-conflict.png');
    await conflict.getByRole('button', { name: '21:30 at A2' }).click();
    await expect.poll(() => dialog.getByRole('radio', { checked: true }).textContent()).toContain('A2');
    await dialog.getByRole('button', { name: 'Next' }).click();

    // A known guest, found by name.
    await dialog.getByText('held for you until').waitFor();
    await dialog.getByLabel('Find a guest').fill('Busy');
    await page.getByRole('option', { name: /Busy Bee/ }).click();
    await dialog.getByRole('button', { name: 'Change guest' }).waitFor();
    await dialog.getByRole('button', { name: 'Next' }).click();
    await dialog.getByRole('button', { name: 'Next' }).click();
    await dialog.getByRole('button', { name: 'Next' }).click();
    await dialog.getByRole('region', { name: 'Booking summary' }).getByText('A2').waitFor();
    // A double click books once (one idempotency key per wizard).
    await dialog.getByRole('button', { name: 'Confirm booking' }).dblclick();
    await dialog.waitFor({ state: 'detached' });

    const listed = await host.api.bookings.list.query({ date, q: 'Busy Bee' });
    const late = listed.items.filter((b) => b.time === '21:30');
    expect(late).toHaveLength(1);
    expect(late[0]).toMatchObject({ partySize: 2, guest: { id: a1.guest.id }, tables: [{ name: 'A2' }] });
    expect(errors).toEqual([]);
  });
});
