import { Stack, Text } from '@mantine/core';
import type { TAvailableSlot, TFitOption } from '@tobeout/shared';
import { guestsLabel } from '../../../lib/bookings';
import { Fact, FactList } from '../../../lib/facts';
import { formatDay } from '../../../lib/format';
import { guestInput, type KnownGuest, partyOf, type WizardValues } from '../model';
import { addMinutesToTime, formatDuration } from '../seating';
import { Unavailable } from '../Unavailable';
import classes from '../wizard.module.css';
import type { Conflict } from './AvailabilityStep';

type Props = {
  values: WizardValues;
  country: string;
  /** The held seating. */
  option: TFitOption | null;
  durationMin: number | null;
  /** The existing guest, when one was chosen. */
  guest: KnownGuest | null;
  conflict?: Conflict | null;
  onPickAlternative: (slot: TAvailableSlot, option: TFitOption) => void;
  busy?: boolean;
};

/** Step 6: everything that will be booked, at a glance. */
export function ConfirmStep({
  values,
  country,
  option,
  durationMin,
  guest,
  conflict,
  onPickAlternative,
  busy,
}: Props) {
  const party = partyOf(values);
  const end = durationMin !== null ? addMinutesToTime(values.time, durationMin) : null;
  const name = values.guestId ? (guest?.name ?? 'Existing guest') : values.guest.name.trim();
  const input = guestInput(values, country);
  const contact = input.guest ? [input.guest.phone, input.guest.email] : [guest?.phone, guest?.email];
  return (
    <Stack gap="md">
      {conflict && (
        <Unavailable
          tone="conflict"
          title={conflict.title}
          message={conflict.message}
          alternatives={conflict.alternatives}
          onPick={onPickAlternative}
          disabled={busy}
        />
      )}
      <section className={classes.summary} aria-label="Booking summary">
        <FactList>
          <Fact label="Date">{formatDay(values.date)}</Fact>
          <Fact label="Time">
            {values.time}
            {end && ` – ${end}`}
            {durationMin !== null && (
              <Text span size="xs" c="dimmed">
                {' '}
                ({formatDuration(durationMin)})
              </Text>
            )}
          </Fact>
          <Fact label="Party">{guestsLabel(party)}</Fact>
          <Fact label={option && option.tableIds.length > 1 ? 'Tables' : 'Table'}>
            {option?.label ?? '—'}
          </Fact>
          <Fact label="Guest">
            {name}
            <Text span size="xs" c="dimmed">
              {values.guestId ? ' · known guest' : ' · new guest'}
            </Text>
          </Fact>
          <Fact label="Contact">{contact.filter(Boolean).join(' · ') || '—'}</Fact>
          <Fact label="Special requests" span>
            {values.specialRequests.trim() ? (
              <span style={{ whiteSpace: 'pre-line' }}>{values.specialRequests.trim()}</span>
            ) : (
              <Text span c="dimmed" size="sm">
                None
              </Text>
            )}
          </Fact>
        </FactList>
      </section>
    </Stack>
  );
}
