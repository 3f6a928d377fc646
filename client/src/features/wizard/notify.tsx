import { Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TBooking } from '@tobeout/shared';
import { guestsLabel } from '../../lib/bookings';
import { formatDay } from '../../lib/format';

/** "Booking confirmed · K7P2M9" with what was booked and a button that opens the booking. */
export function notifyBooked(
  booking: TBooking,
  openBooking: (id: string) => void,
  title = 'Booking confirmed',
) {
  const id = `booked-${booking.id}`;
  const tables = booking.tables.map((t) => t.name).join(' + ');
  notifications.show({
    id,
    color: 'teal',
    autoClose: 10_000,
    title: `${title} · ${booking.code}`,
    message: (
      <Stack gap={6} align="flex-start">
        <Text size="sm">
          {booking.guest.name}, {guestsLabel(booking.partySize)} · {formatDay(booking.date)} {booking.time}
          {tables && ` · ${tables}`}
        </Text>
        <Button
          size="compact-xs"
          variant="light"
          color="teal"
          onClick={() => {
            notifications.hide(id);
            openBooking(booking.id);
          }}
        >
          Open booking
        </Button>
      </Stack>
    ),
  });
}
