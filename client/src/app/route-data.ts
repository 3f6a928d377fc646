import { createTRPCQueryUtils } from '@trpc/react-query';
import { localToday } from '../lib/local-time';
import { PHONE_QUERY } from '../lib/media';
import { RESTAURANT_STALE_MS } from '../lib/time-zone';
import { askedDate, bookingsView } from '../pages/bookings/params';
import type { Api } from './ApiProvider';
import { preloadPageAt } from './lazy-pages';
import { UNBATCHED } from './trpc';

/**
 * Starts what the page at `location` needs first, before React renders anything: its chunk, and
 * the queries of its first view. Otherwise each waits for the one before (auth.me → the page's
 * chunk → its first render → the restaurant → the grid). The page's own queries then find them
 * in the cache, or in flight. (index.html's preloads start the restaurant and, on the Bookings
 * page, its chunks and grid earlier still: these requests then take over their answers.) The
 * queries go out before auth.me has answered: for a visitor who is signed out they fail with
 * UNAUTHORIZED, which nobody shows (the login page replaces the page). Other failures are the
 * page's to show; nothing here throws.
 */
export async function prefetchRoute(api: Api, { pathname, search }: Pick<Location, 'pathname' | 'search'>) {
  preloadPageAt(pathname);
  const utils = createTRPCQueryUtils({ queryClient: api.queryClient, client: api.trpcClient });
  // UNBATCHED: each request goes out at once, not with a batch on the next timer tick.
  // The restaurant (its time zone) is read by every signed-in page.
  const restaurant = utils.restaurant.get
    .fetch(undefined, { staleTime: RESTAURANT_STALE_MS, trpc: UNBATCHED })
    .catch(() => null);
  if (/^\/bookings\/?$/.test(pathname)) {
    const params = new URLSearchParams(search);
    if (bookingsView(params, window.matchMedia(PHONE_QUERY).matches) !== 'timeline') return;
    const date = askedDate(params) ?? (await restaurant.then((r) => r && localToday(r.timezone)));
    if (date) await utils.availability.grid.prefetch({ date }, { trpc: UNBATCHED });
  }
}
