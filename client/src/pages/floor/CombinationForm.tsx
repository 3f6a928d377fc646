import { Button, Group, MultiSelect, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  type TCombination,
  type TCombinationInput,
  type TTable,
  ZCombinationCreateInput,
} from '@tobeout/shared';
import { collapseListErrors, handleServerError } from '../../lib/errors';
import { numberOrNull } from '../../lib/format';
import { validateWith } from '../../lib/validate';
import { GuestRangeInputs } from './GuestRangeInputs';

type Values = { name: string; tableIds: string[]; minGuests: number | string; maxGuests: number | string };

const toInput = (v: Values) => ({
  name: v.name,
  tableIds: v.tableIds,
  minGuests: numberOrNull(v.minGuests),
  maxGuests: numberOrNull(v.maxGuests),
});

type Props = {
  combination: TCombination | null;
  /** Every table; active ones can be chosen, inactive members stay visible so they can be removed. */
  tables: readonly TTable[];
  onSave: (input: TCombinationInput) => Promise<unknown>;
  onCancel: () => void;
};

/** Tables joined for larger parties: name, tables (two or more, active) and the party sizes. */
export function CombinationForm({ combination, tables, onSave, onCancel }: Props) {
  const form = useForm<Values>({
    initialValues: combination
      ? {
          name: combination.name,
          tableIds: combination.tableIds,
          minGuests: combination.minGuests,
          maxGuests: combination.maxGuests,
        }
      : { name: '', tableIds: [], minGuests: 5, maxGuests: 8 },
    validate: validateWith(ZCombinationCreateInput, toInput),
  });
  const submit = form.onSubmit(async (values) => {
    try {
      await onSave(ZCombinationCreateInput.parse(toInput(values)));
    } catch (error) {
      handleServerError(error, {
        setErrors: (errors) => form.setErrors(collapseListErrors(errors, 'tableIds')),
      });
    }
  });

  const options = tables
    .filter((t) => t.active || form.values.tableIds.includes(t.id))
    .map((t) => ({
      value: t.id,
      label: `${t.name}${t.active ? '' : ' (inactive)'}`,
    }));
  const seats = tables
    .filter((t) => form.values.tableIds.includes(t.id))
    .reduce((n, t) => n + t.maxGuests, 0);

  return (
    <form onSubmit={submit} noValidate aria-label="Combination">
      <Stack gap="sm">
        <TextInput
          label="Name"
          placeholder="e.g. T1 + T2"
          required
          maxLength={40}
          data-autofocus
          {...form.getInputProps('name')}
        />
        <MultiSelect
          label="Tables"
          placeholder={form.values.tableIds.length ? undefined : 'Choose two or more tables'}
          description={
            form.values.tableIds.length > 0 ? `Together these tables seat up to ${seats}.` : undefined
          }
          data={options}
          searchable
          required
          hidePickedOptions
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('tableIds')}
        />
        <GuestRangeInputs min={form.getInputProps('minGuests')} max={form.getInputProps('maxGuests')} />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            {combination ? 'Save combination' : 'Add combination'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
