import { Button, Group, List, Loader, Modal, Radio, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import type { TGuest } from '@tobeout/shared';
import { useEffect, useState } from 'react';
import { trpc } from '../../app/trpc';
import { formatDate } from '../../lib/format';
import { useIsPhone } from '../../lib/media';

const MIN_SEARCH = 2;

function contactLine(g: TGuest): string {
  return [g.phone, g.email].filter(Boolean).join(' · ') || 'No phone or email';
}

/** Another guest, found by the server as people type (name with typos, or phone digits). */
function GuestPicker({
  exclude,
  value,
  onChange,
}: {
  exclude: string;
  value: TGuest | null;
  onChange: (guest: TGuest | null) => void;
}) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const enabled = q.length >= MIN_SEARCH && q !== value?.name;
  const list = trpc.guests.list.useQuery({ q, limit: 10 }, { enabled, placeholderData: keepPreviousData });
  const found = enabled ? (list.data?.items ?? []) : [];
  const options = [...(value ? [value] : []), ...found.filter((g) => g.id !== exclude && g.id !== value?.id)];
  const byId = new Map(options.map((g) => [g.id, g]));

  return (
    <Select
      label="The duplicate"
      placeholder="Search by name or phone"
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      data={options.map((g) => ({ value: g.id, label: g.name }))}
      // The server already searched (typo-tolerant); the select shows what it found.
      filter={({ options: all }) => all}
      value={value?.id ?? null}
      onChange={(id) => onChange(id ? (byId.get(id) ?? null) : null)}
      renderOption={({ option }) => {
        const g = byId.get(option.value);
        return (
          <div>
            <Text size="sm">{option.label}</Text>
            {g && (
              <Text size="xs" c="dimmed">
                {contactLine(g)} · {g.visitCount} {g.visitCount === 1 ? 'visit' : 'visits'}
              </Text>
            )}
          </div>
        );
      }}
      nothingFoundMessage={
        q.length < MIN_SEARCH
          ? 'Type at least two letters'
          : list.isFetching
            ? 'Searching…'
            : 'No other guest found'
      }
      rightSection={list.isFetching ? <Loader size="xs" /> : undefined}
      clearable
      comboboxProps={{ withinPortal: true }}
      data-autofocus
    />
  );
}

function RecordCard({ value, guest, label }: { value: string; guest: TGuest; label: string }) {
  return (
    <Radio.Card
      value={value}
      radius="md"
      p="sm"
      aria-label={`Keep ${guest.name} (${label})`}
      // Both cards read from the top, whatever their height.
      style={{ display: 'flex', alignItems: 'flex-start' }}
    >
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <Radio.Indicator mt={2} />
        <div>
          <Text size="xs" c="dimmed">
            {label}
          </Text>
          <Text fw={600} size="sm">
            {guest.name}
          </Text>
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {contactLine(guest)}
          </Text>
          <Text size="xs" c="dimmed">
            {guest.visitCount} {guest.visitCount === 1 ? 'visit' : 'visits'} · added{' '}
            {formatDate(guest.createdAt)}
          </Text>
        </div>
      </Group>
    </Radio.Card>
  );
}

/** What a merge does, for the confirmation (mirrors guests.merge on the server). */
export function MergeExplanation({ keep, gone }: { keep: TGuest; gone: TGuest }) {
  return (
    <Stack gap="xs">
      <Text size="sm">
        <b>{gone.name}</b> ({contactLine(gone)}) is merged into <b>{keep.name}</b> ({contactLine(keep)}):
      </Text>
      <List size="sm" spacing={4}>
        <List.Item>
          All bookings of {gone.name} move to {keep.name}.
        </List.Item>
        <List.Item>Visits, no-shows and cancellations are added up.</List.Item>
        <List.Item>Tags and notes are combined.</List.Item>
        <List.Item>A phone, email or language {keep.name} lacks is taken over.</List.Item>
      </List>
      <Text size="sm" fw={600}>
        The record of {gone.name} is then deleted. This cannot be undone.
      </Text>
    </Stack>
  );
}

type Props = {
  guest: TGuest;
  opened: boolean;
  onClose: () => void;
  /** Called with the record to keep and the one to merge into it (the caller confirms). */
  onContinue: (keep: TGuest, gone: TGuest) => void;
};

/** Managers: two records of one person become one. Pick the other record and which one stays. */
export function MergeGuestModal({ guest, opened, onClose, onContinue }: Props) {
  const isPhone = useIsPhone();
  const [other, setOther] = useState<TGuest | null>(null);
  const [keep, setKeep] = useState<'this' | 'other'>('this');
  useEffect(() => {
    if (!opened) return;
    setOther(null);
    setKeep('this');
  }, [opened]);

  return (
    <Modal opened={opened} onClose={onClose} title="Merge a duplicate" size="lg" fullScreen={isPhone}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          Is {guest.name} in the guest book twice? Find the other record, choose which one to keep, and their
          bookings and history become one.
        </Text>
        <GuestPicker exclude={guest.id} value={other} onChange={setOther} />
        {other && (
          <Radio.Group
            label="Keep this record"
            description="The other one is merged into it and then deleted."
            value={keep}
            onChange={(v) => setKeep(v as 'this' | 'other')}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="xs">
              <RecordCard value="this" guest={guest} label="This profile" />
              <RecordCard value="other" guest={other} label="The duplicate" />
            </SimpleGrid>
          </Radio.Group>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            color="red"
            disabled={!other}
            onClick={() => {
              if (!other) return;
              onClose();
              onContinue(keep === 'this' ? guest : other, keep === 'this' ? other : guest);
            }}
          >
            Continue
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
