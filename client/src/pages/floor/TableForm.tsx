import {
  Autocomplete,
  Button,
  Group,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  TABLE_SHAPES,
  type TTable,
  type TTableShape,
  tableFootprint,
  ZTableCreateInput,
} from '@tobeout/shared';
import { useId } from 'react';
import type { z } from 'zod';
import { handleServerError } from '../../lib/errors';
import { numberOrNull } from '../../lib/format';
import { validateWith } from '../../lib/validate';
import { GuestRangeInputs } from './GuestRangeInputs';

export type TableFormValues = {
  name: string;
  section: string;
  minGuests: number | string;
  maxGuests: number | string;
  shape: TTableShape;
  notes: string;
  bookableOnline: boolean;
};
/** A table's fields as the API takes them (create; update adds the id). */
export type TableFields = z.output<typeof ZTableCreateInput>;

export const SHAPE_LABELS: Record<TTableShape, string> = {
  round: 'Round',
  square: 'Square',
  rectangle: 'Rectangle',
};

/** Form values → the API's input shape ('' guests → null, so the schema says what is missing). */
export function toTableInput(v: TableFormValues) {
  return {
    name: v.name,
    section: v.section,
    minGuests: numberOrNull(v.minGuests),
    maxGuests: numberOrNull(v.maxGuests),
    shape: v.shape,
    notes: v.notes,
    bookableOnline: v.bookableOnline,
  };
}

function initialValues(table: TTable | null | undefined): TableFormValues {
  if (!table) {
    return {
      name: '',
      section: '',
      minGuests: 1,
      maxGuests: 4,
      shape: 'square',
      notes: '',
      bookableOnline: true,
    };
  }
  return {
    name: table.name,
    section: table.section ?? '',
    minGuests: table.minGuests,
    maxGuests: table.maxGuests,
    shape: table.shape,
    notes: table.notes ?? '',
    bookableOnline: table.bookableOnline,
  };
}

type Props = {
  /** The table being edited; none to add one. */
  table?: TTable | null;
  /** Existing sections, offered while typing. */
  sections: readonly string[];
  onSave: (fields: TableFields) => Promise<unknown>;
  onCancel: () => void;
};

/** Name, section, seats, shape, notes and online booking of a table (checked with ZTableCreateInput). */
export function TableForm({ table, sections, onSave, onCancel }: Props) {
  const shapeLabel = useId();
  const form = useForm<TableFormValues>({
    initialValues: initialValues(table),
    validate: validateWith(ZTableCreateInput, toTableInput),
  });

  const submit = form.onSubmit(async (values) => {
    try {
      await onSave(ZTableCreateInput.parse(toTableInput(values)));
    } catch (error) {
      handleServerError(error, form);
    }
  });

  const maxGuests = numberOrNull(form.values.maxGuests);
  const footprint = maxGuests && maxGuests > 0 ? tableFootprint(form.values.shape, maxGuests) : null;

  return (
    <form onSubmit={submit} noValidate aria-label={table ? `Edit table ${table.name}` : 'Add table'}>
      <Stack gap="sm">
        <TextInput
          label="Name"
          placeholder="e.g. T4 or Window 2"
          required
          maxLength={40}
          data-autofocus
          {...form.getInputProps('name')}
        />
        <Autocomplete
          label="Section"
          placeholder="e.g. Terrace"
          description="Tables of a section are drawn together on the plan. Leave empty for none."
          data={[...sections]}
          maxLength={60}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('section')}
        />
        <GuestRangeInputs min={form.getInputProps('minGuests')} max={form.getInputProps('maxGuests')} />
        <Stack gap={4}>
          <Text component="span" id={shapeLabel} size="sm" fw={500}>
            Shape
          </Text>
          <SegmentedControl
            aria-labelledby={shapeLabel}
            fullWidth
            data={TABLE_SHAPES.map((s) => ({ value: s, label: SHAPE_LABELS[s] }))}
            {...form.getInputProps('shape')}
          />
          {footprint && (
            <Text size="xs" c="dimmed">
              On the plan: {footprint.width} × {footprint.height} cm
            </Text>
          )}
        </Stack>
        <Textarea
          label="Notes"
          placeholder="e.g. By the window, wheelchair accessible"
          autosize
          minRows={2}
          maxRows={6}
          maxLength={1000}
          {...form.getInputProps('notes')}
        />
        <Switch
          label="Bookable online"
          description="Guests can book this table themselves. Off: only staff seat guests here."
          {...form.getInputProps('bookableOnline', { type: 'checkbox' })}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            {table ? 'Save table' : 'Add table'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
