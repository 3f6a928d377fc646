import { Button, type ComboboxData, Paper, Stack, Title } from '@mantine/core';
import { IconHistory, IconLock, IconSearch } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { type ReactNode, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useCan } from '../../app/session';
import { trpc } from '../../app/trpc';
import { useBookingUi } from '../../features/booking-ui/BookingUiProvider';
import { countLabel, ListFooter } from '../../lib/ListFooter';
import { useIsPhone } from '../../lib/media';
import { EmptyHint, PageSkeleton, QueryError } from '../../lib/states';
import { useRestaurantTimeZone } from '../../lib/time-zone';
import { ActivityFilters } from './ActivityFilters';
import { ActivityCards, ActivityTable } from './ActivityList';
import {
  type ActivityFilterValues,
  countFilters,
  fromSearchParams,
  NO_FILTERS,
  toLogInput,
  toSearchParams,
} from './filters';
import type { SummaryContext } from './summary';

const PAGE_SIZE = 50;

/** The audit trail: who changed what and when, from the restaurant's events. Managers and owners. */
export function ActivityPage() {
  const canView = useCan('manager');
  return (
    <Stack gap="md">
      <Title order={2}>Activity</Title>
      {canView ? (
        <ActivityLog />
      ) : (
        <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
          <EmptyHint icon={<IconLock size={32} stroke={1.4} aria-hidden />} title="Managers only">
            The activity log shows who changed which bookings, guests, tables and settings. Ask a manager or
            owner if you need to know.
          </EmptyHint>
        </Paper>
      )}
    </Stack>
  );
}

/** Members, and API tokens for owners (only owners may list them), to filter by. */
function useActorOptions(selected: { id: string | null; name?: string }) {
  const isOwner = useCan('owner');
  const members = trpc.restaurant.members.list.useQuery(undefined, { staleTime: 60_000 });
  const tokens = trpc.restaurant.tokens.list.useQuery(undefined, { enabled: isOwner, staleTime: 60_000 });
  return useMemo(() => {
    const people = (members.data ?? []).map((m) => ({ value: m.userId, label: m.name }));
    const apiTokens = (tokens.data ?? []).map((t) => ({ value: t.id, label: t.name }));
    const known = new Set([...people, ...apiTokens].map((o) => o.value));
    // A former member or a token the caller cannot list: still shown while chosen.
    const others =
      selected.id && !known.has(selected.id)
        ? [{ value: selected.id, label: selected.name ?? 'Someone else' }]
        : [];
    const data: ComboboxData = [
      { group: 'Members', items: people },
      ...(apiTokens.length > 0 ? [{ group: 'API tokens', items: apiTokens }] : []),
      ...(others.length > 0 ? [{ group: 'Others', items: others }] : []),
    ];
    const names = new Map(people.map((p) => [p.value, p.label]));
    return { data, memberName: (id: string) => names.get(id) };
  }, [members.data, tokens.data, selected.id, selected.name]);
}

function ActivityLog() {
  const isPhone = useIsPhone();
  const ui = useBookingUi();
  const { timeZone } = useRestaurantTimeZone();
  // The address holds the filters: links can be shared, and Back undoes a filter.
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => fromSearchParams(params), [params]);
  const setFilters = (next: ActivityFilterValues) => {
    // Completing a half-chosen date range is the same step, not a new one.
    const completing = filters.from !== null && filters.to === null && next.from === filters.from;
    setParams(toSearchParams(next), { replace: completing });
  };

  const log = trpc.events.log.useInfiniteQuery(toLogInput(filters, PAGE_SIZE), {
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const items = useMemo(() => log.data?.pages.flatMap((p) => p.items) ?? [], [log.data]);
  const selectedName = items.find((e) => e.actor.id === filters.actorId)?.actor.name;
  const actors = useActorOptions({ id: filters.actorId, name: selectedName });
  const context: SummaryContext = { memberName: actors.memberName };

  let body: ReactNode;
  if (log.isPending) body = <PageSkeleton rows={6} label="Loading activity" />;
  else if (log.isError) body = <QueryError error={log.error} onRetry={() => void log.refetch()} />;
  else if (items.length === 0) {
    body =
      countFilters(filters) > 0 ? (
        <EmptyHint
          icon={<IconSearch size={32} stroke={1.4} aria-hidden />}
          title="No activity matches these filters"
          action={
            <Button variant="default" onClick={() => setFilters(NO_FILTERS)}>
              Clear filters
            </Button>
          }
        >
          Try another category, person or dates.
        </EmptyHint>
      ) : (
        <EmptyHint icon={<IconHistory size={32} stroke={1.4} aria-hidden />} title="No activity yet">
          Changes to bookings, guests, tables and settings will show here as they happen.
        </EmptyHint>
      );
  } else {
    const listProps = { items, timeZone, onOpenBooking: ui.openBooking, context };
    body = (
      <Stack gap="sm" style={{ opacity: log.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}>
        {isPhone ? <ActivityCards {...listProps} /> : <ActivityTable {...listProps} />}
        <ListFooter
          hasMore={log.hasNextPage}
          loading={log.isFetchingNextPage}
          onMore={() => void log.fetchNextPage()}
        >
          {countLabel(items.length, log.hasNextPage, 'entry', 'entries')}
        </ListFooter>
      </Stack>
    );
  }

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
      <Stack gap="md">
        <ActivityFilters value={filters} onChange={setFilters} actors={actors.data} compact={isPhone} />
        {body}
      </Stack>
    </Paper>
  );
}
