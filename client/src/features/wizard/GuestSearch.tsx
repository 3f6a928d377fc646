import { Combobox, Group, Loader, Stack, Text, TextInput, useCombobox } from '@mantine/core';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '../../lib/errors';
import { formatDay } from '../../lib/format';
import { MIN_SEARCH, useGuestSearch } from './guests';
import type { KnownGuest } from './model';

const NEW = '__new__';

type Props = {
  onPick: (guest: KnownGuest) => void;
  /** Nobody matched (or the host wants someone new): start a new guest from what was typed. */
  onNew: (typed: string) => void;
};

/** Finds an existing guest by name, phone or booking code as the host types. */
export function GuestSearch({ onPick, onNew }: Props) {
  const [query, setQuery] = useState('');
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const { guests, loading, settled, error } = useGuestSearch(query);
  const typed = query.trim();
  const searching = typed.length >= MIN_SEARCH;

  return (
    <Combobox
      store={combobox}
      withinPortal
      onOptionSubmit={(value) => {
        combobox.closeDropdown();
        if (value === NEW) onNew(typed);
        else {
          const guest = guests.find((g) => g.id === value);
          if (guest) onPick(guest);
        }
        setQuery('');
      }}
    >
      <Combobox.Target>
        <TextInput
          label="Find a guest"
          description="Name, phone number or booking code"
          placeholder="e.g. Schmidt or 0170 123…"
          leftSection={<IconSearch size={16} />}
          rightSection={loading ? <Loader size={14} /> : null}
          value={query}
          onChange={(e) => {
            setQuery(e.currentTarget.value);
            combobox.openDropdown();
            combobox.updateSelectedOptionIndex();
          }}
          onClick={() => combobox.openDropdown()}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          autoComplete="off"
          data-autofocus
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!searching}>
        <Combobox.Options aria-label="Guests found">
          {guests.map((g) => (
            <Combobox.Option value={g.id} key={g.id}>
              <Stack gap={0}>
                <Text size="sm" fw={600}>
                  {g.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {[g.phone, g.email].filter(Boolean).join(' · ') || 'No contact details'}
                  {g.lastDate &&
                    ` · ${g.bookings === 1 ? '1 booking' : `${g.bookings} bookings`}, last ${formatDay(g.lastDate)}`}
                </Text>
              </Stack>
            </Combobox.Option>
          ))}
          {error ? (
            <Combobox.Empty>Could not search the guests ({errorMessage(error)})</Combobox.Empty>
          ) : (
            settled && guests.length === 0 && <Combobox.Empty>No guest found for “{typed}”.</Combobox.Empty>
          )}
          <Combobox.Option value={NEW}>
            <Group gap={6} wrap="nowrap">
              <IconUserPlus size={16} aria-hidden />
              <Text size="sm">New guest “{typed}”</Text>
            </Group>
          </Combobox.Option>
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
