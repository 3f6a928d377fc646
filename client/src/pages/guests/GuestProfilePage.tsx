import { Anchor, Button, Grid, Group, Paper, SimpleGrid, Skeleton, Stack, Title } from '@mantine/core';
import {
  IconArrowLeft,
  IconArrowsJoin,
  IconCalendarPlus,
  IconCalendarUser,
  IconLanguage,
  IconMail,
  IconPencil,
  IconPhone,
  IconUserQuestion,
} from '@tabler/icons-react';
import type { TGuest, TGuestDetails } from '@tobeout/shared';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useCan } from '../../app/session';
import { trpc } from '../../app/trpc';
import { useBookingUi } from '../../features/booking-ui/BookingUiProvider';
import { confirmDanger } from '../../lib/actions';
import { errorCode, handleServerError, notifySuccess } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { guestPath, SegmentBadges } from '../../lib/guests';
import { languageName } from '../../lib/languages';
import { useIsPhone } from '../../lib/media';
import { EmptyHint, QueryError } from '../../lib/states';
import { GuestBookings } from './GuestBookings';
import { GuestFormModal } from './GuestFormModal';
import { GuestNotes } from './GuestNotes';
import { GuestStats } from './GuestStats';
import { MergeExplanation, MergeGuestModal } from './MergeGuestModal';
import { useGuestUpdate } from './useGuestUpdate';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function BackLink() {
  return (
    <Anchor component={Link} to="/guests" size="sm" w="fit-content">
      <Group gap={4} wrap="nowrap">
        <IconArrowLeft size={14} aria-hidden />
        All guests
      </Group>
    </Anchor>
  );
}

function NotFound() {
  return (
    <Stack gap="md">
      <BackLink />
      <Paper withBorder p="xl">
        <EmptyHint icon={<IconUserQuestion size={36} stroke={1.4} aria-hidden />} title="Guest not found">
          This guest is not in this restaurant's guest book. They may have been merged into another record.
        </EmptyHint>
      </Paper>
    </Stack>
  );
}

/** One guest: who they are, how to reach them, what they booked, and notes for the team. */
export function GuestProfilePage() {
  const { guestId = '' } = useParams();
  const valid = UUID.test(guestId);
  const guest = trpc.guests.get.useQuery({ id: guestId }, { enabled: valid });

  if (!valid || errorCode(guest.error) === 'NOT_FOUND') return <NotFound />;
  if (guest.data) return <Profile guest={guest.data} />;
  if (guest.isError)
    return (
      <Stack gap="md">
        <BackLink />
        <QueryError error={guest.error} onRetry={() => void guest.refetch()} />
      </Stack>
    );
  return (
    <Stack gap="md" aria-busy="true" aria-label="Loading the guest">
      <BackLink />
      <Skeleton height={96} radius="md" />
      <Skeleton height={88} radius="md" />
      <Skeleton height={240} radius="md" />
    </Stack>
  );
}

function Profile({ guest }: { guest: TGuestDetails }) {
  const ui = useBookingUi();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const canMerge = useCan('manager');
  const utils = trpc.useUtils();
  const update = useGuestUpdate(guest.id);
  const merge = trpc.guests.merge.useMutation();
  const [editing, setEditing] = useState(false);
  const [merging, setMerging] = useState(false);
  const book = () => ui.openWizard({ guestId: guest.id });
  const { stats } = guest;
  const hasHistory = stats.totalVisits + stats.upcomingBookings > 0 || stats.cancellationRate !== null;

  const confirmMerge = (keep: TGuest, gone: TGuest) =>
    confirmDanger({
      title: 'Merge these guests?',
      message: <MergeExplanation keep={keep} gone={gone} />,
      confirmLabel: 'Merge guests',
      onConfirm: () =>
        merge.mutate(
          { keepId: keep.id, mergeId: gone.id },
          {
            onSuccess: (kept) => {
              notifySuccess(`${gone.name} was merged into ${kept.name}.`, 'Guests merged');
              // To the kept record first: this one may be gone.
              if (kept.id !== guest.id) navigate(guestPath(kept.id), { replace: true });
              void utils.guests.invalidate();
              void utils.bookings.invalidate();
            },
            onError: (error) => handleServerError(error),
          },
        ),
    });

  const contact = [
    guest.phone ? { icon: IconPhone, text: guest.phone } : null,
    guest.email ? { icon: IconMail, text: guest.email } : null,
    guest.language ? { icon: IconLanguage, text: languageName(guest.language) } : null,
    { icon: IconCalendarUser, text: `Guest since ${formatDate(guest.createdAt)}` },
  ].filter((item) => item !== null);

  const secondary = (
    <>
      {guest.phone && (
        <Button
          component="a"
          href={`tel:${guest.phone}`}
          variant="default"
          leftSection={<IconPhone size={16} />}
          aria-label={`Call ${guest.phone}`}
        >
          Call
        </Button>
      )}
      {guest.email && (
        <Button
          component="a"
          href={`mailto:${guest.email}`}
          variant="default"
          leftSection={<IconMail size={16} />}
          aria-label={`Email ${guest.email}`}
        >
          Email
        </Button>
      )}
      <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
        Edit
      </Button>
      {canMerge && (
        <Button
          variant="default"
          leftSection={<IconArrowsJoin size={16} />}
          onClick={() => setMerging(true)}
          loading={merge.isPending}
        >
          Merge
        </Button>
      )}
    </>
  );
  const primary = (
    <Button leftSection={<IconCalendarPlus size={16} />} onClick={book} fullWidth={isPhone}>
      {hasHistory ? 'Book again' : 'Book a table'}
    </Button>
  );

  return (
    <Stack gap="md">
      <BackLink />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
        <Group justify="space-between" align="flex-start" gap="md">
          <Stack gap={8} style={{ flex: '1 1 320px', minWidth: 0 }}>
            <Group gap="sm" align="center">
              <Title order={2} style={{ overflowWrap: 'anywhere' }}>
                {guest.name}
              </Title>
              <SegmentBadges segments={guest.segments} size="md" />
            </Group>
            <Group
              component="ul"
              aria-label="Contact"
              gap="md"
              p={0}
              m={0}
              style={{ rowGap: 4, listStyle: 'none' }}
            >
              {contact.map(({ icon: Icon, text }) => (
                <Group key={text} component="li" gap={6} wrap="nowrap" c="dimmed" fz="sm" miw={0}>
                  <Icon size={15} aria-hidden style={{ flex: 'none' }} />
                  <span style={{ overflowWrap: 'anywhere' }}>{text}</span>
                </Group>
              ))}
            </Group>
          </Stack>
          {isPhone ? (
            <Stack gap="xs" w="100%">
              {primary}
              <SimpleGrid cols={2} spacing="xs">
                {secondary}
              </SimpleGrid>
            </Stack>
          ) : (
            <Group gap="xs">
              {secondary}
              {primary}
            </Group>
          )}
        </Group>
      </Paper>

      <GuestStats stats={stats} />

      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <GuestNotes guest={guest} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <GuestBookings guestId={guest.id} onBook={book} />
        </Grid.Col>
      </Grid>

      <GuestFormModal
        opened={editing}
        onClose={() => setEditing(false)}
        guest={guest}
        onSubmit={(input) =>
          update.mutateAsync(
            { id: guest.id, ...input },
            { onSuccess: (saved) => notifySuccess(`${saved.name}'s details saved.`) },
          )
        }
      />
      {canMerge && (
        <MergeGuestModal
          guest={guest}
          opened={merging}
          onClose={() => setMerging(false)}
          onContinue={confirmMerge}
        />
      )}
    </Stack>
  );
}
