import { join } from 'node:path';
import { createGuests, createReservation, createTables, createWeeklyHours } from '@tobeout/server/seed';
import { PASSWORD, restaurantWithMember, type TestServer } from '@tobeout/server/testing';
import { addDays, todayIn, weekdayOf, zonedToInstant } from '@tobeout/shared';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  type Browser,
  dismissNotifications,
  hasChromium,
  OUTPUT_DIR,
  settle,
  shot,
  withServerAndBrowser,
} from './browser';

const TZ = 'Europe/Berlin';
const TODAY = todayIn(TZ);
const HOUR = 3_600_000;

/** The first day after today with dinner service (the seeded hours skip Mondays). */
function nextOpenDay(): string {
  let date = addDays(TODAY, 1);
  while (weekdayOf(date) === 1) date = addDays(date, 1);
  return date;
}

/** Clicks a Mantine chip (a hidden radio with its label) by its value. */
async function chip(scope: Locator, value: string) {
  const id = await scope.locator(`input[type="radio"][value="${value}"]`).getAttribute('id');
  await scope.locator(`label[for="${id}"]`).click();
}

const rows = (page: Page) => page.getByRole('table', { name: 'Guests' }).locator('tbody tr');

describe.skipIf(!hasChromium)('guest book in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  withServerAndBrowser((w) => ({ server, browser } = w));

  it('finds a guest despite a typo, shows their profile, stats and bookings, and books again', async () => {
    const manager = await restaurantWithMember(server, 'manager', { name: 'Bistro Guests', timezone: TZ });
    const { api } = manager;
    const db = server.app.db.db;
    const rid = manager.restaurant.id;
    await createWeeklyHours(db, rid);
    const [t1, t2] = await createTables(db, rid, [
      { name: 'T1', section: 'Window', min: 2, max: 4, shape: 'square', x: 150, y: 150 },
      { name: 'T2', section: 'Main room', min: 2, max: 6, shape: 'rectangle', x: 450, y: 150 },
    ]);
    const [anna, ben, , david] = await createGuests(db, rid, [
      {
        name: 'Anna Schmidt',
        phone: '+491701234567',
        email: 'anna.schmidt@example.com',
        language: 'de',
        tags: ['VIP', 'window seat'],
        notes: 'Allergic to nuts. Prefers the quiet corner by the window.',
      },
      { name: 'Ben Ortiz', phone: '+491709876543', language: 'es', tags: ['vegan'] },
      { name: 'Chloé Martin', email: 'chloe.martin@example.fr', language: 'fr' },
      { name: 'David Kim', phone: '+4915112345678', email: 'david.kim@example.com' },
      { name: 'Eva Novak', phone: '+420601234567', language: 'cs' },
      { name: 'Farid Haddad', phone: '+491761112223', tags: ['wine lover'] },
      { name: 'Greta Lindqvist', email: 'greta@example.se', language: 'sv', tags: ['VIP'] },
      { name: 'Hiro Tanaka', phone: '+4917612345000', language: 'ja' },
    ]);
    /** A booking written directly (past days included), then moved along through the API. */
    const book = async (
      guestId: string,
      day: string,
      partySize: number,
      steps: ('seated' | 'completed' | 'no_show')[] = [],
      tableId = t1!.id,
    ) => {
      const startsAt = zonedToInstant(day, '19:00', TZ);
      const row = await createReservation(db, {
        restaurantId: rid,
        guestId,
        tableIds: [tableId],
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * HOUR),
        partySize,
      });
      for (const status of steps) await api.bookings.setStatus.mutate({ id: row.id, status });
      return row;
    };
    // Anna: three visits in the last three months (a frequent VIP), one cancellation, one ahead.
    await book(anna!.id, addDays(TODAY, -60), 2, ['seated', 'completed']);
    await book(anna!.id, addDays(TODAY, -30), 4, ['seated', 'completed']);
    await book(anna!.id, addDays(TODAY, -9), 3, ['seated', 'completed']);
    const cancelled = await book(anna!.id, addDays(TODAY, -5), 2);
    await api.bookings.cancel.mutate({ id: cancelled.id, reason: 'Flight delayed' });
    const upcoming = await book(anna!.id, addDays(TODAY, 12), 4, [], t2!.id);
    await api.bookings.update.mutate({ id: upcoming.id, version: 1, specialRequests: 'Birthday cake' });
    // David did not come twice (at risk); Ben came once.
    await book(david!.id, addDays(TODAY, -20), 2, ['no_show'], t2!.id);
    await book(david!.id, addDays(TODAY, -12), 2, ['no_show'], t2!.id);
    await book(ben!.id, addDays(TODAY, -3), 2, ['seated', 'completed'], t2!.id);

    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/guests`);
    await page.getByLabel('Email').fill(manager.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();

    // The guest book, by name, with segments and contacts.
    await page.getByRole('heading', { name: 'Guests', level: 2 }).waitFor();
    await expect.poll(() => rows(page).count()).toBe(8);
    const annaRow = page.locator(`tr[data-guest-id="${anna!.id}"]`);
    expect(await annaRow.locator('[data-segment]').evaluateAll((b) => b.map((e) => e.textContent))).toEqual([
      'VIP',
      'Frequent',
    ]);
    await annaRow.getByText('+491701234567').waitFor();
    await annaRow.getByText('anna.schmidt@example.com').waitFor();
    expect(
      await page
        .locator(`tr[data-guest-id="${david!.id}"] [data-segment]`)
        .evaluateAll((b) => b.map((e) => e.getAttribute('data-segment'))),
    ).toEqual(['new', 'at_risk']);
    await page.getByLabel(/Live: connected/i).waitFor({ timeout: 15_000 });
    await shot(page, 'guests-list.png');

    // Sorted by visits (the server sorts); then only VIPs, exported with exactly that filter.
    await page.getByRole('button', { name: 'Sort by visits' }).click();
    await expect.poll(() => rows(page).first().getAttribute('data-guest-id')).toBe(anna!.id);
    await page.getByRole('combobox', { name: 'Segment' }).click();
    await page.getByRole('option', { name: 'VIP' }).click();
    await expect.poll(() => rows(page).count()).toBe(2);
    const exportLink = page.getByRole('link', { name: 'Export CSV' });
    expect(await exportLink.getAttribute('href')).toBe('/export/guests.csv?segment=vip');
    const csv = await page.evaluate(
      async (href) => (await fetch(href)).text(),
      '/export/guests.csv?segment=vip',
    );
    const lines = csv.trim().split(/\r?\n/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(
      /^Anna Schmidt,\+491701234567,anna\.schmidt@example\.com,de,"VIP, window seat",3,0,1,/,
    );
    expect(lines[2]).toMatch(/^Greta Lindqvist,/);
    await page.getByRole('combobox', { name: 'Segment' }).click();
    await page.getByRole('option', { name: 'VIP' }).click();
    await expect.poll(() => rows(page).count()).toBe(8);

    // A typo in the name still finds her.
    await page.getByLabel('Search').fill('Schmit');
    await expect.poll(() => rows(page).count()).toBe(1);
    // Still sorted by visits: back to the best match (the link beside the list's count).
    await shot(page, 'guests-search-sorted.png');
    await page.getByRole('button', { name: 'Best match first' }).click();
    await rows(page).getByRole('link', { name: 'Anna Schmidt' }).waitFor();
    await page.getByText('1 guest · best match first').waitFor();
    await rows(page).first().click();

    // Her profile: stats from her bookings, and the bookings newest first.
    await page.waitForURL(`**/guests/${anna!.id}`);
    await page.getByRole('heading', { name: 'Anna Schmidt' }).waitFor();
    const stats = page.getByLabel('Statistics');
    const stat = (label: string) =>
      stats.locator('div', { has: page.getByText(label, { exact: true }) }).locator('dd');
    expect(await stat('Visits').textContent()).toBe('3');
    expect(await stat('Upcoming').textContent()).toBe('1');
    expect(await stat('Cancellations').textContent()).toBe('20%');
    expect(await stat('No-shows').textContent()).toBe('0');
    expect(await stat('Average party').textContent()).toBe('3');
    const entries = page.getByRole('button', { name: /^Booking / });
    await expect.poll(() => entries.count()).toBe(5);
    expect(await entries.first().getAttribute('data-booking-id')).toBe(upcoming.id);
    await entries.first().getByText('Birthday cake').waitFor();
    await page.getByText('Cancelled: Flight delayed').waitFor();
    expect(await page.getByRole('link', { name: 'Call +491701234567' }).getAttribute('href')).toBe(
      'tel:+491701234567',
    );
    await dismissNotifications(page);
    await shot(page, 'guest-profile.png');

    // A booking opens in the drawer.
    await entries.first().click();
    const drawer = page.getByRole('dialog', { name: /Booking / });
    await drawer.getByRole('heading', { name: 'Anna Schmidt' }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    // Tags and notes are edited in place.
    const tags = page.getByRole('combobox', { name: 'Tags' });
    await tags.fill('birthday club');
    await tags.press('Enter');
    await page
      .getByRole('textbox', { name: 'Notes' })
      .fill('Allergic to nuts. Prefers the quiet corner by the window. Cake on 12 May.');
    await page.getByRole('button', { name: 'Save notes' }).click();
    await expect
      .poll(async () => {
        const g = await api.guests.get.query({ id: anna!.id });
        return { tags: g.tags, notes: g.notes };
      })
      .toEqual({
        tags: ['VIP', 'window seat', 'birthday club'],
        notes: 'Allergic to nuts. Prefers the quiet corner by the window. Cake on 12 May.',
      });

    // Book again: the wizard opens with her chosen as the guest.
    await page.getByRole('button', { name: 'Book again' }).click();
    const wizard = page.getByRole('dialog', { name: 'New booking' });
    await wizard.waitFor();
    await chip(wizard, nextOpenDay());
    await chip(wizard, '2');
    await wizard.getByLabel('Time', { exact: true }).click();
    await page.getByRole('option', { name: /^19:30/ }).click();
    await wizard.getByRole('button', { name: 'Next' }).click();
    await wizard.getByText('is available for 2 guests').waitFor();
    await wizard.getByRole('button', { name: 'Next' }).click();
    await wizard.getByRole('button', { name: 'Change guest' }).waitFor();
    await wizard.getByText('Anna Schmidt', { exact: true }).waitFor();
    await settle(page);
    await shot(page, 'guest-book-again.png');
    await wizard.getByRole('button', { name: 'Cancel' }).click();
    await page
      .getByRole('dialog', { name: 'Discard this booking?' })
      .getByRole('button', { name: 'Discard' })
      .click();
    await wizard.waitFor({ state: 'detached' });

    // A duplicate record of her (entered without a phone) is merged into her profile.
    const dup = await api.guests.create.mutate({
      name: 'A. Schmidt',
      email: 'anna.s@example.com',
      tags: ['terrace'],
      notes: 'Called about a birthday table.',
    });
    await page.getByRole('button', { name: 'Merge' }).click();
    const mergeModal = page.getByRole('dialog', { name: 'Merge a duplicate' });
    await mergeModal.getByRole('combobox', { name: 'The duplicate' }).fill('Schmidt');
    await page.getByRole('option', { name: /A\. Schmidt/ }).click();
    await mergeModal.getByRole('radio', { name: /Keep Anna Schmidt/ }).waitFor();
    await settle(page);
    await dismissNotifications(page);
    await shot(page, 'guest-merge-pick.png');
    await mergeModal.getByRole('button', { name: 'Continue' }).click();
    const confirmMerge = page.getByRole('dialog', { name: 'Merge these guests?' });
    await confirmMerge.getByText(/All bookings of A\. Schmidt move to Anna Schmidt/).waitFor();
    await settle(page);
    await shot(page, 'guest-merge-confirm.png');
    await confirmMerge.getByRole('button', { name: 'Merge guests' }).click();
    await page.getByText('A. Schmidt was merged into Anna Schmidt.').waitFor();
    expect(page.url()).toContain(`/guests/${anna!.id}`);
    const merged = await api.guests.get.query({ id: anna!.id });
    expect({ email: merged.email, tags: merged.tags }).toEqual({
      email: 'anna.schmidt@example.com',
      tags: ['VIP', 'window seat', 'birthday club', 'terrace'],
    });
    expect((await api.guests.list.query({ q: 'A. Schmidt' })).items.map((g) => g.id)).not.toContain(dup.id);
    // Her notes now include the duplicate's.
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Notes' }).inputValue())
      .toMatch(/Cake on 12 May\.\n\nCalled about a birthday table\.$/);

    // A new guest with her number: the clash names her and links to her profile.
    await page.getByRole('link', { name: 'All guests' }).click();
    await page.getByRole('button', { name: 'New guest' }).click();
    const form = page.getByRole('dialog', { name: 'New guest' });
    await form.getByLabel('Name').fill('Anna S.');
    await form.getByLabel('Phone').fill('0170 1234567');
    await form.getByText('Saved as +491701234567').waitFor();
    await form.getByRole('button', { name: 'Add guest' }).click();
    await form.getByText('+491701234567 already belongs to Anna Schmidt.').waitFor();
    expect(await form.getByRole('link', { name: 'Open their profile' }).getAttribute('href')).toBe(
      `/guests/${anna!.id}`,
    );
    await settle(page);
    await shot(page, 'guest-new-clash.png');
    await form.getByLabel('Name').fill('Iris Weber');
    await form.getByLabel('Phone').fill('0170 7654321');
    await form.getByRole('button', { name: 'Add guest' }).click();
    await page.getByRole('heading', { name: 'Iris Weber' }).waitFor();
    await page.getByRole('button', { name: 'Book a table' }).first().waitFor();

    // On a phone: cards instead of the table, and the profile stacked.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/guests`);
    const cards = page.getByRole('list', { name: 'Guests' });
    await cards.waitFor();
    await expect.poll(() => cards.getByRole('listitem').count()).toBe(9);
    await dismissNotifications(page);
    await shot(page, 'guests-phone.png');
    await page.getByRole('button', { name: 'Filters' }).click();
    await page.getByRole('combobox', { name: 'Segment' }).waitFor();
    await settle(page);
    await shot(page, 'guests-phone-filters.png');
    await cards.getByText('Anna Schmidt').click();
    await page.getByRole('heading', { name: 'Anna Schmidt' }).waitFor();
    await page
      .getByRole('button', { name: /^Booking / })
      .first()
      .waitFor();
    await shot(page, 'guest-profile-phone.png');
    await page.getByRole('button', { name: 'Switch to dark mode' }).click();
    await settle(page);
    await shot(page, 'guest-profile-phone-dark.png');
    await page.getByRole('button', { name: 'Switch to light mode' }).click();
    await page.screenshot({ path: join(OUTPUT_DIR, 'guest-profile-phone-full.png'), fullPage: true });
    expect(errors).toEqual([]);
  });
});
