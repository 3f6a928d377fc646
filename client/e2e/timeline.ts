import type { Page } from 'playwright-core';

/** A booking's bar on the timeline. */
export const bar = (page: Page, bookingId: string) =>
  page.locator(`[data-booking-id="${bookingId}"][role="button"]`);

/** Drags from a point by (dx, dy) px in small steps, like a hand would. */
export async function drag(page: Page, from: { x: number; y: number }, dx: number, dy: number) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(from.x + (dx * i) / 10, from.y + (dy * i) / 10);
  await page.mouse.up();
}

/** Where to grab a bar: brought to the middle of the timeline first (no auto-scroll while dragging). */
export async function grabPoint(page: Page, bookingId: string) {
  await bar(page, bookingId).evaluate((el) => el.scrollIntoView({ block: 'center', inline: 'center' }));
  const box = (await bar(page, bookingId).boundingBox())!;
  return { x: box.x + 24, y: box.y + box.height / 2, box };
}
