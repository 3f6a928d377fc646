import { Chip, Group, NumberInput, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { guestsLabel } from '../../lib/bookings';

const QUICK = [1, 2, 3, 4, 5, 6, 7, 8];

type Props = {
  value: number | string;
  onChange: (value: number | string) => void;
  error?: ReactNode;
  onBlur?: () => void;
};

/** The number of guests: quick picks for 1–8 (one click), any number typed. */
export function PartySizePicker({ value, onChange, error, onBlur }: Props) {
  const n = Number(value);
  return (
    <Stack gap={6}>
      <NumberInput
        label="Guests"
        min={1}
        max={200}
        allowDecimal={false}
        allowNegative={false}
        maw={160}
        value={value}
        onChange={onChange}
        onBlur={onBlur}
        error={error}
      />
      <Chip.Group
        multiple={false}
        value={QUICK.includes(n) ? String(n) : null}
        onChange={(v) => onChange(Number(v))}
      >
        <Group gap={6} role="group" aria-label="Quick party sizes">
          {QUICK.map((q) => (
            <Chip key={q} value={String(q)} size="sm" aria-label={guestsLabel(q)}>
              {q}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
    </Stack>
  );
}
