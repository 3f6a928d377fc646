import { Anchor, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { type Icon, IconKey, IconRobot, IconUser } from '@tabler/icons-react';
import { EVENT_TYPES, isEventType, type TEvent, type TEventActor } from '@tobeout/shared';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDay } from '../../lib/format';
import { localNow } from '../../lib/local-time';
import { activityLink, type SummaryContext, summarize } from './summary';

type Props = {
  items: TEvent[];
  /** The restaurant's zone: times are its wall-clock times. */
  timeZone: string;
  onOpenBooking: (id: string) => void;
  context: SummaryContext;
};

const ACTOR_ICONS: Record<TEventActor['kind'], Icon> = { user: IconUser, token: IconKey, system: IconRobot };
const ACTOR_KINDS: Record<TEventActor['kind'], string> = {
  user: 'Member',
  token: 'API token',
  system: 'System',
};

export function eventLabel(type: string): string {
  return isEventType(type) ? EVENT_TYPES[type].label : type;
}

/** The restaurant-local day and time of an instant. */
function localParts(at: Date, timeZone: string) {
  const local = localNow(timeZone, at);
  return { day: formatDay(local.slice(0, 10)), time: local.slice(11, 16) };
}

function Actor({ actor }: { actor: TEventActor }) {
  const ActorIcon = ACTOR_ICONS[actor.kind];
  return (
    <Group gap={6} wrap="nowrap" title={ACTOR_KINDS[actor.kind]}>
      <ActorIcon size={14} aria-hidden color="var(--mantine-color-dimmed)" style={{ flex: 'none' }} />
      <Text size="sm" span style={{ overflowWrap: 'anywhere' }}>
        {actor.name}
      </Text>
    </Group>
  );
}

/** The event's label, as a link to what it is about when there is one (a booking opens in the drawer). */
function EntryTitle({ event, onOpenBooking }: { event: TEvent; onOpenBooking: (id: string) => void }) {
  const link = activityLink(event);
  const label = eventLabel(event.type);
  const common = { fw: 600, size: 'sm', title: link?.label } as const;
  if (link?.kind === 'booking')
    return (
      <Anchor
        component="button"
        type="button"
        ta="left"
        {...common}
        onClick={() => onOpenBooking(link.bookingId)}
      >
        {label}
      </Anchor>
    );
  if (link?.kind === 'page')
    return (
      <Anchor component={Link} to={link.to} {...common}>
        {label}
      </Anchor>
    );
  return (
    <Text {...common} span>
      {label}
    </Text>
  );
}

function Summary({ children, lines = 1 }: { children: ReactNode; lines?: number }) {
  if (!children) return null;
  return (
    <Text size="sm" c="dimmed" lineClamp={lines} title={typeof children === 'string' ? children : undefined}>
      {children}
    </Text>
  );
}

const tabular = { fontVariantNumeric: 'tabular-nums' } as const;

/** The log as table rows, newest first. */
export function ActivityTable({ items, timeZone, onOpenBooking, context }: Props) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" highlightOnHover aria-label="Activity">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={150}>When</Table.Th>
            <Table.Th w={200}>By</Table.Th>
            <Table.Th>What</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((e) => {
            const { day, time } = localParts(e.at, timeZone);
            return (
              <Table.Tr key={e.cursor} data-event-id={e.id} data-entity={e.entity}>
                <Table.Td style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
                  <Text size="xs" c="dimmed">
                    {day}
                  </Text>
                  <Text size="sm" fw={600} style={tabular}>
                    {time}
                  </Text>
                </Table.Td>
                <Table.Td style={{ verticalAlign: 'top' }}>
                  <Actor actor={e.actor} />
                </Table.Td>
                <Table.Td style={{ verticalAlign: 'top' }}>
                  <EntryTitle event={e} onOpenBooking={onOpenBooking} />
                  <Summary>{summarize(e, context)}</Summary>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Phones: one card per entry. */
export function ActivityCards({ items, timeZone, onOpenBooking, context }: Props) {
  return (
    <Stack gap="xs" component="ul" p={0} m={0} aria-label="Activity" style={{ listStyle: 'none' }}>
      {items.map((e) => {
        const { day, time } = localParts(e.at, timeZone);
        return (
          <li key={e.cursor} data-event-id={e.id} data-entity={e.entity}>
            <Paper withBorder p="sm" radius="md">
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <EntryTitle event={e} onOpenBooking={onOpenBooking} />
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap', ...tabular }}>
                  {day}, {time}
                </Text>
              </Group>
              <Summary lines={2}>{summarize(e, context)}</Summary>
              <Group mt={4}>
                <Actor actor={e.actor} />
              </Group>
            </Paper>
          </li>
        );
      })}
    </Stack>
  );
}
