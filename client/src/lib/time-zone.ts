import { trpc } from '../app/trpc';

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** How long the restaurant (its time zone) stays fresh; live events invalidate it on changes. */
export const RESTAURANT_STALE_MS = 5 * 60_000;

/**
 * The active restaurant's time zone (booking dates and times are its wall-clock times). While
 * the restaurant loads (`pending`), and if it cannot be loaded: the browser's.
 */
export function useRestaurantTimeZone(): { timeZone: string; pending: boolean } {
  const restaurant = trpc.restaurant.get.useQuery(undefined, { staleTime: RESTAURANT_STALE_MS });
  return { timeZone: restaurant.data?.timezone ?? browserTimeZone(), pending: restaurant.isPending };
}
