import { TextInput, type TextInputProps } from '@mantine/core';
import { IconPhone } from '@tabler/icons-react';
import { normalisePhone } from '@tobeout/shared';
import type { FocusEvent } from 'react';

type Props = Omit<TextInputProps, 'type' | 'value' | 'description'> & {
  value?: string;
  /** The restaurant's country: numbers without a +country code are read as its numbers. */
  country: string | null;
  /** Called on leaving the field when what was typed cannot be a phone number. */
  onPhoneError: (message: string) => void;
};

/**
 * A phone number in any format. It says how it will be saved (E.164, as the server stores it)
 * and, on leaving the field, why a number is not valid, so people need not wait for the server.
 */
export function PhoneInput({ value = '', country, onPhoneError, onBlur, ...props }: Props) {
  const typed = value.trim();
  const parsed = country && typed ? normalisePhone(typed, country) : null;
  return (
    <TextInput
      type="tel"
      autoComplete="off"
      leftSection={<IconPhone size={16} />}
      {...props}
      value={value}
      description={parsed?.ok && parsed.e164 !== typed ? `Saved as ${parsed.e164}` : undefined}
      onBlur={(event: FocusEvent<HTMLInputElement>) => {
        onBlur?.(event);
        if (parsed && !parsed.ok) onPhoneError(parsed.message);
      }}
    />
  );
}
