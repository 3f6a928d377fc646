import {
  Alert,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { type TBooking, ZBooking, ZBookingUpdateInput } from '@tobeout/shared';
import { useEffect, useMemo, useState } from 'react';
import { useSession } from '../../app/session';
import { trpc } from '../../app/trpc';
import { describeAlternative, refusal, seatsRange } from '../../lib/bookings';
import { collapseListErrors, handleServerError, notifySuccess, serverErrorData } from '../../lib/errors';
import { numberOrNull } from '../../lib/format';
import { validateWith } from '../../lib/validate';
import { useLiveEvent } from '../../live/bus';
import { editedWhileMessage, isMine, type LiveEvent } from '../../live/messages';
import { PausedWhenOffline } from '../../live/offline';
import { ConflictPanel } from './ConflictPanel';
import {
  changedFields,
  conflictRows,
  type EditValues,
  mergeMine,
  updateInput,
  valuesOf,
} from './edit-values';
import { useBookingSaved } from './use-booking-saved';

/** Form values: number inputs hold '' while empty. */
type FormValues = Omit<EditValues, 'partySize' | 'durationMin'> & {
  partySize: number | string;
  durationMin: number | string;
};

const toEdit = (v: FormValues): EditValues => ({
  ...v,
  partySize: numberOrNull(v.partySize) ?? 0,
  durationMin: numberOrNull(v.durationMin) ?? 0,
});

type Props = {
  /** The booking as it is saved now (it changes when someone else saves it). */
  booking: TBooking;
  onDone: () => void;
  /** Pickers open in a modal (phones). */
  modalPickers?: boolean;
};

/**
 * Changes a booking's date, time, party, duration, tables and requests. It saves against the
 * version the edit began from: when someone else saved in between, both versions are shown and
 * staff choose (theirs, or theirs with this edit on top).
 */
export function BookingEditForm({ booking, onDone, modalPickers }: Props) {
  const utils = trpc.useUtils();
  const saved = useBookingSaved();
  const [base, setBase] = useState(booking);
  const [refused, setRefused] = useState<ReturnType<typeof refusal> | null>(null);
  const update = trpc.bookings.update.useMutation();
  const form = useForm<FormValues>({
    initialValues: valuesOf(booking),
    validate: validateWith(ZBookingUpdateInput, (v: FormValues) => ({
      id: booking.id,
      version: booking.version,
      ...v,
      partySize: numberOrNull(v.partySize),
      durationMin: numberOrNull(v.durationMin),
    })),
  });

  // Someone else's change to this booking while it is being edited here: who and what, said in
  // the conflict panel as soon as their version is in (the event makes bookings.get fetch it).
  const { user } = useSession();
  const [theirChange, setTheirChange] = useState<LiveEvent | null>(null);
  useLiveEvent((event) => {
    if (event.entity !== 'booking' || event.entityId !== booking.id) return;
    if (!isMine(event.actor, user.id) && form.isDirty()) setTheirChange(event);
  });

  const rebase = (to: TBooking, values: EditValues = valuesOf(to)) => {
    setTheirChange(null);
    setBase(to);
    form.setInitialValues(values);
    form.setValues(values);
    form.resetDirty(values);
  };

  // Someone else saved: follow along while nothing is edited here; keep the edit when they
  // changed none of these fields (e.g. only the status); otherwise show both versions.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs per new saved version only
  useEffect(() => {
    if (booking.version === base.version) return;
    if (!form.isDirty()) rebase(booking);
    else if (changedFields(valuesOf(base), valuesOf(booking)).length === 0) setBase(booking);
  }, [booking.version]);

  // Saved by someone else since the edit began, in fields this form shows, while editing here.
  const theirFields =
    booking.version === base.version ? [] : changedFields(valuesOf(base), valuesOf(booking));
  const conflict = theirFields.length > 0 && form.isDirty();
  // Nothing of theirs to weigh against the edit: it saves onto their newest version.
  const against = theirFields.length === 0 ? booking : base;
  const tables = trpc.tables.list.useQuery({ includeInactive: true });
  const names = new Map([...booking.tables, ...(tables.data?.items ?? [])].map((t) => [t.id, t.name]));

  const save = async (values: EditValues, against: TBooking) => {
    setRefused(null);
    const input = updateInput(valuesOf(against), values);
    if (!input) {
      onDone();
      return;
    }
    try {
      const b = await update.mutateAsync({ id: booking.id, version: against.version, ...input });
      saved(b);
      notifySuccess(`${b.guest.name}'s booking is updated.`, 'Booking saved');
      onDone();
    } catch (error) {
      const data = serverErrorData(error);
      if (data?.reason === 'VERSION_CONFLICT') {
        const current = ZBooking.safeParse(data.details?.current);
        if (!current.success) {
          void utils.bookings.get.invalidate({ id: booking.id });
          return;
        }
        utils.bookings.get.setData({ id: booking.id }, current.data);
        // They changed nothing this form shows (e.g. only the status): save again on theirs.
        if (changedFields(valuesOf(against), valuesOf(current.data)).length === 0) {
          setBase(current.data);
          await save(values, current.data);
        }
        return;
      }
      if (data?.reason === 'SLOT_TAKEN' || data?.reason === 'NO_AVAILABILITY') setRefused(refusal(error));
      else handleServerError(error, { setErrors: (e) => form.setErrors(collapseListErrors(e, 'tableIds')) });
    }
  };

  const seated = booking.status === 'seated';
  const timeOptions = useTimeOptions(form.values.date, form.values.time);
  const tableOptions = (tables.data?.items ?? [])
    .filter((t) => t.active || form.values.tableIds.includes(t.id))
    .map((t) => ({ value: t.id, label: `${t.name} · ${seatsRange(t)}${t.active ? '' : ' (inactive)'}` }));
  const seats = (tables.data?.items ?? [])
    .filter((t) => form.values.tableIds.includes(t.id))
    .reduce((n, t) => n + t.maxGuests, 0);

  return (
    <form onSubmit={form.onSubmit((v) => void save(toEdit(v), against))} noValidate aria-label="Edit booking">
      <Stack gap="sm">
        {conflict && (
          <ConflictPanel
            rows={conflictRows(valuesOf(base), toEdit(form.values), valuesOf(booking), names)}
            lead={theirChange ? editedWhileMessage(theirChange) : undefined}
            saving={update.isPending}
            onUseTheirs={() => rebase(booking)}
            onKeepMine={() => {
              const merged = mergeMine(valuesOf(base), toEdit(form.values), valuesOf(booking));
              rebase(booking, merged);
              void save(merged, booking);
            }}
          />
        )}
        <SimpleGrid cols={2} spacing="sm">
          <DatePickerInput
            label="Date"
            valueFormat="ddd D MMM YYYY"
            required
            disabled={seated}
            dropdownType={modalPickers ? 'modal' : 'popover'}
            popoverProps={{ withinPortal: true }}
            {...form.getInputProps('date')}
            onChange={(v) => form.setFieldValue('date', v ?? '')}
          />
          <Select
            label="Time"
            required
            searchable
            disabled={seated}
            data={timeOptions}
            nothingFoundMessage="Closed on this day"
            comboboxProps={{ withinPortal: true }}
            allowDeselect={false}
            {...form.getInputProps('time')}
          />
          <NumberInput
            label="Guests"
            required
            min={1}
            max={200}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps('partySize')}
          />
          <NumberInput
            label="Duration"
            required
            min={15}
            max={720}
            step={15}
            suffix=" min"
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps('durationMin')}
          />
        </SimpleGrid>
        {seated && (
          <Text size="xs" c="dimmed">
            The party is seated: its start cannot move, but tables, guests and duration can.
          </Text>
        )}
        <MultiSelect
          label="Tables"
          required
          searchable
          hidePickedOptions
          data={tableOptions}
          description={
            form.values.tableIds.length > 0 ? `Together these tables seat up to ${seats}.` : undefined
          }
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('tableIds')}
        />
        <Textarea
          label="Special requests"
          placeholder="Allergies, occasions, seating wishes"
          autosize
          minRows={2}
          maxLength={1000}
          {...form.getInputProps('specialRequests')}
        />
        {refused && (
          <Alert color="red" variant="light" title="Not possible" role="alert">
            <Stack gap={6}>
              <Text size="sm">{refused.message}</Text>
              {refused.alternatives.length > 0 && (
                <Group gap={6}>
                  <Text size="xs" c="dimmed">
                    Free instead:
                  </Text>
                  {refused.alternatives.map((slot) => (
                    <Button
                      key={slot.time}
                      size="compact-xs"
                      variant="default"
                      onClick={() => {
                        form.setFieldValue('time', slot.time);
                        if (slot.options[0]) form.setFieldValue('tableIds', slot.options[0].tableIds);
                        setRefused(null);
                      }}
                    >
                      {describeAlternative(slot)}
                    </Button>
                  ))}
                </Group>
              )}
            </Stack>
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <PausedWhenOffline>
            {(paused) => (
              <Button
                type="submit"
                loading={update.isPending}
                disabled={conflict || paused}
                leftSection={<IconDeviceFloppy size={16} />}
              >
                Save changes
              </Button>
            )}
          </PausedWhenOffline>
        </Group>
      </Stack>
    </form>
  );
}

/** The open slots of a day (from availability.grid), plus the booking's own time if it is off them. */
function useTimeOptions(date: string, current: string): string[] {
  const grid = trpc.availability.grid.useQuery({ date }, { enabled: /^\d{4}-\d{2}-\d{2}$/.test(date) });
  return useMemo(() => {
    // In the day's order (a service may run past midnight); a repeated hour is listed once.
    const times = [...new Set((grid.data?.slots ?? []).filter((s) => s.open).map((s) => s.time))];
    if (current && !times.includes(current)) {
      const after = times.findIndex((t) => t > current);
      times.splice(after < 0 ? times.length : after, 0, current);
    }
    return times;
  }, [grid.data, current]);
}
