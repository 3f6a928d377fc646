import { Alert, Button, Group, Modal, SimpleGrid, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { IconArmchair } from '@tabler/icons-react';
import type { TFitOption, TRestaurant } from '@tobeout/shared';
import { type FormEvent, type ReactNode, useState } from 'react';
import { trpc } from '../../app/trpc';
import { guestsLabel, refusal } from '../../lib/bookings';
import { handleServerError, serverErrorData } from '../../lib/errors';
import { localNow } from '../../lib/local-time';
import { PageSkeleton, QueryError } from '../../lib/states';
import { useNow } from '../../lib/use-now';
import { newId } from '../../lib/uuid';
import { OfflineBanner, PausedWhenOffline } from '../../live/offline';
import { useBookingUi } from '../booking-ui/BookingUiProvider';
import { notifyBooked } from './notify';
import { PartySizePicker } from './PartySizePicker';
import { floorTime, freeTablesAt, seatingKey } from './seating';
import { TableOptions } from './TableOptions';

type Props = { opened: boolean; onClose: () => void; fullScreen?: boolean };

/** Seats a guest who came without a booking: party size → the suggested free table → Seat. */
export function WalkInModal({ opened, onClose, fullScreen }: Props) {
  const restaurant = trpc.restaurant.get.useQuery(undefined, { enabled: opened });
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Walk-in: seat a guest now"
      size="lg"
      fullScreen={fullScreen}
    >
      {!opened ? null : restaurant.data ? (
        <WalkInForm restaurant={restaurant.data} onDone={onClose} />
      ) : restaurant.isError ? (
        <QueryError error={restaurant.error} onRetry={() => void restaurant.refetch()} />
      ) : (
        <PageSkeleton rows={3} label="Loading" />
      )}
    </Modal>
  );
}

/**
 * Tables that can seat a party now: the server's suggestions for the current slot, then the
 * other tables free now. Outside the opening hours (the check has no slot) every table of the
 * grid that seats the party is offered, and the server checks the table on Seat.
 */
export function useWalkInOptions(
  restaurant: Pick<TRestaurant, 'timezone' | 'slotIntervalMin'>,
  partySize: number,
) {
  const now = useNow(60_000);
  const local = localNow(restaurant.timezone, new Date(now));
  const date = local.slice(0, 10);
  const slot = floorTime(local.slice(11), restaurant.slotIntervalMin);
  const enabled = partySize > 0;
  const check = trpc.availability.check.useQuery(
    { date, partySize, time: slot },
    { enabled, staleTime: 5_000 },
  );
  const grid = trpc.availability.grid.useQuery({ date }, { staleTime: 5_000 });
  const loading = enabled && (check.isPending || grid.isPending);
  const slotNow = check.data?.slots.find((s) => s.time === slot);
  const suggested = check.data?.available && slotNow ? slotNow.options : [];
  const keys = new Set(suggested.map((o) => seatingKey(o.tableIds)));
  const inGrid = grid.data?.slots.some((s) => s.time === slot) ?? false;
  const others = (
    inGrid
      ? freeTablesAt(grid.data, slot, check.data?.durationMin ?? restaurant.slotIntervalMin, partySize, {
          outsideHours: true,
        })
      : (grid.data?.tables ?? [])
          .filter((t) => t.maxGuests >= partySize)
          .map(
            (t): TFitOption => ({
              kind: 'table',
              tableIds: [t.id],
              combinationId: null,
              label: t.name,
              seats: t.maxGuests,
              emptySeats: t.maxGuests - partySize,
              reason: `${t.maxGuests} seats`,
            }),
          )
  ).filter((o) => !keys.has(seatingKey(o.tableIds)));
  const note =
    check.data && !check.data.available && check.data.reason !== 'full' ? check.data.message : null;
  return {
    suggested,
    others,
    note,
    loading,
    error: check.error ?? grid.error,
    refetch: () => void check.refetch(),
  };
}

export function WalkInForm({ restaurant, onDone }: { restaurant: TRestaurant; onDone: () => void }) {
  const { openBooking } = useBookingUi();
  const utils = trpc.useUtils();
  const [partySize, setPartySize] = useState<number | string>(2);
  const [name, setName] = useState('');
  const [picked, setPicked] = useState<string[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [idempotencyKey] = useState(newId);
  const party = Number(partySize) > 0 ? Math.floor(Number(partySize)) : 0;
  const { suggested, others, note, loading, error, refetch } = useWalkInOptions(restaurant, party);
  const all = [...suggested, ...others];
  const chosen = (picked && all.find((o) => seatingKey(o.tableIds) === seatingKey(picked))) ?? all[0] ?? null;

  const seat = trpc.bookings.create.useMutation({
    onSuccess: (booking) => {
      void utils.availability.invalidate();
      void utils.bookings.invalidate();
      notifyBooked(booking, openBooking, 'Walk-in seated');
      onDone();
    },
    onError: (err) => {
      const reason = serverErrorData(err)?.reason;
      if (reason === 'SLOT_TAKEN' || reason === 'NO_AVAILABILITY') {
        setProblem(refusal(err).message);
        setPicked(null);
        void utils.availability.invalidate();
      } else handleServerError(err);
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!chosen || party < 1 || seat.isPending) return;
    setProblem(null);
    seat.mutate({
      source: 'walk_in',
      partySize: party,
      guest: { name: name.trim() || 'Walk-in' },
      tableIds: chosen.tableIds,
      idempotencyKey,
    });
  };

  let tables: ReactNode;
  if (party < 1) tables = null;
  else if (loading)
    tables = (
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs" aria-busy="true" aria-label="Finding a table">
        <Skeleton height={60} />
        <Skeleton height={60} />
        <Skeleton height={60} />
      </SimpleGrid>
    );
  else if (error && all.length === 0) tables = <QueryError error={error} onRetry={refetch} />;
  else if (all.length === 0)
    tables = (
      <Alert color="yellow" variant="light" title={`No free table for ${guestsLabel(party)} right now`}>
        Every table that seats the party is taken. Put the guests on the waitlist or offer a later time.
      </Alert>
    );
  else
    tables = (
      <TableOptions
        label="Free now"
        suggested={suggested}
        others={others}
        value={chosen?.tableIds ?? []}
        onChange={(o) => setPicked(o.tableIds)}
      />
    );

  return (
    <form onSubmit={submit} aria-label="Walk-in">
      <Stack gap="md">
        <OfflineBanner inline />
        <PartySizePicker value={partySize} onChange={(v) => setPartySize(v)} />
        {note && (
          <Text size="sm" c="dimmed">
            {note} Tables free now are shown; the booking starts now.
          </Text>
        )}
        {problem && (
          <Alert color="red" variant="light" title="That table was just taken" role="alert">
            {problem} Choose another table.
          </Alert>
        )}
        {tables}
        <TextInput
          label="Name (optional)"
          placeholder="Walk-in"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          maw={320}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <PausedWhenOffline>
            {(paused) => (
              <Button
                type="submit"
                leftSection={<IconArmchair size={16} />}
                loading={seat.isPending}
                disabled={!chosen || party < 1 || paused}
                data-autofocus
              >
                {chosen ? `Seat ${party} at ${chosen.label}` : 'Seat'}
              </Button>
            )}
          </PausedWhenOffline>
        </Group>
      </Stack>
    </form>
  );
}
