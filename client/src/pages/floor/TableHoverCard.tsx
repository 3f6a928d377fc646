import { Badge, Button, Divider, Group, HoverCard, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { TTable } from '@tobeout/shared';
import type { ReactElement } from 'react';
import { BookingStatusBadge, guestsLabel } from '../../lib/bookings';
import { localNow } from '../../lib/local-time';
import { STATUS_LABELS, type TableStatus } from './FloorCanvas';
import { seatsLabel } from './geometry';
import { blockAt, bookingAt, type Grid, nextBookingAfter, statusAt } from './status';

const STATUS_COLORS: Record<TableStatus, string> = {
  free: 'green',
  reserved: 'yellow',
  occupied: 'red',
  blocked: 'gray',
  closed: 'gray',
};

type Props = {
  table: TTable;
  grid: Grid;
  index: number;
  timeZone: string;
  /** Opens the table's own details (blocks, combinations, history). */
  onDetails: () => void;
  children: ReactElement;
};

/** On hover or keyboard focus: what is on the table at the slot shown, and what a click does. */
export function TableHoverCard({ table, grid, index, timeZone, onDetails, children }: Props) {
  return (
    <HoverCard
      width={280}
      openDelay={120}
      closeDelay={120}
      position="top"
      withArrow
      shadow="md"
      interactive
      // Under modals and drawers (200), which open from it.
      zIndex={150}
    >
      <HoverCard.Target>{children}</HoverCard.Target>
      <HoverCard.Dropdown>
        <TableAtSlot table={table} grid={grid} index={index} timeZone={timeZone} onDetails={onDetails} />
      </HoverCard.Dropdown>
    </HoverCard>
  );
}

export function TableAtSlot({ table, grid, index, timeZone, onDetails }: Omit<Props, 'children'>) {
  const hhmm = (d: Date) => localNow(timeZone, d).slice(11);
  const status = statusAt(grid, table.id, index);
  const booking = bookingAt(grid, table.id, index);
  const block = blockAt(grid, table.id, index);
  const next = booking ? null : nextBookingAfter(grid, table.id, index);
  const time = grid.slots[index]?.time;
  let hint: string;
  if (booking) hint = 'Click to open the booking.';
  else if (status === 'blocked') hint = 'Click for the table’s blocks.';
  else hint = time ? `Click to book ${table.name} at ${time}.` : `Click to book ${table.name}.`;

  return (
    <Stack gap={8}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Stack gap={0}>
          <Text fw={700}>{table.name}</Text>
          <Text size="xs" c="dimmed">
            {seatsLabel(table)}
            {table.section && ` · ${table.section}`}
          </Text>
        </Stack>
        {status && (
          <Badge color={STATUS_COLORS[status]} variant="light">
            {STATUS_LABELS[status]}
            {time && ` at ${time}`}
          </Badge>
        )}
      </Group>
      <Divider />
      {booking ? (
        <Stack gap={4}>
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Text fw={600} size="sm" truncate>
              {booking.guestName}
            </Text>
            <BookingStatusBadge status={booking.status} size="sm" />
          </Group>
          <Text size="sm">
            {guestsLabel(booking.partySize)} · {hhmm(booking.startsAt)}–{hhmm(booking.endsAt)}
          </Text>
          {booking.specialRequests && (
            <Text size="sm" c="dimmed" fs="italic" lineClamp={3} style={{ whiteSpace: 'pre-line' }}>
              {booking.specialRequests}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            Code {booking.code}
          </Text>
        </Stack>
      ) : block ? (
        <Text size="sm">
          Blocked {hhmm(block.startsAt)}–{hhmm(block.endsAt)}: {block.reason}
        </Text>
      ) : status === 'reserved' || status === 'occupied' ? (
        // The grid counts holds (someone is booking it right now) but lists only bookings.
        <Text size="sm" c="dimmed">
          Held for a booking being made right now.
        </Text>
      ) : status === 'closed' ? (
        <Text size="sm" c="dimmed">
          Outside the opening hours.
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          {next
            ? `Free until ${hhmm(next.startsAt)} (${next.guestName}, ${guestsLabel(next.partySize)}).`
            : 'Free for the rest of the day.'}
        </Text>
      )}
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
        <Button
          size="compact-xs"
          variant="subtle"
          leftSection={<IconInfoCircle size={14} />}
          onClick={onDetails}
          style={{ flex: 'none' }}
        >
          Table details
        </Button>
      </Group>
    </Stack>
  );
}
