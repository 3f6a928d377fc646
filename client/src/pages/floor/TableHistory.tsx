import { Badge, Button, Group, Progress, Skeleton, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCalendarEvent, IconLock } from '@tabler/icons-react';
import type { TTableHistoryItem } from '@tobeout/shared';
import { trpc } from '../../app/trpc';
import { addLocalDays, formatLocalRange, localToday } from '../../lib/local-time';
import { QueryError } from '../../lib/states';

const PAGE_SIZE = 10;

const STATUS: Record<string, { label: string; color: string }> = {
  created: { label: 'Requested', color: 'blue' },
  confirmed: { label: 'Confirmed', color: 'indigo' },
  seated: { label: 'Seated', color: 'orange' },
  completed: { label: 'Completed', color: 'teal' },
  canceled: { label: 'Cancelled', color: 'gray' },
  no_show: { label: 'No-show', color: 'red' },
  active: { label: 'Blocked', color: 'gray' },
  released: { label: 'Lifted', color: 'gray' },
};

function HistoryRow({ item }: { item: TTableHistoryItem }) {
  const status = STATUS[item.status] ?? { label: item.status, color: 'gray' };
  const booking = item.kind === 'booking';
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start" component="li">
      <ThemeIcon variant="light" color={booking ? 'indigo' : 'gray'} size="md" radius="xl" aria-hidden>
        {booking ? <IconCalendarEvent size={15} /> : <IconLock size={15} />}
      </ThemeIcon>
      <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
        <Text size="sm" fw={500} truncate>
          {booking ? item.title : `Blocked: ${item.title}`}
          {item.partySize ? ` · ${item.partySize} guests` : ''}
        </Text>
        <Text size="xs" c="dimmed">
          {formatLocalRange(item.from, item.to)}
          {item.confirmationCode ? ` · ${item.confirmationCode}` : ''}
        </Text>
      </Stack>
      <Badge variant="light" color={status.color} style={{ flex: 'none' }}>
        {status.label}
      </Badge>
    </Group>
  );
}

/** Bookings and blocks that held the table, newest first, ten at a time. */
export function TableHistory({ tableId }: { tableId: string }) {
  const history = trpc.tables.history.useInfiniteQuery(
    { tableId, limit: PAGE_SIZE },
    { getNextPageParam: (page) => page.nextCursor ?? undefined },
  );
  if (history.isPending) return <Skeleton height={72} aria-label="Loading history" />;
  if (history.isError) return <QueryError error={history.error} onRetry={() => void history.refetch()} />;
  const items = history.data.pages.flatMap((p) => p.items);
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No bookings or blocks on this table yet.
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label="Booking history">
        {items.map((item) => (
          <HistoryRow key={`${item.kind}:${item.id}:${item.from}`} item={item} />
        ))}
      </Stack>
      {history.hasNextPage && (
        <Button
          variant="subtle"
          size="xs"
          onClick={() => void history.fetchNextPage()}
          loading={history.isFetchingNextPage}
          style={{ alignSelf: 'flex-start' }}
        >
          Load more
        </Button>
      )}
    </Stack>
  );
}

function hours(minutes: number): string {
  return `${Math.round(minutes / 60)} h`;
}

/** Seated share of the open hours over the last 30 days (managers). */
export function TableUtilisation({ tableId, timeZone }: { tableId: string; timeZone: string }) {
  const to = localToday(timeZone);
  const from = addLocalDays(to, -29);
  const utilisation = trpc.tables.utilisation.useQuery({ from, to, tableIds: [tableId] });
  if (utilisation.isPending) return <Skeleton height={40} aria-label="Loading utilisation" />;
  if (utilisation.isError)
    return <QueryError error={utilisation.error} onRetry={() => void utilisation.refetch()} />;
  const item = utilisation.data.items.find((i) => i.tableId === tableId);
  if (!item || item.ratio === null) {
    return (
      <Text size="sm" c="dimmed">
        The restaurant had no opening hours in the last 30 days.
      </Text>
    );
  }
  const percent = Math.round(item.ratio * 100);
  return (
    <Stack gap={6}>
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={600}>
          {percent}% of open hours seated
        </Text>
        <Text size="xs" c="dimmed">
          {hours(item.seatedMinutes)} of {hours(utilisation.data.openMinutes)}
        </Text>
      </Group>
      <Progress value={Math.min(100, percent)} aria-label={`Utilisation ${percent}%`} size="md" />
    </Stack>
  );
}
