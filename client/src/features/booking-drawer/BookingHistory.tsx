import { Skeleton, Text, Timeline } from '@mantine/core';
import {
  IconArrowsMove,
  IconCalendarPlus,
  IconCircleDot,
  IconPencil,
  IconProgressCheck,
  IconX,
} from '@tabler/icons-react';
import { useEffect } from 'react';
import { trpc } from '../../app/trpc';
import { formatDateTime } from '../../lib/format';
import { QueryError } from '../../lib/states';
import { describeEvent, type HistoryKind } from './history';

const ICONS: Record<HistoryKind, typeof IconPencil> = {
  created: IconCalendarPlus,
  moved: IconArrowsMove,
  changed: IconPencil,
  status: IconProgressCheck,
  canceled: IconX,
  other: IconCircleDot,
};

/** What happened to a booking, newest first, from its audit trail (bookings.history). */
export function BookingHistory({ bookingId, version }: { bookingId: string; version: number }) {
  const history = trpc.bookings.history.useQuery(
    { id: bookingId },
    {
      select: (events) =>
        events.map(describeEvent).sort((a, b) => b.at.getTime() - a.at.getTime() || b.id - a.id),
    },
  );
  // A new version of the booking comes with a new event: read again.
  const { refetch } = history;
  useEffect(() => {
    if (version > 0) void refetch();
  }, [version, refetch]);

  if (history.isPending) return <Skeleton height={64} aria-label="Loading history" />;
  if (history.isError) return <QueryError error={history.error} onRetry={() => void history.refetch()} />;
  if (history.data.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No changes recorded for this booking yet.
      </Text>
    );
  }
  return (
    <Timeline bulletSize={24} lineWidth={2} active={-1} aria-label="Booking history">
      {history.data.map((line, i) => {
        const Icon = ICONS[line.kind];
        return (
          <Timeline.Item
            key={line.id}
            mt={i === 0 ? 0 : 'md'}
            bullet={<Icon size={13} aria-hidden />}
            color={line.kind === 'canceled' ? 'red' : undefined}
            title={
              <Text size="sm" fw={500}>
                {line.text}
              </Text>
            }
          >
            <Text size="xs" c="dimmed">
              {formatDateTime(line.at)}
            </Text>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
