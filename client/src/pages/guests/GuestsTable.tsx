import { Anchor, Group, Paper, Select, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconSelector } from '@tabler/icons-react';
import { GUEST_SORTS, type TGuest } from '@tobeout/shared';
import { Link, useNavigate } from 'react-router';
import { formatDate } from '../../lib/format';
import { guestPath, SegmentBadges } from '../../lib/guests';
import { FIRST_DIR, type GuestSort, nextSort, SORT_LABELS, type SortState } from './filters';

type SortProps = {
  /** The order shown (null: best match, while searching). */
  sort: SortState;
  onSort: (next: SortState) => void;
};

const tabular = { fontVariantNumeric: 'tabular-nums' } as const;

function visitsLabel(n: number): string {
  return `${n} ${n === 1 ? 'visit' : 'visits'}`;
}

/** A column header that sorts the list (the server sorts: all pages, not just the loaded ones). */
function SortableTh({
  column,
  sort,
  onSort,
  w,
  align,
}: SortProps & { column: GuestSort; w?: number; align?: 'right' }) {
  const active = sort?.sort === column;
  const Icon = !active ? IconSelector : sort.dir === 'asc' ? IconChevronUp : IconChevronDown;
  return (
    <Table.Th
      w={w}
      aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
      style={{ whiteSpace: 'nowrap' }}
    >
      <UnstyledButton
        onClick={() => onSort(nextSort(sort, column))}
        fz="sm"
        fw={700}
        w={align ? '100%' : undefined}
        aria-label={`Sort by ${SORT_LABELS[column].toLowerCase()}`}
      >
        <Group gap={4} wrap="nowrap" justify={align === 'right' ? 'flex-end' : 'flex-start'}>
          {SORT_LABELS[column]}
          <Icon
            size={14}
            aria-hidden
            color={active ? 'var(--mantine-primary-color-filled)' : 'var(--mantine-color-dimmed)'}
          />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

/** Guests as table rows; a row (or its name) opens the profile. */
export function GuestsTable({ items, sort, onSort }: { items: TGuest[] } & SortProps) {
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover verticalSpacing="sm" aria-label="Guests">
        <Table.Thead>
          <Table.Tr>
            <SortableTh column="name" sort={sort} onSort={onSort} />
            <Table.Th>Segments</Table.Th>
            <Table.Th>Phone and email</Table.Th>
            <SortableTh column="visits" sort={sort} onSort={onSort} w={100} align="right" />
            <SortableTh column="lastVisit" sort={sort} onSort={onSort} w={140} />
            <SortableTh column="created" sort={sort} onSort={onSort} w={130} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((g) => (
            <Table.Tr
              key={g.id}
              data-guest-id={g.id}
              onClick={() => navigate(guestPath(g.id))}
              style={{ cursor: 'pointer' }}
            >
              <Table.Td>
                <Anchor
                  component={Link}
                  to={guestPath(g.id)}
                  fw={600}
                  size="sm"
                  c="inherit"
                  onClick={(e) => e.stopPropagation()}
                >
                  {g.name}
                </Anchor>
                {g.tags.length > 0 && (
                  <Text size="xs" c="dimmed" lineClamp={1} title={g.tags.join(', ')}>
                    {g.tags.join(' · ')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <SegmentBadges segments={g.segments} size="sm" />
              </Table.Td>
              <Table.Td fz="sm">
                {!g.phone && !g.email && <Dimmed />}
                {g.phone && <div style={tabular}>{g.phone}</div>}
                {g.email && (
                  <Text size="sm" c="dimmed" style={{ overflowWrap: 'break-word' }}>
                    {g.email}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right" fz="sm" style={tabular}>
                {g.visitCount}
              </Table.Td>
              <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
                {g.lastVisitAt ? formatDate(g.lastVisitAt) : <Dimmed>Never</Dimmed>}
              </Table.Td>
              <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }} c="dimmed">
                {formatDate(g.createdAt)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Dimmed({ children = '—' }: { children?: string }) {
  return (
    <Text span c="dimmed" fz="sm">
      {children}
    </Text>
  );
}

/** Phones: one card per guest (a link to the profile). */
export function GuestCards({ items }: { items: TGuest[] }) {
  return (
    <Stack gap="xs" component="ul" p={0} m={0} aria-label="Guests" style={{ listStyle: 'none' }}>
      {items.map((g) => (
        <li key={g.id} data-guest-id={g.id}>
          <Paper
            component={Link}
            to={guestPath(g.id)}
            withBorder
            p="sm"
            radius="md"
            display="block"
            style={{ color: 'inherit', textDecoration: 'none' }}
          >
            <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
              <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                {g.name}
              </Text>
              <SegmentBadges segments={g.segments} size="xs" />
            </Group>
            {(g.phone || g.email) && (
              <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere', ...tabular }}>
                {[g.phone, g.email].filter(Boolean).join(' · ')}
              </Text>
            )}
            <Text size="xs" c="dimmed" mt={4}>
              {visitsLabel(g.visitCount)} ·{' '}
              {g.lastVisitAt ? `last ${formatDate(g.lastVisitAt)}` : 'no visit yet'}
            </Text>
          </Paper>
        </li>
      ))}
    </Stack>
  );
}

const RELEVANCE = 'relevance';
const SORT_NAMES: Record<GuestSort, [first: string, other: string]> = {
  name: ['Name A–Z', 'Name Z–A'],
  visits: ['Most visits', 'Fewest visits'],
  lastVisit: ['Last visit, newest', 'Last visit, oldest'],
  created: ['Newest guests', 'Oldest guests'],
};
const SORT_OPTIONS = GUEST_SORTS.flatMap((s) => {
  const first = FIRST_DIR[s];
  return [
    { value: `${s}:${first}`, label: SORT_NAMES[s][0] },
    { value: `${s}:${first === 'asc' ? 'desc' : 'asc'}`, label: SORT_NAMES[s][1] },
  ];
});

/** Phones have no column headers: the order is a select. */
export function SortSelect({ sort, onSort, searching }: SortProps & { searching: boolean }) {
  const data = searching ? [{ value: RELEVANCE, label: 'Best match' }, ...SORT_OPTIONS] : SORT_OPTIONS;
  const value = sort ? `${sort.sort}:${sort.dir}` : searching ? RELEVANCE : 'name:asc';
  return (
    <Select
      aria-label="Sort"
      data={data}
      value={value}
      allowDeselect={false}
      onChange={(v) => {
        if (!v || v === RELEVANCE) return onSort(null);
        const [s, dir] = v.split(':') as [GuestSort, 'asc' | 'desc'];
        onSort({ sort: s, dir });
      }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
