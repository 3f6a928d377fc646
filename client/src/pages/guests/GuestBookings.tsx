import { Button, Group, Paper, Text, Timeline, UnstyledButton } from '@mantine/core';
import { IconCalendarPlus, IconMessage2 } from '@tabler/icons-react';
import type { TBooking } from '@tobeout/shared';
import type { ReactNode } from 'react';
import { trpc } from '../../app/trpc';
import { useBookingUi } from '../../features/booking-ui/BookingUiProvider';
import { BOOKING_STATUS, BookingStatusBadge, guestsLabel } from '../../lib/bookings';
import { Section } from '../../lib/facts';
import { formatDay } from '../../lib/format';
import { EmptyHint, PageSkeleton, QueryError } from '../../lib/states';
import classes from './guests.module.css';

const PAGE_SIZE = 10;

function BookingEntry({ booking: b, onOpen }: { booking: TBooking; onOpen: (id: string) => void }) {
  const tables = b.tables.map((t) => t.name).join(' + ') || 'no table';
  return (
    <UnstyledButton
      className={classes.entry}
      onClick={() => onOpen(b.id)}
      data-booking-id={b.id}
      aria-label={`Booking ${b.code}: ${formatDay(b.date)} at ${b.time}, ${guestsLabel(b.partySize)}, ${BOOKING_STATUS[b.status].label}`}
    >
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Text fw={600} size="sm">
          {formatDay(b.date)} · <span style={{ fontVariantNumeric: 'tabular-nums' }}>{b.time}</span>
        </Text>
        <BookingStatusBadge status={b.status} size="sm" style={{ flex: 'none' }} />
      </Group>
      <Text size="xs" c="dimmed">
        {guestsLabel(b.partySize)} · {tables} · <span style={{ fontFamily: 'monospace' }}>{b.code}</span>
      </Text>
      {b.specialRequests && (
        <Group gap={4} wrap="nowrap" mt={2} align="flex-start">
          <IconMessage2
            size={13}
            color="var(--mantine-color-dimmed)"
            aria-hidden
            style={{ flex: 'none', marginTop: 2 }}
          />
          <Text size="xs" c="dimmed" lineClamp={2}>
            {b.specialRequests}
          </Text>
        </Group>
      )}
      {b.status === 'canceled' && b.cancelReason && (
        <Text size="xs" c="dimmed" mt={2}>
          Cancelled: {b.cancelReason}
        </Text>
      )}
    </UnstyledButton>
  );
}

/** The guest's bookings, newest first, ten at a time; an entry opens the booking drawer. */
export function GuestBookings({ guestId, onBook }: { guestId: string; onBook: () => void }) {
  const ui = useBookingUi();
  const list = trpc.guests.bookings.useInfiniteQuery(
    { guestId, limit: PAGE_SIZE },
    { getNextPageParam: (page) => page.nextCursor ?? undefined },
  );

  let body: ReactNode;
  if (list.isPending) body = <PageSkeleton rows={3} label="Loading bookings" />;
  else if (list.isError) body = <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  else {
    const items = list.data.pages.flatMap((p) => p.items);
    body =
      items.length === 0 ? (
        <EmptyHint
          title="No bookings yet"
          action={
            <Button variant="light" leftSection={<IconCalendarPlus size={16} />} onClick={onBook}>
              Book a table
            </Button>
          }
        >
          Their bookings will show here, newest first.
        </EmptyHint>
      ) : (
        <>
          <Timeline active={items.length - 1} bulletSize={14} lineWidth={2} mt="xs" aria-label="Bookings">
            {items.map((b) => (
              <Timeline.Item key={b.id} color={BOOKING_STATUS[b.status].color} lineVariant="solid">
                <BookingEntry booking={b} onOpen={ui.openBooking} />
              </Timeline.Item>
            ))}
          </Timeline>
          {list.hasNextPage && (
            <Group justify="center">
              <Button
                variant="default"
                size="xs"
                onClick={() => void list.fetchNextPage()}
                loading={list.isFetchingNextPage}
              >
                Show older bookings
              </Button>
            </Group>
          )}
        </>
      );
  }

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
      <Section title="Bookings">{body}</Section>
    </Paper>
  );
}
