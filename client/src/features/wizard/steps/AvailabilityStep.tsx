import { Alert, Button, Group, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconCircleCheck } from '@tabler/icons-react';
import type { TAvailableSlot, TFitOption } from '@tobeout/shared';
import { useEffect } from 'react';
import { guestsLabel } from '../../../lib/bookings';
import { formatDay } from '../../../lib/format';
import { QueryError } from '../../../lib/states';
import { partyOf, type WizardValues } from '../model';
import { addMinutesToTime, formatDuration, seatingKey } from '../seating';
import { TableOptions } from '../TableOptions';
import { Unavailable } from '../Unavailable';
import { useSeatingChoices } from '../useSeatingChoices';

/** A refusal from the server after the check (someone else took the tables first). */
export type Conflict = { title: string; message: string; alternatives: TAvailableSlot[] };

type Props = {
  form: UseFormReturnType<WizardValues>;
  /** The tables the wizard was opened for (a table on the floor plan), preferred when free. */
  preferredTableIds?: readonly string[];
  /** The chosen seating changed (also when the step picks the best one by itself; null: none free). */
  onSelect: (option: TFitOption | null) => void;
  /** Another time and its table were picked from the alternatives. */
  onPickAlternative: (slot: TAvailableSlot, option: TFitOption) => void;
  conflict?: Conflict | null;
};

/** Step 2: is the time free? The tables that are (best preselected), or the nearest free times. */
export function AvailabilityStep({ form, preferredTableIds, onSelect, onPickAlternative, conflict }: Props) {
  const { date, time, tableIds, overridePacing } = form.values;
  const partySize = partyOf(form.values);
  const { check, grid, suggested, others, durationMin } = useSeatingChoices({
    date,
    time,
    partySize,
    overridePacing,
  });

  const all = [...suggested, ...others];
  const chosen = all.find((o) => seatingKey(o.tableIds) === seatingKey(tableIds));
  const preferred = preferredTableIds?.length
    ? all.find((o) => seatingKey(o.tableIds) === seatingKey(preferredTableIds))
    : undefined;
  const fallback = preferred ?? suggested[0];
  // Keep the host's choice while it is free; otherwise take the preferred table or the best fit.
  const pick = chosen ?? fallback;
  const loaded = check.data !== undefined;
  const pickKey = pick ? seatingKey(pick.tableIds) : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the choice itself changes
  useEffect(() => {
    if (loaded) onSelect(pick ?? null);
  }, [loaded, pickKey]);

  const heading = (
    <Text size="sm" c="dimmed">
      {formatDay(date)} · {time} · {guestsLabel(partySize)}
    </Text>
  );

  if (check.isPending) {
    return (
      <Stack gap="sm" aria-busy="true" aria-label="Checking availability">
        {heading}
        <Skeleton height={22} width="60%" />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          <Skeleton height={64} />
          <Skeleton height={64} />
          <Skeleton height={64} />
        </SimpleGrid>
      </Stack>
    );
  }
  if (check.isError) {
    return (
      <Stack gap="sm">
        {heading}
        <QueryError error={check.error} onRetry={() => void check.refetch()} />
      </Stack>
    );
  }
  const result = check.data;
  const preferredNames = preferredTableIds
    ?.map((id) => grid.data?.tables.find((t) => t.id === id)?.name)
    .filter(Boolean)
    .join(' + ');

  return (
    <Stack gap="md">
      {heading}
      {conflict && (
        <Unavailable
          tone="conflict"
          title={conflict.title}
          message={conflict.message}
          alternatives={conflict.alternatives}
          onPick={onPickAlternative}
        />
      )}
      {result.available ? (
        <>
          <Group gap={8} wrap="nowrap">
            <IconCircleCheck size={20} color="var(--mantine-color-teal-filled)" aria-hidden />
            <Text size="sm">
              <b>{time}</b> is available for {guestsLabel(partySize)}
              {durationMin !== null &&
                ` · a stay of ${formatDuration(durationMin)} (until ${addMinutesToTime(time, durationMin)})`}
            </Text>
          </Group>
          {overridePacing && (
            <Alert color="orange" variant="light" p="xs" title="Over the pacing limit">
              <Group justify="space-between" gap="xs">
                <Text size="sm">
                  More guests arrive at {time} than the kitchen's pacing allows; booking anyway.
                </Text>
                <Button
                  size="compact-sm"
                  variant="default"
                  onClick={() => form.setFieldValue('overridePacing', false)}
                >
                  Keep to the limit
                </Button>
              </Group>
            </Alert>
          )}
          {preferredTableIds?.length && !preferred && preferredNames ? (
            <Alert color="yellow" variant="light" p="xs">
              <Text size="sm">
                {preferredNames} is not free for {guestsLabel(partySize)} at {time}; here is what is.
              </Text>
            </Alert>
          ) : null}
          <TableOptions
            label={`Tables free at ${time}`}
            suggested={suggested}
            others={others}
            value={tableIds}
            onChange={onSelect}
            error={form.errors.tableIds}
          />
        </>
      ) : (
        <>
          <Unavailable
            title={`${time} is not available`}
            message={result.message ?? 'No table is free at that time.'}
            alternatives={result.slots}
            onPick={onPickAlternative}
            action={
              result.reason === 'pacing' && (
                <Button
                  size="compact-sm"
                  variant="outline"
                  color="orange"
                  w="fit-content"
                  onClick={() => form.setFieldValue('overridePacing', true)}
                >
                  Book anyway, over the pacing limit
                </Button>
              )
            }
          />
          {form.errors.tableIds && (
            <Text size="sm" c="red" role="alert">
              Pick one of the free times, or go back and change the date or the party size.
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}
