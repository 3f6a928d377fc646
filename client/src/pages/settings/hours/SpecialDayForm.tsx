import { Alert, Button, Group, Stack, Switch, Text, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { type TSpecialDay, ZSpecialDay } from '@tobeout/shared';
import type { z } from 'zod';
import { handleServerError } from '../../../lib/errors';
import { validateWith } from '../../../lib/validate';
import { ServiceFields } from './ServiceFields';
import { fromServiceRow, nextServiceRow, type ServiceRow, toServiceRow } from './service-rows';

export type SpecialDayFormValues = {
  date: string | null;
  name: string;
  closed: boolean;
  services: ServiceRow[];
};
export type SpecialDayInput = z.input<typeof ZSpecialDay>;

export function toSpecialDayInput(v: SpecialDayFormValues): SpecialDayInput {
  return {
    date: v.date ?? '',
    name: v.name,
    closed: v.closed,
    services: v.closed ? [] : v.services.map(fromServiceRow),
  };
}

type Props = {
  /** The day being edited; none to add one. */
  day?: TSpecialDay | null;
  /** Month the date picker opens on when no date is chosen yet ('YYYY-MM-DD'). */
  defaultMonth?: string;
  onSave: (input: SpecialDayInput) => Promise<unknown>;
  onCancel: () => void;
};

/** A holiday, closure or event day: closed, or its own services instead of the weekly ones. */
export function SpecialDayForm({ day, defaultMonth, onSave, onCancel }: Props) {
  const form = useForm<SpecialDayFormValues>({
    initialValues: day
      ? { date: day.date, name: day.name ?? '', closed: day.closed, services: day.services.map(toServiceRow) }
      : { date: null, name: '', closed: true, services: [] },
    validate: validateWith(ZSpecialDay, toSpecialDayInput),
  });

  const submit = form.onSubmit(async (values) => {
    try {
      await onSave(toSpecialDayInput(values));
    } catch (error) {
      handleServerError(error, form);
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Special day">
      <Stack gap="sm">
        <DatePickerInput
          label="Date"
          placeholder="Pick a date"
          required
          disabled={!!day}
          valueFormat="ddd, D MMM YYYY"
          defaultDate={defaultMonth}
          minDate={day ? undefined : (defaultMonth ?? new Date())}
          popoverProps={{ withinPortal: true }}
          {...form.getInputProps('date')}
        />
        <TextInput label="Name" placeholder="e.g. Christmas Eve" {...form.getInputProps('name')} />
        <Switch
          label="Closed all day"
          {...form.getInputProps('closed', { type: 'checkbox' })}
          onChange={(e) => {
            const closed = e.currentTarget.checked;
            form.setFieldValue('closed', closed);
            if (!closed && form.values.services.length === 0) {
              form.setFieldValue('services', [nextServiceRow([])]);
            }
          }}
        />
        {!form.values.closed && (
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              Services on this day
            </Text>
            {form.values.services.map((_, i) => (
              <ServiceFields
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in the list
                key={i}
                label={`Special day service ${i + 1}`}
                firstRow={i === 0}
                field={(name) => form.getInputProps(`services.${i}.${name}`)}
                onRemove={() => form.removeListItem('services', i)}
              />
            ))}
            <Group>
              <Button
                variant="subtle"
                size="xs"
                leftSection={<IconPlus size={14} />}
                onClick={() => form.insertListItem('services', nextServiceRow(form.values.services))}
              >
                Add service
              </Button>
            </Group>
          </Stack>
        )}
        {typeof form.errors.services === 'string' && (
          <Alert color="red" role="alert">
            {form.errors.services}
          </Alert>
        )}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            Save day
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
