import type { TBooking } from '@tobeout/shared';
import { useCallback } from 'react';
import { trpc } from '../../app/trpc';

/**
 * After a booking was written here: its drawer shows the saved booking at once, and the
 * timeline and lists fetch again (other tabs hear it through the live stream).
 */
export function useBookingSaved() {
  const utils = trpc.useUtils();
  return useCallback(
    (booking: TBooking) => {
      utils.bookings.get.setData({ id: booking.id }, booking);
      void utils.availability.grid.invalidate();
      void utils.bookings.list.invalidate();
    },
    [utils],
  );
}
