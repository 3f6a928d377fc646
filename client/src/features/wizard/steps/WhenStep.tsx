import { Alert, Badge, Button, Chip, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import type { UseFormReturnType } from '@mantine/form';
import { IconCalendar, IconDoorEnter } from '@tabler/icons-react';
import { useMemo } from 'react';
import { trpc } from '../../../app/trpc';
import { formatDay } from '../../../lib/format';
import { addLocalDays } from '../../../lib/local-time';
import { partyOf, type WizardValues } from '../model';
import { PartySizePicker } from '../PartySizePicker';

const QUICK_DAYS = 7;

const weekday = new Intl.DateTimeFormat(undefined, { weekday: 'short', timeZone: 'UTC' });
/** "Today", "Tomorrow", then "Mon 23". */
function quickDayLabel(date: string, today: string): string {
  if (date === today) return 'Today';
  if (date === addLocalDays(today, 1)) return 'Tomorrow';
  return `${weekday.format(new Date(`${date}T00:00:00Z`))} ${Number(date.slice(8))}`;
}

type Props = {
  form: UseFormReturnType<WizardValues>;
  /** Today in the restaurant ('YYYY-MM-DD'). */
  today: string;
  /** Seat a walk-in now instead (no booking ahead). */
  onWalkIn?: () => void;
};

/** Step 1: the date, the number of guests and the time (the day's open slots, full ones marked). */
export function WhenStep({ form, today, onWalkIn }: Props) {
  const { date, time } = form.values;
  const partySize = partyOf(form.values);
  const grid = trpc.availability.grid.useQuery({ date }, { staleTime: 5_000 });
  const day = trpc.availability.check.useQuery(
    { date, partySize },
    { enabled: partySize > 0, staleTime: 5_000 },
  );

  const times = useMemo(() => {
    if (!grid.data) return null;
    const earliest = Date.now() - grid.data.slotIntervalMin * 60_000;
    const open = grid.data.slots.filter((s) => s.open && s.startsAt.getTime() >= earliest).map((s) => s.time);
    const list = [...new Set(open)];
    // A prefilled time off the grid stays choosable: the next step says why it cannot be booked.
    if (time && !list.includes(time)) list.push(time);
    return list;
  }, [grid.data, time]);
  const free = useMemo(() => new Set(day.data?.slots.map((s) => s.time)), [day.data]);
  const closed = grid.data?.slots.every((s) => !s.open) ?? false;
  const noneLeft = times !== null && times.length === 0 && !closed;

  const quickDays = Array.from({ length: QUICK_DAYS }, (_, i) => addLocalDays(today, i));
  const setDate = (next: string) => {
    form.setFieldValue('date', next);
    form.clearFieldError('date');
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" gap="xs">
        <Text size="sm" c="dimmed" maw={420}>
          When is the guest coming, and how many are they?
        </Text>
        {onWalkIn && (
          <Button
            variant="light"
            size="xs"
            leftSection={<IconDoorEnter size={16} />}
            onClick={onWalkIn}
            title="A guest is here now without a booking"
          >
            Walk-in
          </Button>
        )}
      </Group>

      <Stack gap={6}>
        <DatePickerInput
          label="Date"
          leftSection={<IconCalendar size={16} />}
          valueFormat="ddd, D MMM YYYY"
          minDate={today}
          popoverProps={{ withinPortal: true }}
          value={date}
          onChange={(v) => v && setDate(v)}
          error={form.errors.date}
          maw={320}
        />
        <Chip.Group multiple={false} value={date} onChange={(v) => setDate(v)}>
          <Group gap={6} role="group" aria-label="Quick dates">
            {quickDays.map((d) => (
              <Chip key={d} value={d} size="sm" aria-label={formatDay(d)}>
                {quickDayLabel(d, today)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </Stack>

      <PartySizePicker
        value={form.values.partySize}
        onChange={(v) => form.setFieldValue('partySize', v)}
        error={form.errors.partySize}
      />

      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        <Select
          label="Time"
          placeholder={grid.isPending ? 'Loading times…' : closed ? 'Closed' : 'Choose a time'}
          data={times ?? (time ? [time] : [])}
          searchable
          allowDeselect={false}
          disabled={closed}
          maxDropdownHeight={280}
          comboboxProps={{ withinPortal: true }}
          nothingFoundMessage="No such time"
          renderOption={({ option }) => (
            <Group justify="space-between" w="100%" wrap="nowrap" gap="xs">
              <span>{option.value}</span>
              {day.data && !free.has(option.value) && (
                <Badge size="xs" variant="light" color="gray">
                  full
                </Badge>
              )}
            </Group>
          )}
          {...form.getInputProps('time')}
        />
      </SimpleGrid>

      {grid.isError && (
        <Alert color="red" variant="light" title="Could not load the opening times">
          <Button size="xs" variant="light" color="red" onClick={() => void grid.refetch()}>
            Retry
          </Button>
        </Alert>
      )}
      {closed && <ClosedDay date={date} partySize={partySize} onPick={setDate} />}
      {noneLeft && (
        <Alert color="yellow" variant="light" title="No times left today">
          Today’s last seating has passed. Pick another date.
        </Alert>
      )}
    </Stack>
  );
}

/** The restaurant is closed that day: the next open days with a free table for the party. */
function ClosedDay({
  date,
  partySize,
  onPick,
}: {
  date: string;
  partySize: number;
  onPick: (date: string) => void;
}) {
  const range = trpc.availability.range.useQuery(
    { from: addLocalDays(date, 1), to: addLocalDays(date, 21), partySize: Math.max(1, partySize) },
    { staleTime: 60_000 },
  );
  const next = (range.data ?? []).filter((d) => d.open && d.availableSlots > 0).slice(0, 3);
  return (
    <Alert color="yellow" variant="light" title={`Closed on ${formatDay(date)}`}>
      <Stack gap="xs">
        <Text size="sm">The restaurant has no service that day.</Text>
        {next.length > 0 && (
          <Group gap="xs">
            {next.map((d) => (
              <Button
                key={d.date}
                size="compact-sm"
                variant="white"
                color="dark"
                onClick={() => onPick(d.date)}
              >
                {formatDay(d.date)}
              </Button>
            ))}
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
