import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCalendarOff, IconLayoutList, IconList, IconTable } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { type ReactNode, Suspense } from 'react';
import { Link, useSearchParams } from 'react-router';
import { trpc } from '../../app/trpc';
import { guestsLabel } from '../../lib/bookings';
import { formatDay } from '../../lib/format';
import { lazyNamed } from '../../lib/lazy';
import { localToday } from '../../lib/local-time';
import { useIsPhone } from '../../lib/media';
import { EmptyHint, PageSkeleton, QueryError } from '../../lib/states';
import { useRestaurantTimeZone } from '../../lib/time-zone';
import { ViewSwitch } from '../../lib/ViewSwitch';
import { DateNav } from './DateNav';
import { askedDate, bookingsView } from './params';
import { daySummary } from './timeline/layout';
import { Timeline, TimelineLegend } from './timeline/Timeline';

// Its own chunk: the timeline, the view of wider screens, loads without the list's code (where the
// list shows first, index.html fetches it with the page's chunks).
const BookingsList = lazyNamed(() => import('./BookingsList'), 'BookingsList');

/** The day's bookings on a timeline of tables × time, or as a filtered list (phones). */
export function BookingsPage() {
  const isPhone = useIsPhone();
  const [params, setParams] = useSearchParams();
  const { timeZone, pending } = useRestaurantTimeZone();
  const today = localToday(timeZone);
  const asked = askedDate(params);
  const date = asked ?? today;
  const view = bookingsView(params, isPhone);
  const setParam = (key: string, value: string) =>
    setParams(
      (prev) => {
        const p = new URLSearchParams(prev);
        p.set(key, value);
        return p;
      },
      { replace: true },
    );

  if (pending && !asked) return <PageSkeleton rows={6} label="Loading bookings" />;
  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm">
        <Title order={2}>Bookings</Title>
        <ViewSwitch
          value={view}
          onChange={(v) => setParam('view', v)}
          options={[
            { value: 'timeline', label: 'Timeline', icon: <IconLayoutList size={16} /> },
            { value: 'list', label: 'List', icon: <IconList size={16} /> },
          ]}
        />
      </Group>
      {view === 'timeline' ? (
        <TimelineView date={date} today={today} onDate={(d) => setParam('date', d)} />
      ) : (
        <Suspense fallback={<PageSkeleton rows={6} label="Loading bookings" />}>
          <BookingsList key={date} date={date} onDate={(d) => setParam('date', d)} />
        </Suspense>
      )}
    </Stack>
  );
}

function TimelineView({ date, today, onDate }: { date: string; today: string; onDate: (d: string) => void }) {
  const grid = trpc.availability.grid.useQuery({ date }, { placeholderData: keepPreviousData });
  const data = grid.data;
  const summary = data && data.date === date ? daySummary(data) : null;

  let body: ReactNode;
  if (grid.isPending) body = <PageSkeleton rows={6} label="Loading timeline" />;
  else if (grid.isError && !data)
    body = <QueryError error={grid.error} onRetry={() => void grid.refetch()} />;
  else if (!data) body = null;
  else if (data.tables.length === 0) {
    body = (
      <Paper withBorder p="xl">
        <EmptyHint icon={<IconTable size={36} stroke={1.4} aria-hidden />} title="No tables yet">
          Bookings are made on tables. Add your tables on the{' '}
          <Anchor component={Link} to="/floor">
            Floor
          </Anchor>{' '}
          page first.
        </EmptyHint>
      </Paper>
    );
  } else if (data.slots.length === 0 && data.bookings.length === 0 && data.blocks.length === 0) {
    body = (
      <Paper withBorder p="xl">
        <EmptyHint
          icon={<IconCalendarOff size={36} stroke={1.4} aria-hidden />}
          title={`Closed on ${formatDay(date)}`}
        >
          There are no opening hours on this day. Opening hours and special days are set in{' '}
          <Anchor component={Link} to="/settings/hours">
            Settings → Hours
          </Anchor>
          .
        </EmptyHint>
      </Paper>
    );
  } else {
    body = (
      <Stack gap="xs" style={{ opacity: grid.isPlaceholderData ? 0.55 : 1, transition: 'opacity 120ms' }}>
        <Timeline grid={data} isToday={data.date === today} />
        <Group justify="space-between" gap="xs" align="flex-start">
          <TimelineLegend />
          <Text size="xs" c="dimmed" visibleFrom="sm">
            Drag a booking to another table or time; drag its right edge to change its length. Click a free
            slot to book it.
          </Text>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="sm">
        <DateNav date={date} today={today} onChange={onDate} />
        {summary && (
          <Text size="sm" c="dimmed" role="status">
            {summary.bookings} {summary.bookings === 1 ? 'booking' : 'bookings'} ·{' '}
            {guestsLabel(summary.covers)}
          </Text>
        )}
      </Group>
      {body}
    </Stack>
  );
}
