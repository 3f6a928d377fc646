import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import type { TBooking } from '@tobeout/shared';
import { trpc } from '../../app/trpc';
import type { KnownGuest } from './model';

/** The distinct guests of some bookings, the most recently booked first. */
export function guestsFromBookings(items: readonly TBooking[]): KnownGuest[] {
  const byId = new Map<string, KnownGuest>();
  for (const b of items) {
    const known = byId.get(b.guest.id);
    if (known) {
      known.bookings += 1;
      if (!known.lastDate || b.date > known.lastDate) known.lastDate = b.date;
    } else byId.set(b.guest.id, { ...b.guest, bookings: 1, lastDate: b.date });
  }
  return [...byId.values()].sort((a, b) => (b.lastDate ?? '').localeCompare(a.lastDate ?? ''));
}

export const MIN_SEARCH = 2;

/**
 * Existing guests whose name, phone or booking code matches `query`. There is no guests API yet,
 * so they are found through their bookings (bookings.list({ q })).
 */
export function useGuestSearch(query: string) {
  const [q] = useDebouncedValue(query.trim(), 250);
  const enabled = q.length >= MIN_SEARCH;
  const list = trpc.bookings.list.useQuery(
    { q, limit: 100 },
    { enabled, placeholderData: keepPreviousData, staleTime: 30_000 },
  );
  const settled = enabled && q === query.trim() && !list.isPlaceholderData;
  return {
    guests: enabled && list.data ? guestsFromBookings(list.data.items) : [],
    loading: enabled && (list.isFetching || q !== query.trim()),
    settled,
    error: list.error,
  };
}

/** One guest by id (through their bookings), for a wizard started from a guest's profile. */
export function useKnownGuest(guestId: string | null) {
  const list = trpc.bookings.list.useQuery(
    { guestId: guestId ?? undefined, limit: 200 },
    { enabled: guestId !== null, staleTime: 60_000 },
  );
  const guest = list.data ? (guestsFromBookings(list.data.items)[0] ?? null) : null;
  return { guest, loading: guestId !== null && list.isPending, error: list.error };
}
