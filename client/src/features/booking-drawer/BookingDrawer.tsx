import {
  Anchor,
  Button,
  CopyButton,
  Divider,
  Drawer,
  Group,
  Skeleton,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconCheck, IconCopy, IconMail, IconMessage2, IconPencil, IconPhone } from '@tabler/icons-react';
import { isTerminal, type TBooking, type TReservationSource } from '@tobeout/shared';
import { type ReactNode, useState } from 'react';
import { trpc } from '../../app/trpc';
import { BookingStatusBadge, guestsLabel } from '../../lib/bookings';
import { Fact, FactList, Section } from '../../lib/facts';
import { formatDateTime, formatDay, formatDuration } from '../../lib/format';
import { localNow } from '../../lib/local-time';
import { useIsPhone } from '../../lib/media';
import { QueryError } from '../../lib/states';
import { useRestaurantTimeZone } from '../../lib/time-zone';
import { OfflineBanner } from '../../live/offline';
import { BookingEditForm } from './BookingEditForm';
import { BookingHistory } from './BookingHistory';
import { StatusActions } from './StatusActions';

const SOURCE_LABELS: Record<TReservationSource, string> = {
  staff: 'Staff',
  phone: 'Phone',
  online: 'Online',
  walk_in: 'Walk-in',
  ai: 'AI assistant',
  import: 'Import',
};

/**
 * One booking for everyone on shift: when, who and where, its status buttons, editing, the
 * guest's contacts and what happened to it. It follows the booking live (invalidations).
 */
export function BookingDrawer({ bookingId, onClose }: { bookingId: string; onClose(): void }) {
  const isPhone = useIsPhone();
  const [opened, setOpened] = useState(true);
  const [shown, setShown] = useState(bookingId);
  if (shown !== bookingId) {
    // Another booking opened while this drawer was closing: open again for it.
    setShown(bookingId);
    setOpened(true);
  }
  const booking = trpc.bookings.get.useQuery({ id: bookingId });

  const data = booking.data;
  let body: ReactNode;
  if (data) body = <BookingBody key={data.id} booking={data} modalPickers={isPhone} />;
  else if (booking.isError)
    body = <QueryError error={booking.error} onRetry={() => void booking.refetch()} />;
  else body = <DrawerSkeleton />;

  return (
    <Drawer
      opened={opened}
      onClose={() => setOpened(false)}
      onExitTransitionEnd={onClose}
      position="right"
      size={isPhone ? '100%' : 480}
      title={
        <Group gap="xs" wrap="nowrap">
          <Text fw={700} size="lg">
            {data ? `Booking ${data.code}` : 'Booking'}
          </Text>
          {data && <BookingStatusBadge status={data.status} />}
        </Group>
      }
    >
      {body}
    </Drawer>
  );
}

function DrawerSkeleton() {
  return (
    <Stack gap="sm" aria-busy="true" aria-label="Loading booking">
      <Skeleton height={28} width="60%" />
      <Skeleton height={16} width="80%" />
      <Skeleton height={30} width="70%" mt="sm" />
      <Skeleton height={120} mt="sm" />
    </Stack>
  );
}

function BookingBody({ booking: b, modalPickers }: { booking: TBooking; modalPickers: boolean }) {
  const { timeZone } = useRestaurantTimeZone();
  const [editing, setEditing] = useState(false);
  // Restaurant wall-clock times, as everywhere bookings are shown.
  const end = localNow(timeZone, b.endsAt).slice(11);
  const tables = b.tables.map((t) => t.name).join(' + ') || 'No table';

  return (
    <Stack gap="lg">
      <OfflineBanner inline />
      <Stack gap={4}>
        <Title order={3} fz="h3">
          {b.guest.name}
        </Title>
        <Text size="sm" fw={500}>
          {formatDay(b.date)} · {b.time}–{end}{' '}
          <Text span size="sm" c="dimmed">
            ({formatDuration(b.durationMin)})
          </Text>
        </Text>
        <Text size="sm" c="dimmed">
          {guestsLabel(b.partySize)} · {tables}
        </Text>
      </Stack>

      <StatusActions booking={b} />
      {b.status === 'canceled' && b.cancelReason && (
        <Text size="sm">
          <Text span c="dimmed">
            Cancelled:{' '}
          </Text>
          {b.cancelReason}
        </Text>
      )}

      <Divider />
      {editing ? (
        <Section title="Edit booking">
          <BookingEditForm booking={b} onDone={() => setEditing(false)} modalPickers={modalPickers} />
        </Section>
      ) : (
        <Section
          title="Details"
          action={
            !isTerminal(b.status) && (
              <Button
                size="xs"
                variant="light"
                leftSection={<IconPencil size={14} />}
                onClick={() => setEditing(true)}
              >
                Edit
              </Button>
            )
          }
        >
          <FactList>
            <Fact label="Code">
              <Group gap={4} wrap="nowrap">
                <Text ff="monospace" size="sm" fw={600}>
                  {b.code}
                </Text>
                <CopyButton value={b.code}>
                  {({ copied, copy }) => (
                    <Tooltip label={copied ? 'Copied' : 'Copy code'}>
                      <Anchor
                        component="button"
                        type="button"
                        onClick={copy}
                        aria-label="Copy code"
                        c="dimmed"
                      >
                        {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                      </Anchor>
                    </Tooltip>
                  )}
                </CopyButton>
              </Group>
            </Fact>
            <Fact label="Source">{SOURCE_LABELS[b.source]}</Fact>
            <Fact label="Booked">{formatDateTime(b.createdAt)}</Fact>
            <Fact label="Last changed">{formatDateTime(b.updatedAt)}</Fact>
            <Fact label="Special requests" span>
              {b.specialRequests ? (
                <Group gap={6} wrap="nowrap" align="flex-start" component="span">
                  <IconMessage2 size={16} aria-hidden style={{ flex: 'none', marginTop: 2 }} />
                  <span style={{ whiteSpace: 'pre-wrap' }}>{b.specialRequests}</span>
                </Group>
              ) : (
                <Text span size="sm" c="dimmed">
                  None
                </Text>
              )}
            </Fact>
          </FactList>
        </Section>
      )}

      <Divider />
      <Section title="Guest">
        <Stack gap={6}>
          <Text size="sm" fw={600}>
            {b.guest.name}
          </Text>
          {b.guest.phone && (
            <Anchor href={`tel:${b.guest.phone}`} size="sm">
              <Group gap={6} wrap="nowrap" component="span">
                <IconPhone size={15} aria-hidden />
                {b.guest.phone}
              </Group>
            </Anchor>
          )}
          {b.guest.email && (
            <Anchor href={`mailto:${b.guest.email}`} size="sm">
              <Group gap={6} wrap="nowrap" component="span">
                <IconMail size={15} aria-hidden />
                {b.guest.email}
              </Group>
            </Anchor>
          )}
          {!b.guest.phone && !b.guest.email && (
            <Text size="sm" c="dimmed">
              No phone number or e-mail on file.
            </Text>
          )}
        </Stack>
      </Section>

      <Divider />
      <Section title="History">
        <BookingHistory bookingId={b.id} version={b.version} />
      </Section>
    </Stack>
  );
}
