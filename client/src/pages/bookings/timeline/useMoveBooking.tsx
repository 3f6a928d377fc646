import { List, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TGridBooking } from '@tobeout/shared';
import { useCallback, useState } from 'react';
import { trpc } from '../../../app/trpc';
import { useBookingSaved } from '../../../features/booking-drawer/use-booking-saved';
import { describeAlternative, refusal } from '../../../lib/bookings';
import { errorTitle, notifySuccess, serverErrorData } from '../../../lib/errors';
import { formatDuration } from '../../../lib/format';
import { applyChange, type BookingChange } from './layout';

/** What happened, for the notification after a move: "Anna moved to T3 at 20:00." */
export function movedMessage(
  guest: string,
  change: BookingChange,
  tableNames: ReadonlyMap<string, string>,
): { title: string; message: string } {
  if (!change.tableIds && !change.time && change.durationMin)
    return {
      title: 'Booking changed',
      message: `${guest}'s booking now lasts ${formatDuration(change.durationMin)}.`,
    };
  const tables = change.tableIds?.map((id) => tableNames.get(id) ?? '?').join(' + ');
  const where = [tables, change.time && (tables ? `at ${change.time}` : change.time)]
    .filter(Boolean)
    .join(' ');
  return { title: 'Booking moved', message: `${guest} moved to ${where}.` };
}

/** Why the server refused a move, with the nearest free slots it suggested. */
export function notifyRefused(error: unknown) {
  const { message, alternatives } = refusal(error);
  const conflict = serverErrorData(error)?.reason === 'VERSION_CONFLICT';
  notifications.show({
    title: conflict ? 'Changed by someone else' : errorTitle(error),
    color: conflict ? 'orange' : 'red',
    autoClose: 9000,
    message: (
      <Stack gap={4} data-refusal>
        <Text size="sm">
          {conflict
            ? 'Someone changed this booking a moment ago; the timeline now shows their version. Try again.'
            : message}
        </Text>
        {alternatives.length > 0 && (
          <>
            <Text size="xs" c="dimmed">
              Free instead:
            </Text>
            <List size="sm" spacing={0}>
              {alternatives.map((slot) => (
                <List.Item key={slot.time}>{describeAlternative(slot)}</List.Item>
              ))}
            </List>
          </>
        )}
      </Stack>
    ),
  });
}

/**
 * Moves and resizes bookings from the timeline. The bar stays where it was dropped while the
 * server decides; if it refuses, the bar snaps back and the reason is shown.
 */
export function useMoveBooking(date: string, tableNames: ReadonlyMap<string, string>) {
  const utils = trpc.useUtils();
  const saved = useBookingSaved();
  const mutation = trpc.bookings.move.useMutation();
  const [pending, setPending] = useState<ReadonlySet<string>>(() => new Set());

  const move = useCallback(
    async (booking: TGridBooking, change: BookingChange) => {
      const key = { date };
      await utils.availability.grid.cancel(key);
      const before = utils.availability.grid.getData(key);
      utils.availability.grid.setData(key, (g) => (g ? applyChange(g, booking.id, change) : g));
      setPending((p) => new Set(p).add(booking.id));
      try {
        const b = await mutation.mutateAsync({
          id: booking.id,
          version: booking.version,
          ...(change.tableIds ? { tableIds: change.tableIds } : {}),
          // The slot's instant names the time exactly (also the second of two repeated autumn
          // hours); without one, the grid's date with the slot's time (its service day).
          ...(change.startsAt
            ? { startsAt: change.startsAt }
            : change.time
              ? { date, time: change.time }
              : {}),
          ...(change.durationMin ? { durationMin: change.durationMin } : {}),
        });
        saved(b);
        const done = movedMessage(booking.guestName, change, tableNames);
        notifySuccess(done.message, done.title);
      } catch (error) {
        if (before) utils.availability.grid.setData(key, before);
        void utils.availability.grid.invalidate(key);
        notifyRefused(error);
      } finally {
        setPending((p) => {
          const next = new Set(p);
          next.delete(booking.id);
          return next;
        });
      }
    },
    [date, utils, mutation.mutateAsync, saved, tableNames],
  );
  return { move, pending };
}
