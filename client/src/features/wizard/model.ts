import type { FormErrors } from '@mantine/form';
import { normalisePhone, ZEmail, ZName, ZPartySize } from '@tobeout/shared';
import type { WizardPrefill } from '../booking-ui/BookingUiProvider';

/** The wizard's steps, in order. */
export const STEPS = [
  { key: 'when', label: 'When', description: 'Date, time, guests' },
  { key: 'availability', label: 'Availability', description: 'Free tables' },
  { key: 'guest', label: 'Guest', description: 'Who is coming' },
  { key: 'table', label: 'Table', description: 'Held for you' },
  { key: 'requests', label: 'Requests', description: 'Special wishes' },
  { key: 'confirm', label: 'Confirm', description: 'Check and book' },
] as const;
export type StepKey = (typeof STEPS)[number]['key'];
export const stepIndex = (key: StepKey) => STEPS.findIndex((s) => s.key === key);
/** From this step on the chosen tables are held (availability.hold). */
export const HOLD_FROM = stepIndex('guest');

export type GuestFields = { name: string; phone: string; email: string };

/** A guest found through their bookings (there is no guests API yet). */
export type KnownGuest = {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  /** Bookings found for the guest (of the search's page). */
  bookings: number;
  /** Date of the latest of them. */
  lastDate: string | null;
};

export type WizardValues = {
  date: string;
  /** 'HH:mm', '' until chosen. */
  time: string;
  partySize: number | string;
  /** The chosen table or combination. */
  tableIds: string[];
  /** An existing guest; null books a new guest from `guest`. */
  guestId: string | null;
  guest: GuestFields;
  specialRequests: string;
  /** Staff chose to book past the pacing limit (max covers starting per slot). */
  overridePacing: boolean;
};

export const REQUESTS_MAX = 1000;

export function initialValues(prefill: WizardPrefill, today: string): WizardValues {
  return {
    date: prefill.date && prefill.date >= today ? prefill.date : today,
    time: prefill.time ?? '',
    partySize: prefill.partySize ?? 2,
    tableIds: prefill.tableIds ?? [],
    guestId: prefill.guestId ?? null,
    guest: { name: '', phone: '', email: '' },
    specialRequests: '',
    overridePacing: false,
  };
}

export function partyOf(values: Pick<WizardValues, 'partySize'>): number {
  const n = Number(values.partySize);
  return Number.isInteger(n) && n > 0 ? n : 0;
}

type Context = { country: string; today: string };

function firstIssue(result: { success: boolean; error?: { issues: { message: string }[] } }) {
  return result.success ? null : (result.error?.issues[0]?.message ?? 'Invalid.');
}

/** The errors of one step's fields (empty: the step is complete). */
export function stepErrors(step: StepKey, v: WizardValues, ctx: Context): FormErrors {
  const errors: FormErrors = {};
  switch (step) {
    case 'when': {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v.date)) errors.date = 'Choose a date.';
      else if (v.date < ctx.today) errors.date = 'Choose today or a later date.';
      if (!v.time) errors.time = 'Choose a time.';
      const party = firstIssue(ZPartySize.safeParse(v.partySize === '' ? undefined : Number(v.partySize)));
      if (party) errors.partySize = party;
      break;
    }
    case 'availability':
    case 'table':
      if (v.tableIds.length === 0) errors.tableIds = 'Choose a table.';
      break;
    case 'guest': {
      if (v.guestId) break;
      const name = firstIssue(ZName.safeParse(v.guest.name));
      if (name) errors['guest.name'] = name === 'Required.' ? 'Enter the guest’s name.' : name;
      const phone = normalisePhone(v.guest.phone, ctx.country);
      if (!phone.ok) errors['guest.phone'] = phone.message;
      if (v.guest.email.trim()) {
        const email = firstIssue(ZEmail.safeParse(v.guest.email));
        if (email) errors['guest.email'] = email;
      }
      break;
    }
    case 'requests':
      if (v.specialRequests.trim().length > REQUESTS_MAX)
        errors.specialRequests = `At most ${REQUESTS_MAX} characters.`;
      break;
    case 'confirm':
      break;
  }
  return errors;
}

/** The step that shows a field named in a server error ('guest.phone' → guest). */
export function stepOfField(path: string): StepKey | null {
  if (/^(date|time|partySize|durationMin)\b/.test(path)) return 'when';
  if (/^(tableIds|holdId)\b/.test(path)) return 'table';
  if (/^guest(Id)?\b/.test(path)) return 'guest';
  if (/^specialRequests\b/.test(path)) return 'requests';
  return null;
}

/** The guest part of bookings.create: the existing guest, or the new one's fields. */
export function guestInput(v: WizardValues, country: string) {
  if (v.guestId) return { guestId: v.guestId };
  const phone = normalisePhone(v.guest.phone, country);
  const email = v.guest.email.trim();
  return {
    guest: {
      name: v.guest.name.trim(),
      phone: phone.ok ? phone.e164 : v.guest.phone.trim(),
      ...(email ? { email } : {}),
    },
  };
}
