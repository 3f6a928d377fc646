import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconClockHour4 } from '@tabler/icons-react';
import type { TAvailableSlot, TFitOption } from '@tobeout/shared';
import type { ReactNode } from 'react';

type Props = {
  title: string;
  /** The server's reason, in its words. */
  message: string;
  /** Free slots nearby (each with its best table first). */
  alternatives: readonly TAvailableSlot[];
  /** One click takes another time (and its best table). */
  onPick: (slot: TAvailableSlot, option: TFitOption) => void;
  /** 'conflict': someone else was faster; 'unavailable': the time never was free. */
  tone?: 'conflict' | 'unavailable';
  disabled?: boolean;
  /** What else the host may do (book past the pacing limit). */
  action?: ReactNode;
};

/** Why a time cannot be booked, with the nearest free times as one-click choices. */
export function Unavailable({
  title,
  message,
  alternatives,
  onPick,
  tone = 'unavailable',
  disabled,
  action,
}: Props) {
  const picks = alternatives.filter((s) => s.options.length > 0);
  return (
    <Alert
      color={tone === 'conflict' ? 'red' : 'yellow'}
      variant="light"
      title={title}
      icon={tone === 'conflict' ? <IconAlertTriangle size={18} /> : <IconClockHour4 size={18} />}
      role="alert"
    >
      <Stack gap="xs">
        <Text size="sm">{message}</Text>
        {action}
        {picks.length > 0 ? (
          <>
            <Text size="sm" fw={600}>
              Free instead:
            </Text>
            <Group gap="xs" role="group" aria-label="Free instead">
              {picks.map((slot) => {
                const option = slot.options[0]!;
                return (
                  <Button
                    key={slot.time}
                    size="compact-md"
                    variant="white"
                    color="dark"
                    disabled={disabled}
                    onClick={() => onPick(slot, option)}
                    aria-label={`${slot.time} at ${option.label}`}
                  >
                    <Text span fw={700} size="sm">
                      {slot.time}
                    </Text>
                    <Text span size="sm" c="dimmed" ml={6}>
                      {option.label}
                    </Text>
                  </Button>
                );
              })}
            </Group>
          </>
        ) : (
          <Text size="sm">Nothing else is free nearby: try another date or party size.</Text>
        )}
      </Stack>
    </Alert>
  );
}
