import { Alert, Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { IconLock } from '@tabler/icons-react';
import { type TBlockInput, ZBlockInput } from '@tobeout/shared';
import { useState } from 'react';
import { errorMessage, handleServerError, serverErrorData } from '../../lib/errors';
import { addLocalMinutes, ceilLocal, localNow } from '../../lib/local-time';
import { validateWith } from '../../lib/validate';

/** Mantine's date-time value: 'YYYY-MM-DD HH:mm:ss' (wall-clock, no zone). */
type PickerValue = string | null;
export type BlockFormValues = { from: PickerValue; to: PickerValue; reason: string };

/** Picker value → the API's local 'YYYY-MM-DDTHH:mm'. */
export const toLocal = (v: PickerValue) => (v ? v.slice(0, 16).replace(' ', 'T') : '');
/** The API's local 'YYYY-MM-DDTHH:mm' → picker value. */
export const toPicker = (local: string) => `${local.replace('T', ' ')}:00`;

export function toBlockInput(v: BlockFormValues, tableIds: string[]): TBlockInput {
  return { tableIds, from: toLocal(v.from), to: toLocal(v.to), reason: v.reason };
}

type Props = {
  tableIds: string[];
  /** The restaurant's time zone: the times are its wall-clock times. */
  timeZone: string;
  onSave: (input: TBlockInput) => Promise<unknown>;
  onCancel: () => void;
  /** Pickers open in a modal (phones) instead of a popover. */
  modalPickers?: boolean;
};

/** Blocks tables for a while (from, to, why). A clash with a booking or block is shown here. */
export function BlockForm({ tableIds, timeZone, onSave, onCancel, modalPickers }: Props) {
  const [clash, setClash] = useState<string | null>(null);
  const form = useForm<BlockFormValues>({
    initialValues: (() => {
      const from = ceilLocal(localNow(timeZone), 15);
      return { from: toPicker(from), to: toPicker(addLocalMinutes(from, 120)), reason: '' };
    })(),
    validate: (values) => {
      const errors = validateWith(ZBlockInput, (v: BlockFormValues) => toBlockInput(v, tableIds))(values);
      if (!values.from) errors.from = 'Choose when the block starts.';
      if (!values.to) errors.to = 'Choose when the block ends.';
      return errors;
    },
  });

  const submit = form.onSubmit(async (values) => {
    setClash(null);
    try {
      await onSave(toBlockInput(values, tableIds));
    } catch (error) {
      if (serverErrorData(error)?.reason === 'SLOT_TAKEN') setClash(errorMessage(error));
      else handleServerError(error, form);
    }
  });

  const picker = {
    valueFormat: 'ddd D MMM YYYY, HH:mm',
    required: true,
    dropdownType: modalPickers ? ('modal' as const) : ('popover' as const),
    popoverProps: { withinPortal: true },
    submitButtonProps: { 'aria-label': 'Done' },
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Block table">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <DateTimePicker label="From" {...picker} {...form.getInputProps('from')} />
          <DateTimePicker label="To" {...picker} {...form.getInputProps('to')} />
        </SimpleGrid>
        <TextInput
          label="Reason"
          placeholder="e.g. Wobbly leg, private event"
          required
          maxLength={200}
          {...form.getInputProps('reason')}
        />
        {clash && (
          <Alert color="red" variant="light" title="That time is taken" role="alert">
            {clash}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting} leftSection={<IconLock size={16} />}>
            Block table
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
