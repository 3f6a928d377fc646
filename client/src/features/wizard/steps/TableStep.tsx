import { Group, Loader, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { TAvailableSlot, TFitOption } from '@tobeout/shared';
import { guestsLabel } from '../../../lib/bookings';
import { partyOf, type WizardValues } from '../model';
import { seatingKey } from '../seating';
import { TableOptions } from '../TableOptions';
import { Unavailable } from '../Unavailable';
import { useSeatingChoices } from '../useSeatingChoices';
import type { Conflict } from './AvailabilityStep';

type Props = {
  form: UseFormReturnType<WizardValues>;
  /** The seating currently held for the booking. */
  held: TFitOption | null;
  heldIds: readonly string[];
  /** The hold on them (the live check counts its tables as free). */
  holdId?: string | undefined;
  /** A new hold is being placed. */
  changing?: boolean;
  onChange: (option: TFitOption) => void;
  onPickAlternative: (slot: TAvailableSlot, option: TFitOption) => void;
  conflict?: Conflict | null;
};

/** Step 4: keep the held table or combination, or move the hold to another free one. */
export function TableStep({
  form,
  held,
  heldIds,
  holdId,
  changing,
  onChange,
  onPickAlternative,
  conflict,
}: Props) {
  const { date, time, tableIds } = form.values;
  const partySize = partyOf(form.values);
  const choices = useSeatingChoices({ date, time, partySize, holdId });
  // The grid shows our own hold as reserved, and the check ranks it among the others: the held
  // seating goes first, once.
  const heldKey = held ? seatingKey(held.tableIds) : null;
  const suggested = [
    ...(held ? [held] : []),
    ...choices.suggested.filter((o) => seatingKey(o.tableIds) !== heldKey),
  ];
  const others = choices.others.filter((o) => seatingKey(o.tableIds) !== heldKey);

  return (
    <Stack gap="md">
      <Group gap="xs" wrap="nowrap">
        <Text size="sm" c="dimmed">
          {held ? (
            <>
              Booked on <b>{held.label}</b> for {guestsLabel(partySize)} at {time}. Keep it, or move the
              booking to another free table.
            </>
          ) : (
            'Choose the table for the booking.'
          )}
        </Text>
        {(changing || choices.check.isFetching) && <Loader size={14} aria-label="Updating" />}
      </Group>
      {conflict && (
        <Unavailable
          tone="conflict"
          title={conflict.title}
          message={conflict.message}
          alternatives={conflict.alternatives}
          onPick={onPickAlternative}
          disabled={changing}
        />
      )}
      <TableOptions
        label={`Tables for ${time}`}
        suggested={suggested}
        others={others}
        value={tableIds}
        heldIds={heldIds}
        onChange={(o) => !changing && onChange(o)}
        error={form.errors.tableIds}
      />
    </Stack>
  );
}
