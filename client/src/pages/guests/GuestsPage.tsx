import { Anchor, Button, Group, Paper, Stack, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDownload, IconSearch, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useCan } from '../../app/session';
import { trpc } from '../../app/trpc';
import { notifySuccess } from '../../lib/errors';
import { guestPath } from '../../lib/guests';
import { countLabel, ListFooter } from '../../lib/ListFooter';
import { useIsPhone } from '../../lib/media';
import { EmptyHint, PageSkeleton, QueryError } from '../../lib/states';
import {
  countFilters,
  exportHref,
  fromSearchParams,
  type GuestFilterValues,
  NO_FILTERS,
  type SortState,
  toListInput,
  toSearchParams,
} from './filters';
import { GuestFilters } from './GuestFilters';
import { GuestFormModal } from './GuestFormModal';
import { GuestCards, GuestsTable, SortSelect } from './GuestsTable';

const PAGE_SIZE = 50;

/**
 * The guest book: searched, filtered and sorted by the server, fifty at a time (keyset pages).
 * Filters live in the address, so the list is the same after a visit to a profile.
 */
export function GuestsPage() {
  const isPhone = useIsPhone();
  const canExport = useCan('manager');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [initial] = useState(() => fromSearchParams(params));
  const [values, setValues] = useState<GuestFilterValues>(initial.filters);
  const [sort, setSort] = useState<SortState>(initial.sort);
  const [creating, setCreating] = useState(false);
  // What people type is sent when they pause; the pickers apply at once.
  const [q] = useDebouncedValue(values.q, 300);
  const [tag] = useDebouncedValue(values.tag, 300);
  const filters: GuestFilterValues = { ...values, q, tag };
  const searching = filters.q.trim() !== '';
  // Without a chosen column: by name, or by best match while searching (no column then).
  const shownSort: SortState = sort ?? (searching ? null : { sort: 'name', dir: 'asc' });

  const address = toSearchParams(filters, sort).toString();
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the filters change
  useEffect(() => {
    if (address !== params.toString()) setParams(new URLSearchParams(address), { replace: true });
  }, [address]);

  const utils = trpc.useUtils();
  const list = trpc.guests.list.useInfiniteQuery(toListInput(filters, sort, PAGE_SIZE), {
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const create = trpc.guests.create.useMutation({
    onSuccess: (guest) => {
      void utils.guests.list.invalidate();
      notifySuccess(`${guest.name} is in the guest book.`, 'Guest added');
      navigate(guestPath(guest.id));
    },
  });

  const filtered = searching || countFilters(filters) > 0;
  const clear = () => setValues(NO_FILTERS);

  let body: ReactNode;
  if (list.isPending) body = <PageSkeleton rows={6} label="Loading guests" />;
  else if (list.isError) body = <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  else {
    const items = list.data.pages.flatMap((p) => p.items);
    if (items.length === 0) {
      body = filtered ? (
        <EmptyHint
          icon={<IconSearch size={32} stroke={1.4} aria-hidden />}
          title="No guests match"
          action={
            <Button variant="default" onClick={clear}>
              Clear filters
            </Button>
          }
        >
          Nobody in the guest book matches the search and filters.
        </EmptyHint>
      ) : (
        <EmptyHint
          icon={<IconUsers size={32} stroke={1.4} aria-hidden />}
          title="No guests yet"
          action={
            <Button leftSection={<IconUserPlus size={16} />} onClick={() => setCreating(true)}>
              New guest
            </Button>
          }
        >
          Guests are added with their first booking, or here by hand.
        </EmptyHint>
      );
    } else {
      body = (
        <Stack gap="sm" style={{ opacity: list.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}>
          {isPhone ? (
            <GuestCards items={items} />
          ) : (
            <GuestsTable items={items} sort={shownSort} onSort={setSort} />
          )}
          <ListFooter
            aside={
              searching &&
              sort && (
                <Anchor component="button" type="button" size="sm" onClick={() => setSort(null)}>
                  Best match first
                </Anchor>
              )
            }
            hasMore={list.hasNextPage}
            loading={list.isFetchingNextPage}
            onMore={() => void list.fetchNextPage()}
          >
            {countLabel(items.length, list.hasNextPage, 'guest')}
            {searching && !sort ? ' · best match first' : ''}
          </ListFooter>
        </Stack>
      );
    }
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm">
        <Title order={2}>Guests</Title>
        <Group gap="xs">
          {canExport && (
            <Button
              component="a"
              href={exportHref(filters)}
              download
              variant="default"
              leftSection={<IconDownload size={16} />}
              title="All guests matching the search and filters, as a spreadsheet (CSV)"
            >
              Export CSV
            </Button>
          )}
          <Button leftSection={<IconUserPlus size={16} />} onClick={() => setCreating(true)}>
            New guest
          </Button>
        </Group>
      </Group>
      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        <Stack gap="md">
          <GuestFilters
            value={values}
            onChange={setValues}
            compact={isPhone}
            sortControl={<SortSelect sort={sort} onSort={setSort} searching={searching} />}
          />
          {body}
        </Stack>
      </Paper>
      <GuestFormModal
        opened={creating}
        onClose={() => setCreating(false)}
        onSubmit={(input) => create.mutateAsync(input)}
      />
    </Stack>
  );
}
