import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { TGuestDetails } from '@tobeout/shared';
import { formatDate } from '../../lib/format';

const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

function Stat({ label, value, hint }: { label: string; value: string; hint: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text component="dt" size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: 0.4 }}>
        {label}
      </Text>
      <Text
        component="dd"
        m={0}
        fz={{ base: 'lg', sm: 'xl' }}
        fw={700}
        style={{ fontVariantNumeric: 'tabular-nums' }}
      >
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </Paper>
  );
}

/** What the guest's bookings say about them, as six cards. */
export function GuestStats({ stats }: { stats: TGuestDetails['stats'] }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" component="dl" m={0} aria-label="Statistics">
      <Stat label="Visits" value={String(stats.totalVisits)} hint="completed" />
      <Stat label="Upcoming" value={String(stats.upcomingBookings)} hint="bookings ahead" />
      <Stat
        label="Last visit"
        value={stats.lastVisitAt ? formatDate(stats.lastVisitAt) : 'Never'}
        hint={stats.lastVisitAt ? 'most recent' : 'no visit yet'}
      />
      <Stat
        label="Cancellations"
        value={stats.cancellationRate === null ? '—' : percent.format(stats.cancellationRate)}
        hint="of all bookings"
      />
      <Stat label="No-shows" value={String(stats.noShowCount)} hint="did not come" />
      <Stat
        label="Average party"
        value={stats.averagePartySize === null ? '—' : decimal.format(stats.averagePartySize)}
        hint="guests per visit"
      />
    </SimpleGrid>
  );
}
