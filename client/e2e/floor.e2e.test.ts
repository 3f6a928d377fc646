import { join } from 'node:path';
import { restaurantWithMember, type TestServer } from '@tobeout/server/testing';
import type { TTableShape } from '@tobeout/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Browser, hasChromium, OUTPUT_DIR, withServerAndBrowser } from './browser';

type Spec = {
  name: string;
  section: string;
  minGuests: number;
  maxGuests: number;
  shape: TTableShape;
  x: number;
  y: number;
};

/** A small bistro: 12 × 8 m, window tables, a main room, a bar and a terrace door corner. */
const TABLES: Spec[] = [
  { name: 'T1', section: 'Window', minGuests: 1, maxGuests: 2, shape: 'round', x: 125, y: 125 },
  { name: 'T2', section: 'Window', minGuests: 2, maxGuests: 4, shape: 'square', x: 325, y: 125 },
  { name: 'T3', section: 'Window', minGuests: 2, maxGuests: 4, shape: 'square', x: 525, y: 125 },
  { name: 'T4', section: 'Main room', minGuests: 2, maxGuests: 4, shape: 'square', x: 300, y: 450 },
  { name: 'T5', section: 'Main room', minGuests: 4, maxGuests: 6, shape: 'rectangle', x: 575, y: 450 },
  { name: 'T6', section: 'Main room', minGuests: 4, maxGuests: 8, shape: 'round', x: 300, y: 650 },
  { name: 'B1', section: 'Bar', minGuests: 1, maxGuests: 2, shape: 'round', x: 950, y: 150 },
  { name: 'B2', section: 'Bar', minGuests: 1, maxGuests: 2, shape: 'round', x: 1075, y: 150 },
  { name: 'T8', section: 'Terrace', minGuests: 2, maxGuests: 6, shape: 'rectangle', x: 950, y: 650 },
];

/** The table element on the plan. */
const onPlan = (page: Page, name: string) => page.locator(`[data-table-id][aria-label^="Table ${name},"]`);

async function planPosition(page: Page, name: string) {
  const el = onPlan(page, name);
  return { x: Number(await el.getAttribute('data-x')), y: Number(await el.getAttribute('data-y')) };
}

describe.skipIf(!hasChromium)('floor plan in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  withServerAndBrowser((w) => ({ server, browser } = w));

  it('a manager drags a table, saves the layout, and it is still there after a reload', async () => {
    const manager = await restaurantWithMember(server, 'manager', { name: 'Bistro Plan' });
    const { api } = manager;
    await api.tables.setFloor.mutate({ width: 1200, height: 800 });
    const ids = new Map<string, string>();
    for (const spec of TABLES) ids.set(spec.name, (await api.tables.create.mutate(spec)).id);
    const old = await api.tables.create.mutate({ name: 'T9', maxGuests: 2, x: 1100, y: 700 });
    await api.tables.deactivate.mutate({ id: old.id });
    await api.tables.combinations.create.mutate({
      name: 'T2 + T3',
      tableIds: [ids.get('T2')!, ids.get('T3')!],
      minGuests: 5,
      maxGuests: 8,
    });

    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/floor`);
    await page.getByLabel('Email').fill(manager.email);
    await page.getByLabel('Password').fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Sign in' }).click();

    await onPlan(page, 'T4').waitFor();
    expect(await planPosition(page, 'T4')).toEqual({ x: 300, y: 450 });
    expect(await onPlan(page, 'T9').count()).toBe(0); // inactive: not on the plan
    await page.getByLabel(/Live: connected/i).waitFor({ timeout: 15_000 });
    await page.screenshot({ path: join(OUTPUT_DIR, 'floor-plan.png') });

    // Edit layout: drag T4 by 200 cm right and 100 cm down with the mouse.
    await page.getByRole('switch', { name: 'Edit layout' }).click();
    const scale = Number(await page.getByRole('group', { name: /^Floor plan/ }).getAttribute('data-scale'));
    expect(scale).toBeGreaterThan(0.25);
    const box = (await onPlan(page, 'T4').boundingBox())!;
    const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) {
      await page.mouse.move(start.x + (200 * scale * i) / 8, start.y + (100 * scale * i) / 8);
    }
    await page.mouse.up();
    await expect.poll(() => planPosition(page, 'T4')).toEqual({ x: 500, y: 550 });
    await page.getByText('1 unsaved move').waitFor();
    // The drop did not open the editor.
    expect(await page.getByRole('dialog').count()).toBe(0);

    // Keyboard: pick up T1 with Space, two steps right (25 cm each), drop with Space.
    await onPlan(page, 'T1').focus();
    await page.keyboard.press('Space');
    // dnd-kit starts listening for the arrow keys just after the pick-up is announced.
    await page.getByText('Picked up table T1.', { exact: false }).waitFor({ state: 'attached' });
    await page.waitForTimeout(50);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    await expect.poll(() => planPosition(page, 'T1')).toEqual({ x: 175, y: 125 });
    await page.getByText('2 unsaved moves').waitFor();
    await page.screenshot({ path: join(OUTPUT_DIR, 'floor-plan-edit.png') });

    // Add a table: the server's duplicate-name error shows on the field; then a free name works.
    await page.getByRole('button', { name: 'Add table' }).click();
    const form = page.getByRole('form', { name: 'Add table' });
    await form.getByLabel('Name').fill('T1');
    await form.getByRole('button', { name: 'Add table' }).click();
    await form.getByText('A table named "T1" already exists.').waitFor();
    await form.getByLabel('Name').fill('T10');
    await form.getByText('Round', { exact: true }).click();
    await form.getByRole('combobox', { name: 'Section' }).fill('Terr');
    await page.getByRole('option', { name: 'Terrace' }).click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(OUTPUT_DIR, 'floor-add-table.png') });
    await form.getByRole('button', { name: 'Add table' }).click();
    await onPlan(page, 'T10').waitFor();
    expect(await page.getByText('2 unsaved moves').count()).toBe(1);

    // Leaving with unsaved moves asks first.
    await page.getByRole('link', { name: 'Bookings' }).first().click();
    await page.getByRole('button', { name: 'Stay on this page' }).click();
    expect(new URL(page.url()).pathname).toBe('/floor');

    await page.getByRole('button', { name: 'Save layout' }).click();
    await page.getByText('Layout saved', { exact: true }).first().waitFor();
    const t4 = await api.tables.get.query({ id: ids.get('T4')! });
    expect({ x: t4.x, y: t4.y }).toEqual({ x: 500, y: 550 });
    expect((await api.tables.get.query({ id: ids.get('T1')! })).x).toBe(175);

    await page.reload();
    await onPlan(page, 'T4').waitFor();
    expect(await planPosition(page, 'T4')).toEqual({ x: 500, y: 550 });
    expect(await planPosition(page, 'T1')).toEqual({ x: 175, y: 125 });

    // View mode: a table's hover card leads to its details; staff block it for a while and lift
    // the block again. (A click on a table books it or opens its booking: see wizard.e2e.test.ts.)
    await onPlan(page, 'T2').hover();
    await page.getByRole('button', { name: 'Table details' }).click();
    const drawer = page.getByRole('dialog', { name: 'Table T2' });
    await drawer.getByText('T2 + T3', { exact: true }).waitFor();
    await drawer.getByText('No bookings or blocks on this table yet.').waitFor();
    await drawer.getByRole('button', { name: 'Block table' }).click();
    await drawer.getByLabel('Reason').fill('Wobbly leg');
    await page.waitForTimeout(400); // the drawer's slide-in, for a still screenshot
    await page.screenshot({ path: join(OUTPUT_DIR, 'floor-table-drawer.png') });
    await drawer
      .getByRole('form', { name: 'Block table' })
      .getByRole('button', { name: 'Block table' })
      .click();
    await drawer.getByRole('list', { name: 'Upcoming blocks' }).getByText('Wobbly leg').waitFor();
    const blocks = await api.tables.get.query({ id: ids.get('T2')! });
    expect(blocks.upcomingBlocks.map((b) => b.reason)).toEqual(['Wobbly leg']);
    await drawer.getByRole('button', { name: /^Unblock / }).click();
    await page
      .getByRole('dialog', { name: 'Lift this block?' })
      .getByRole('button', { name: 'Unblock' })
      .click();
    await drawer.getByText('No blocks coming up.').waitFor();
    await page.keyboard.press('Escape');

    // The list: inactive tables too, and the combinations.
    await page.getByText('List', { exact: true }).click();
    await page.getByRole('table', { name: 'Tables' }).waitFor();
    await page.getByRole('table', { name: 'Combinations' }).waitFor();
    const inactive = page
      .getByRole('table', { name: 'Tables' })
      .getByText('Inactive')
      .filter({ visible: true });
    expect(await inactive.count()).toBe(1);
    await page.screenshot({ path: join(OUTPUT_DIR, 'floor-list.png'), fullPage: true });
    await page.getByRole('button', { name: 'Add combination' }).click();
    await page.getByRole('dialog', { name: 'Add a combination' }).getByLabel('Name').fill('T4 + T5');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(OUTPUT_DIR, 'floor-combination.png') });
    await page.keyboard.press('Escape');

    // Dark mode and a phone (which opens on the list).
    await page.getByText('Plan', { exact: true }).click();
    await page.getByRole('button', { name: 'Switch to dark mode' }).click();
    await onPlan(page, 'T4').waitFor();
    await page.screenshot({ path: join(OUTPUT_DIR, 'floor-plan-dark.png') });
    await page.getByRole('button', { name: 'Switch to light mode' }).click();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/floor`);
    await page.getByRole('table', { name: 'Tables' }).waitFor();
    await page.screenshot({ path: join(OUTPUT_DIR, 'floor-phone.png') });
    await page.getByText('Plan', { exact: true }).click();
    await onPlan(page, 'T4').waitFor();
    await page.screenshot({ path: join(OUTPUT_DIR, 'floor-phone-plan.png') });
    expect(errors).toEqual([]);
  });
});
