import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';

export type PhoneResult = { ok: true; e164: string } | { ok: false; message: string };

/**
 * A phone number in any common format → E.164, with the restaurant's country as the default
 * for national numbers ('0170 1234567' in DE → '+491701234567').
 */
export function normalisePhone(input: string, defaultCountry: string): PhoneResult {
  const trimmed = input.trim();
  if (!trimmed) return { ok: false, message: 'Enter a phone number.' };
  const parsed = parsePhoneNumberFromString(trimmed, defaultCountry.toUpperCase() as CountryCode);
  if (!parsed?.isValid())
    return {
      ok: false,
      message: `"${trimmed}" is not a valid phone number${trimmed.startsWith('+') ? '' : ` for ${defaultCountry.toUpperCase()} (or add the +country code)`}.`,
    };
  return { ok: true, e164: parsed.number };
}

/** The digits of a partial number, for search ('0170 12' → '17012' when it starts with a trunk 0). */
export function phoneDigits(input: string): string {
  return input.replace(/\D/g, '').replace(/^0+/, '');
}
