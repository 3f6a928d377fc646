import {
  Alert,
  Button,
  Divider,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPhone, IconUser } from '@tabler/icons-react';
import { normalisePhone } from '@tobeout/shared';
import { useRef } from 'react';
import { formatDay } from '../../../lib/format';
import { GuestSearch } from '../GuestSearch';
import { useGuestSearch } from '../guests';
import type { KnownGuest, WizardValues } from '../model';

const LOOKS_LIKE_PHONE = /^[\d\s()+\-./]+$/;

type Props = {
  form: UseFormReturnType<WizardValues>;
  /** The restaurant's country: national phone numbers are read in it. */
  country: string;
  /** The existing guest chosen (form.values.guestId), when known. */
  guest: KnownGuest | null;
  guestLoading?: boolean;
  onGuestChange: (guest: KnownGuest | null) => void;
};

/** Step 3: an existing guest (search) or a new one (name and phone, checked as typed). */
export function GuestStep({ form, country, guest, guestLoading, onGuestChange }: Props) {
  const nameRef = useRef<HTMLInputElement>(null);
  const phoneRef = useRef<HTMLInputElement>(null);

  if (form.values.guestId) {
    if (!guest && guestLoading) return <Skeleton height={72} radius="md" aria-label="Loading the guest" />;
    return (
      <Paper withBorder p="md" radius="md" aria-label="Guest">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <IconUser size={22} aria-hidden />
            <Stack gap={2}>
              <Text fw={700}>{guest?.name ?? 'Existing guest'}</Text>
              <Text size="sm" c="dimmed">
                {[guest?.phone, guest?.email].filter(Boolean).join(' · ') || 'No contact details'}
              </Text>
              {guest?.lastDate && (
                <Text size="xs" c="dimmed">
                  {guest.bookings === 1 ? '1 booking' : `${guest.bookings} bookings`}, last on{' '}
                  {formatDay(guest.lastDate)}
                </Text>
              )}
            </Stack>
          </Group>
          <Button variant="default" size="xs" onClick={() => onGuestChange(null)}>
            Change guest
          </Button>
        </Group>
      </Paper>
    );
  }

  const startNew = (typed: string) => {
    if (LOOKS_LIKE_PHONE.test(typed)) {
      form.setFieldValue('guest.phone', typed);
      requestAnimationFrame(() => nameRef.current?.focus());
    } else {
      form.setFieldValue('guest.name', typed);
      requestAnimationFrame(() => phoneRef.current?.focus());
    }
  };
  const checkPhone = () => {
    const phone = form.values.guest.phone;
    if (!phone.trim()) return;
    const parsed = normalisePhone(phone, country);
    if (!parsed.ok) form.setFieldError('guest.phone', parsed.message);
  };
  const parsed = normalisePhone(form.values.guest.phone, country);

  return (
    <Stack gap="md">
      <GuestSearch onPick={onGuestChange} onNew={startNew} />
      <Divider label="or a new guest" labelPosition="center" />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          ref={nameRef}
          label="Name"
          placeholder="First and last name"
          required
          autoComplete="off"
          {...form.getInputProps('guest.name')}
        />
        <TextInput
          ref={phoneRef}
          label="Phone"
          type="tel"
          placeholder="Mobile or landline"
          required
          leftSection={<IconPhone size={16} />}
          autoComplete="off"
          description={parsed.ok ? `Saved as ${parsed.e164}` : undefined}
          {...form.getInputProps('guest.phone')}
          onBlur={checkPhone}
        />
        <TextInput
          label="E-mail (optional)"
          type="email"
          placeholder="anna@example.com"
          autoComplete="off"
          {...form.getInputProps('guest.email')}
        />
      </SimpleGrid>
      {parsed.ok && <KnownByPhone e164={parsed.e164} onUse={onGuestChange} />}
    </Stack>
  );
}

/**
 * A new guest's number may belong to a known guest already (the server would book for them,
 * keeping their name): say so, and offer to take them.
 */
function KnownByPhone({ e164, onUse }: { e164: string; onUse: (guest: KnownGuest) => void }) {
  const { guests } = useGuestSearch(e164);
  const match = guests.find((g) => g.phone === e164);
  if (!match) return null;
  return (
    <Alert color="blue" variant="light" p="sm">
      <Group justify="space-between" gap="xs">
        <Text size="sm">
          {e164} belongs to <b>{match.name}</b>, a known guest.
        </Text>
        <Button size="compact-sm" variant="white" onClick={() => onUse(match)}>
          Book for {match.name}
        </Button>
      </Group>
    </Alert>
  );
}
