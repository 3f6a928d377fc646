import { Center, SegmentedControl } from '@mantine/core';
import type { ReactNode } from 'react';

type Option<T extends string> = { value: T; label: string; icon: ReactNode };

/** Switches a page between its views (Plan / List, Timeline / List), each with an icon. */
export function ViewSwitch<T extends string>({
  value,
  onChange,
  options,
}: {
  value: T;
  onChange: (value: T) => void;
  options: readonly Option<T>[];
}) {
  return (
    <SegmentedControl
      aria-label="View"
      value={value}
      onChange={(v) => onChange(v as T)}
      data={options.map((o) => ({
        value: o.value,
        label: (
          <Center style={{ gap: 6 }}>
            {o.icon}
            <span>{o.label}</span>
          </Center>
        ),
      }))}
    />
  );
}
