import { describe, expect, it, vi } from 'vitest';
import html from '../../index.html?raw';
import { localToday } from '../lib/local-time';
import { createApi } from './ApiProvider';
import { prefetchRoute } from './route-data';

// The page's chunk is not what these tests are about (and is not built here).
vi.mock('./lazy-pages', () => ({ preloadPageAt: () => {} }));

const TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;
const attr = (link: Element | undefined, name: string) => link?.getAttribute(name)?.replaceAll('&amp;', '&');
const staticPreloads = () =>
  [...html.matchAll(/<link\s+rel="preload"\s+as="fetch"[^>]*\shref="([^"]+)"/g)].map((m) =>
    m[1]!.replaceAll('&amp;', '&'),
  );

/** What the early script of `page` asks for at `url`: [as, href] of each preload it adds. */
function earlyPreloads(url: string, phone = false, page = html): string[][] {
  const script = page.match(/<script>([\s\S]*?)<\/script>/)?.[1];
  expect(script).toBeTruthy();
  const added: HTMLLinkElement[] = [];
  // A document of its own: added to the test's, happy-dom would fetch them.
  const doc = {
    createElement: (tag: string) => document.createElement(tag),
    head: { append: added.push.bind(added) },
  };
  const matchMedia = (query: string) => ({ matches: phone && query === '(max-width: 48em)' });
  new Function('document', 'location', 'matchMedia', script!)(
    doc,
    new URL(url, 'http://localhost'),
    matchMedia,
  );
  return added.map((l) => [l.getAttribute('as') ?? l.rel, attr(l, 'href')!]);
}

/** The requests the app's own prefetch of the route makes at `url` (the restaurant in TIME_ZONE). */
async function appRequests(url: string): Promise<string[]> {
  const urls: string[] = [];
  vi.stubGlobal('fetch', async (input: string) => {
    urls.push(input);
    const json = input.includes('restaurant.get') ? { timezone: TIME_ZONE } : {};
    return new Response(JSON.stringify({ result: { data: { json } } }), {
      headers: { 'content-type': 'application/json' },
    });
  });
  const { pathname, search } = new URL(url, 'http://localhost');
  await prefetchRoute(createApi(), { pathname, search });
  return urls;
}

describe('the early requests of index.html', () => {
  it('preloads the restaurant as the app asks for it first, on every page', async () => {
    expect(staticPreloads()).toHaveLength(2);
    expect(await appRequests('/floor')).toEqual([staticPreloads()[1]]);
  });

  it('preloads the grid of the Bookings timeline as the app asks for it: the day asked, or today', async () => {
    for (const url of ['/bookings?date=2030-06-14', '/bookings', '/bookings/?view=timeline&date=bogus']) {
      const grid = earlyPreloads(url).filter(([as]) => as === 'fetch');
      expect(grid).toHaveLength(1);
      expect(await appRequests(url)).toContain(grid[0]![1]);
    }
    expect(earlyPreloads('/bookings')[0]![1]).toContain(encodeURIComponent(localToday(TIME_ZONE)));
  });

  it('asks for no grid where the page shows none (the list, a phone) and nothing on other pages', () => {
    expect(earlyPreloads('/bookings?view=list')).toEqual([]);
    expect(earlyPreloads('/bookings', true)).toEqual([]);
    expect(earlyPreloads('/bookings?view=timeline', true)).toHaveLength(1);
    expect(earlyPreloads('/floor')).toEqual([]);
    expect(earlyPreloads('/bookings/123')).toEqual([]);
  });

  it("fetches the list view's chunks with the page's where the list shows first, not for the timeline", () => {
    // The lists as the build fills them in (vite.config.ts).
    const built = html
      .replace("[/* the Bookings page's chunks */]", '["/assets/page.js"]')
      .replace("[/* the list view's chunks */]", '["/assets/list.js"]');
    const chunks = (url: string, phone = false) =>
      earlyPreloads(url, phone, built)
        .filter(([as]) => as === 'modulepreload')
        .map(([, href]) => href);
    const withList = ['/assets/page.js', '/assets/list.js'];
    expect(chunks('/bookings')).toEqual(['/assets/page.js']);
    expect(chunks('/bookings?view=timeline', true)).toEqual(['/assets/page.js']);
    expect(chunks('/bookings?view=list')).toEqual(withList);
    expect(chunks('/bookings', true)).toEqual(withList);
  });
});
