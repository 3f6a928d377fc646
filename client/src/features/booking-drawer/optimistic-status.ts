import { useQueryClient } from '@tanstack/react-query';
import type { TBooking, TReservationStatus } from '@tobeout/shared';
import { getQueryKey } from '@trpc/react-query';
import { useCallback } from 'react';
import { trpc } from '../../app/trpc';

type Patch = { status: TReservationStatus; cancelReason?: string };

/** A bookings.list answer (one page, or the pages of an infinite list) with one booking patched. */
function patchList(data: unknown, id: string, patch: Patch): unknown {
  const page = (p: unknown) => {
    const items = (p as { items?: unknown } | undefined)?.items;
    if (!Array.isArray(items)) return p;
    return {
      ...(p as object),
      items: items.map((i: { id?: string }) => (i.id === id ? { ...i, ...patch } : i)),
    };
  };
  const pages = (data as { pages?: unknown } | undefined)?.pages;
  return Array.isArray(pages) ? { ...(data as object), pages: pages.map(page) } : page(data);
}

/**
 * Shows a status change at once, everywhere the booking is on screen (its drawer, the timeline,
 * the lists), before the server answers. Returns the undo for when the server refuses.
 */
export function useOptimisticStatus() {
  const utils = trpc.useUtils();
  const queryClient = useQueryClient();
  return useCallback(
    async (booking: TBooking, patch: Patch): Promise<() => void> => {
      const id = booking.id;
      const day = { date: booking.date };
      const listKey = getQueryKey(trpc.bookings.list);
      // A fetch that lands meanwhile would put the old status back.
      await Promise.all([
        utils.bookings.get.cancel({ id }),
        utils.availability.grid.cancel(day),
        queryClient.cancelQueries({ queryKey: listKey }),
      ]);
      const before = {
        get: utils.bookings.get.getData({ id }),
        grid: utils.availability.grid.getData(day),
        lists: queryClient.getQueriesData({ queryKey: listKey }),
      };
      utils.bookings.get.setData({ id }, (b) => (b ? { ...b, ...patch } : b));
      // A cancelled booking frees its tables: it leaves the timeline.
      utils.availability.grid.setData(day, (g) =>
        g
          ? {
              ...g,
              bookings:
                patch.status === 'canceled'
                  ? g.bookings.filter((b) => b.id !== id)
                  : g.bookings.map((b) => (b.id === id ? { ...b, status: patch.status } : b)),
            }
          : g,
      );
      queryClient.setQueriesData({ queryKey: listKey }, (data: unknown) => patchList(data, id, patch));
      return () => {
        if (before.get) utils.bookings.get.setData({ id }, before.get);
        if (before.grid) utils.availability.grid.setData(day, before.grid);
        for (const [key, data] of before.lists) queryClient.setQueryData(key, data);
      };
    },
    [utils, queryClient],
  );
}
