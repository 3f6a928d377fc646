import { createGuests, createReservation, createTables, createWeeklyHours } from '@tobeout/server/seed';
import { memberOf, restaurantWithMember, startServer, type TestServer } from '@tobeout/server/testing';
import { addDays, todayIn, weekdayOf, zonedToInstant } from '@tobeout/shared';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dismissNotifications, hasChromium, launch, settle, shot, signIn } from './browser';
import { bar, drag, grabPoint } from './timeline';

const TZ = 'Europe/Berlin';
/** A Tuesday two to three weeks ahead (moves into the past are refused). */
const DAY = (() => {
  let d = addDays(todayIn(TZ), 14);
  while (weekdayOf(d) !== 2) d = addDays(d, 1);
  return d;
})();

describe.skipIf(!hasChromium)('live updates between two people in Chromium', () => {
  let server: TestServer;
  // Two browsers: two people, each with their own cookies and their own stream.
  let maria: Awaited<ReturnType<typeof launch>>;
  let tom: Awaited<ReturnType<typeof launch>>;
  beforeAll(async () => {
    server = await startServer('pglite', { clientDist: inject('clientDist') });
    [maria, tom] = await Promise.all([launch(), launch()]);
  });
  afterAll(async () => {
    await maria?.close();
    await tom?.close();
    await server?.close();
  });

  it("shows one person's move in the other's timeline at once, tells them who did it, and pauses changes offline", async () => {
    const manager = await restaurantWithMember(server, 'manager', { name: 'Bistro Live', timezone: TZ });
    const rid = manager.restaurant.id;
    const staff = await memberOf(server, rid, 'staff');
    const db = server.app.db.db;
    await createWeeklyHours(db, rid);
    const tables = await createTables(db, rid, [
      { name: 'T1', section: 'Window', min: 1, max: 4, shape: 'round', x: 100, y: 100 },
      { name: 'T2', section: 'Window', min: 1, max: 4, shape: 'square', x: 300, y: 100 },
      { name: 'T3', section: 'Main room', min: 2, max: 6, shape: 'rectangle', x: 600, y: 400 },
    ]);
    const id = Object.fromEntries(tables.map((t) => [t.name, t.id]));
    const [anna, ben] = await createGuests(db, rid, [{ name: 'Anna Schmidt' }, { name: 'Ben Ortiz' }]);
    const book = (guestId: string, table: string, time: string) =>
      createReservation(db, {
        restaurantId: rid,
        guestId,
        tableIds: [id[table]!],
        startsAt: zonedToInstant(DAY, time, TZ),
        endsAt: new Date(zonedToInstant(DAY, time, TZ).getTime() + 90 * 60_000),
        partySize: 2,
      });
    const a = await book(anna!.id, 'T1', '19:00');
    const b = await book(ben!.id, 'T3', '18:00');

    const page1 = await maria.context.newPage();
    const page2 = await tom.context.newPage();
    const errors: string[] = [];
    for (const p of [page1, page2]) p.on('pageerror', (e) => errors.push(e.message));
    const url = `${server.url}/bookings?date=${DAY}`;
    await Promise.all([signIn(page1, url, manager.email), signIn(page2, url, staff.email)]);
    for (const p of [page1, page2]) {
      await bar(p, a.id).waitFor();
      await p.getByLabel(/Live: connected/i).waitFor({ timeout: 15_000 });
    }

    // Maria drags Anna's booking one table down (T1 → T2).
    const rowHeight = (await page1.locator('[data-table-name="T1"]').boundingBox())!.height;
    await drag(page1, await grabPoint(page1, a.id), 0, rowHeight);
    await page1.getByText('Anna Schmidt moved to T2.').waitFor();
    // Tom's timeline follows within a second, without a reload, and says who moved it.
    await expect
      .poll(() => bar(page2, a.id).getAttribute('data-table-id'), { timeout: 1000, interval: 50 })
      .toBe(id.T2);
    const told = page2.locator('.mantine-Notification-root', {
      hasText: new RegExp(`Anna Schmidt.* moved to T2 by ${manager.user.name}`),
    });
    await told.waitFor({ timeout: 2000 });
    // Maria is not told about her own change.
    expect(await page1.locator('.mantine-Notification-root', { hasText: / by / }).count()).toBe(0);
    await settle(page2);
    await shot(page1, 'live-1-maria-moved.png');
    await shot(page2, 'live-2-tom-sees-move.png');

    // Tom edits Ben's booking; Maria moves it meanwhile: Tom is told before he saves, his edit kept.
    await dismissNotifications(page2);
    await bar(page2, b.id).click();
    const drawer = page2.getByRole('dialog', { name: /Booking / });
    await drawer.getByRole('heading', { name: 'Ben Ortiz' }).waitFor();
    await drawer.getByRole('button', { name: 'Edit' }).click();
    const form = drawer.getByRole('form', { name: 'Edit booking' });
    await form.getByLabel('Guests').fill('3');
    await manager.api.bookings.move.mutate({ id: b.id, version: 1, date: DAY, time: '18:30' });
    const panel = drawer.getByRole('alert', { name: 'Someone else changed this booking' });
    await panel
      .getByText(`${manager.user.name} moved this booking to 18:30 while you were editing.`)
      .waitFor();
    expect(await form.getByLabel('Guests').inputValue()).toBe('3');
    await dismissNotifications(page2);
    await settle(page2);
    await shot(page2, 'live-3-tom-edit-conflict.png');
    await panel.getByRole('button', { name: 'Save mine on top of theirs' }).click();
    await expect
      .poll(async () => {
        const now = await manager.api.bookings.get.query({ id: b.id });
        return `${now.time} ×${now.partySize}`;
      })
      .toBe('18:30 ×3');

    // Tom's network drops: a banner, and no saving until it is back; his edit stays.
    await drawer.getByRole('button', { name: 'Edit' }).click();
    await form.getByLabel('Guests').fill('4');
    await tom.context.setOffline(true);
    await drawer
      .getByRole('alert', { name: 'Offline' })
      .getByText(/You are offline — changes are paused/)
      .waitFor();
    expect(await form.getByRole('button', { name: 'Save changes' }).isDisabled()).toBe(true);
    expect(await drawer.getByRole('group', { name: 'Status' }).getByRole('button').first().isDisabled()).toBe(
      true,
    );
    await dismissNotifications(page2);
    await settle(page2);
    await shot(page2, 'live-4-tom-offline.png');

    await tom.context.setOffline(false);
    await expect
      .poll(() => page2.getByRole('alert', { name: 'Offline' }).count(), { timeout: 15_000 })
      .toBe(0);
    await page2.getByLabel(/Live: connected/i).waitFor({ timeout: 20_000 });
    expect(await form.getByRole('button', { name: 'Save changes' }).isDisabled()).toBe(false);
    expect(await form.getByLabel('Guests').inputValue()).toBe('4');
    await settle(page2);
    await shot(page2, 'live-5-tom-back-online.png');

    // Maria offline on the timeline: the banner under the header, bookings cannot be dragged.
    await dismissNotifications(page1);
    await maria.context.setOffline(true);
    await page1.getByRole('alert', { name: 'Offline' }).waitFor();
    await expect.poll(() => bar(page1, a.id).getAttribute('data-paused')).toBe('true');
    expect(await bar(page1, a.id).getAttribute('data-draggable')).toBeNull();
    await settle(page1);
    await shot(page1, 'live-6-maria-offline-timeline.png');
    await maria.context.setOffline(false);
    await page1.getByRole('alert', { name: 'Offline' }).waitFor({ state: 'detached', timeout: 15_000 });
    await expect.poll(() => bar(page1, a.id).getAttribute('data-draggable')).toBe('true');
    expect(errors).toEqual([]);
  });
});
