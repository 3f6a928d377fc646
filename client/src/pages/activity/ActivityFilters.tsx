import { type ComboboxData, Select } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import type { TEventType } from '@tobeout/shared';
import { FilterBar } from '../../lib/FilterBar';
import {
  type ActivityFilterValues,
  countFilters,
  ENTITY_OPTIONS,
  isEventEntity,
  typeOptions,
  withEntity,
} from './filters';

type Props = {
  value: ActivityFilterValues;
  onChange: (next: ActivityFilterValues) => void;
  /** Members (and API tokens, for owners) to filter by. */
  actors: ComboboxData;
  compact: boolean;
};

/** What, who and when: the activity log's filters (each applies at once). */
export function ActivityFilters({ value, onChange, actors, compact }: Props) {
  const set = <K extends keyof ActivityFilterValues>(key: K, v: ActivityFilterValues[K]) =>
    onChange({ ...value, [key]: v });
  return (
    <FilterBar count={countFilters(value)} compact={compact} cols={{ base: 1, xs: 2, md: 4 }}>
      <Select
        label="Category"
        placeholder="Everything"
        data={ENTITY_OPTIONS}
        value={value.entity}
        onChange={(v) => onChange(withEntity(value, v && isEventEntity(v) ? v : null))}
        clearable
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        label="Event"
        placeholder="Any event"
        data={typeOptions(value.entity)}
        value={value.type}
        onChange={(v) => set('type', v as TEventType | null)}
        searchable
        clearable
        nothingFoundMessage="No such event"
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        label="By"
        placeholder="Anyone"
        data={actors}
        value={value.actorId}
        onChange={(v) => set('actorId', v)}
        searchable
        clearable
        nothingFoundMessage="Nobody by that name"
        comboboxProps={{ withinPortal: true }}
      />
      <DatePickerInput
        type="range"
        label="Dates"
        placeholder="Any time"
        value={[value.from, value.to]}
        onChange={([from, to]) => onChange({ ...value, from, to })}
        allowSingleDateInRange
        clearable
        valueFormat="D MMM YYYY"
        leftSection={<IconCalendar size={16} />}
        popoverProps={{ withinPortal: true }}
      />
    </FilterBar>
  );
}
