import { NumberInput, Select, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconCalendar, IconSearch, IconTag } from '@tabler/icons-react';
import type { TSegment } from '@tobeout/shared';
import { FilterBar } from '../../lib/FilterBar';
import { numberOrNull } from '../../lib/format';
import { SEGMENT_OPTIONS, SegmentBadge } from '../../lib/guests';
import { languageOptions } from '../../lib/languages';
import { countFilters, type GuestFilterValues } from './filters';

type Props = {
  value: GuestFilterValues;
  onChange: (next: GuestFilterValues) => void;
  /** Phones: the search stays, the other filters fold behind a "Filters" button. */
  compact: boolean;
  /** Shown next to the search on phones (the table's column headers sort on larger screens). */
  sortControl?: React.ReactNode;
};

/** Search and filters of the guest book (the page debounces the typed ones). */
export function GuestFilters({ value, onChange, compact, sortControl }: Props) {
  const count = countFilters(value);
  const set = <K extends keyof GuestFilterValues>(key: K, v: GuestFilterValues[K]) =>
    onChange({ ...value, [key]: v });

  const search = (
    <TextInput
      label="Search"
      placeholder="Name or phone number"
      value={value.q}
      onChange={(e) => set('q', e.currentTarget.value)}
      leftSection={<IconSearch size={16} />}
      type="search"
    />
  );
  const filters = (
    <>
      <Select
        label="Segment"
        placeholder="Any segment"
        data={SEGMENT_OPTIONS}
        value={value.segment}
        onChange={(v) => set('segment', v as TSegment | null)}
        renderOption={({ option }) => <SegmentBadge segment={option.value as TSegment} />}
        clearable
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        label="Language"
        placeholder="Any language"
        data={languageOptions([value.language])}
        value={value.language}
        onChange={(v) => set('language', v)}
        searchable
        clearable
        nothingFoundMessage="No such language"
        comboboxProps={{ withinPortal: true }}
      />
      <TextInput
        label="Tag"
        placeholder="Any tag"
        value={value.tag}
        onChange={(e) => set('tag', e.currentTarget.value)}
        leftSection={<IconTag size={16} />}
      />
      <NumberInput
        label="Min. visits"
        placeholder="Any"
        min={0}
        max={10_000}
        allowDecimal={false}
        allowNegative={false}
        value={value.minVisits ?? ''}
        onChange={(v) => set('minVisits', numberOrNull(v))}
      />
      <DatePickerInput
        type="range"
        label="Last visit"
        placeholder="Any time"
        value={value.lastVisit}
        onChange={(v) => set('lastVisit', v as GuestFilterValues['lastVisit'])}
        allowSingleDateInRange
        clearable
        valueFormat="D MMM YYYY"
        leftSection={<IconCalendar size={16} />}
        popoverProps={{ withinPortal: true }}
      />
    </>
  );

  return (
    <FilterBar count={count} compact={compact} lead={search} aside={sortControl}>
      {filters}
    </FilterBar>
  );
}
