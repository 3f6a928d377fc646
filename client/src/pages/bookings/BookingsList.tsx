import {
  Anchor,
  Button,
  Group,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCalendar, IconCalendarOff, IconMessage2, IconPlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { RESERVATION_STATUSES, type TBooking, type TReservationStatus } from '@tobeout/shared';
import { type ReactNode, useState } from 'react';
import { trpc } from '../../app/trpc';
import { useBookingUi } from '../../features/booking-ui/BookingUiProvider';
import { BOOKING_STATUS, BookingStatusBadge, guestsLabel } from '../../lib/bookings';
import { formatDay } from '../../lib/format';
import { countLabel, ListFooter } from '../../lib/ListFooter';
import { EmptyHint, PageSkeleton, QueryError } from '../../lib/states';

const PAGE_SIZE = 50;
const STATUS_OPTIONS = RESERVATION_STATUSES.map((s) => ({ value: s, label: BOOKING_STATUS[s].label }));

type Range = [string | null, string | null];

type Props = {
  /** The day the list opens on. */
  date: string;
  /** The first day of the chosen range (the timeline follows it). */
  onDate: (date: string) => void;
};

/** Bookings as rows, filtered by dates, status, table and text, fifty at a time. */
export function BookingsList({ date, onDate }: Props) {
  const ui = useBookingUi();
  const [range, setRange] = useState<Range>([date, date]);
  const [statuses, setStatuses] = useState<TReservationStatus[]>([]);
  const [tableId, setTableId] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const from = range[0] ?? date;
  const to = range[1] ?? from;

  const tables = trpc.tables.list.useQuery({ includeInactive: true });
  const list = trpc.bookings.list.useInfiniteQuery(
    {
      from,
      to,
      status: statuses.length > 0 ? statuses : undefined,
      tableId: tableId ?? undefined,
      q: q || undefined,
      limit: PAGE_SIZE,
    },
    { getNextPageParam: (page) => page.nextCursor ?? undefined, placeholderData: keepPreviousData },
  );

  const filtered = statuses.length > 0 || tableId !== null || q !== '';
  const clear = () => {
    setStatuses([]);
    setTableId(null);
    setSearch('');
  };

  const filters = (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <DatePickerInput
        type="range"
        label="Dates"
        value={range}
        onChange={(v) => {
          setRange(v as Range);
          if (v[0]) onDate(v[0]);
        }}
        allowSingleDateInRange
        valueFormat="D MMM YYYY"
        leftSection={<IconCalendar size={16} />}
        popoverProps={{ withinPortal: true }}
        w={{ base: '100%', xs: 250 }}
      />
      <MultiSelect
        label="Status"
        placeholder={statuses.length === 0 ? 'Any status' : undefined}
        data={STATUS_OPTIONS}
        value={statuses}
        onChange={(v) => setStatuses(v as TReservationStatus[])}
        clearable
        comboboxProps={{ withinPortal: true }}
        w={{ base: 'calc(50% - 6px)', xs: 230 }}
      />
      <Select
        label="Table"
        placeholder="Any table"
        data={(tables.data?.items ?? []).map((t) => ({ value: t.id, label: t.name }))}
        value={tableId}
        onChange={setTableId}
        clearable
        searchable
        comboboxProps={{ withinPortal: true }}
        w={{ base: 'calc(50% - 6px)', xs: 150 }}
      />
      <TextInput
        label="Search"
        placeholder="Guest, phone or code"
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        leftSection={<IconSearch size={16} />}
        style={{ flex: '1 1 200px' }}
      />
    </Group>
  );

  let body: ReactNode;
  if (list.isPending) body = <PageSkeleton rows={5} label="Loading bookings" />;
  else if (list.isError) body = <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  else {
    const items = list.data.pages.flatMap((p) => p.items);
    if (items.length === 0) {
      body = filtered ? (
        <EmptyHint
          icon={<IconSearch size={32} stroke={1.4} aria-hidden />}
          title="No bookings match"
          action={
            <Button variant="default" onClick={clear}>
              Clear filters
            </Button>
          }
        >
          Nothing on these dates matches the status, table or search.
        </EmptyHint>
      ) : (
        <EmptyHint
          icon={<IconCalendarOff size={32} stroke={1.4} aria-hidden />}
          title={from === to ? `No bookings on ${formatDay(from)}` : 'No bookings on these dates'}
          action={
            <Button leftSection={<IconPlus size={16} />} onClick={() => ui.openWizard({ date: from })}>
              New booking
            </Button>
          }
        />
      );
    } else {
      // Guests who come (or came): cancelled bookings and no-shows do not count.
      const covers = items.reduce(
        (n, b) => n + (b.status === 'canceled' || b.status === 'no_show' ? 0 : b.partySize),
        0,
      );
      body = (
        <Stack gap="sm" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
          <BookingsTable items={items} showDate={from !== to} onOpen={ui.openBooking} />
          <ListFooter
            hasMore={list.hasNextPage}
            loading={list.isFetchingNextPage}
            onMore={() => void list.fetchNextPage()}
          >
            {countLabel(items.length, list.hasNextPage, 'booking')} · {guestsLabel(covers)}
          </ListFooter>
        </Stack>
      );
    }
  }

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
      <Stack gap="md">
        {filters}
        {body}
      </Stack>
    </Paper>
  );
}

function BookingsTable({
  items,
  showDate,
  onOpen,
}: {
  items: TBooking[];
  showDate: boolean;
  onOpen: (id: string) => void;
}) {
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table highlightOnHover verticalSpacing="xs" aria-label="Bookings">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={showDate ? 130 : 80}>Time</Table.Th>
            <Table.Th>Guest</Table.Th>
            <Table.Th visibleFrom="sm" w={70}>
              Party
            </Table.Th>
            <Table.Th visibleFrom="sm">Tables</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th visibleFrom="sm" w={100}>
              Code
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((b) => {
            const tables = b.tables.map((t) => t.name).join(' + ') || '—';
            return (
              <Table.Tr
                key={b.id}
                data-booking-id={b.id}
                onClick={() => onOpen(b.id)}
                style={{ cursor: 'pointer' }}
                c={b.status === 'canceled' || b.status === 'no_show' ? 'dimmed' : undefined}
              >
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {showDate && (
                    <Text size="xs" c="dimmed">
                      {formatDay(b.date)}
                    </Text>
                  )}
                  <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {b.time}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Anchor
                      component="button"
                      type="button"
                      fw={600}
                      size="sm"
                      ta="left"
                      c="inherit"
                      onClick={(e) => {
                        e.stopPropagation();
                        onOpen(b.id);
                      }}
                      aria-label={`Open ${b.guest.name}'s booking at ${b.time}`}
                    >
                      {b.guest.name}
                    </Anchor>
                    {b.specialRequests && (
                      <IconMessage2
                        size={14}
                        color="var(--mantine-color-dimmed)"
                        aria-label="Has special requests"
                        style={{ flex: 'none' }}
                      />
                    )}
                  </Group>
                  {b.guest.phone && (
                    <Text size="xs" c="dimmed" visibleFrom="sm">
                      {b.guest.phone}
                    </Text>
                  )}
                  {/* Phones: party and tables fold under the name. */}
                  <Text size="xs" c="dimmed" hiddenFrom="sm">
                    ×{b.partySize} · {tables}
                  </Text>
                </Table.Td>
                <Table.Td visibleFrom="sm" aria-label={guestsLabel(b.partySize)}>
                  ×{b.partySize}
                </Table.Td>
                <Table.Td visibleFrom="sm">{tables}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <BookingStatusBadge
                    status={b.status}
                    size="sm"
                    style={{ maxWidth: 'none', overflow: 'visible' }}
                  />
                </Table.Td>
                <Table.Td visibleFrom="sm" ff="monospace" fz="sm">
                  {b.code}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
