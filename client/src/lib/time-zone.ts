import { trpc } from '../app/trpc';

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * The active restaurant's time zone (booking dates and times are its wall-clock times). While
 * the restaurant loads (`pending`), and if it cannot be loaded: the browser's.
 */
export function useRestaurantTimeZone(): { timeZone: string; pending: boolean } {
  const restaurant = trpc.restaurant.get.useQuery(undefined, { staleTime: 5 * 60_000 });
  return { timeZone: restaurant.data?.timezone ?? browserTimeZone(), pending: restaurant.isPending };
}
