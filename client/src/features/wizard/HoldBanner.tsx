import { Button, Group, Loader, Paper, Text } from '@mantine/core';
import { IconClockPause, IconLock } from '@tabler/icons-react';
import type { THold } from '@tobeout/shared';
import type { ReactNode } from 'react';
import { localNow } from '../../lib/local-time';
import { useNow } from '../../lib/use-now';

/** "4:05" for a number of milliseconds (never negative). */
export function formatCountdown(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

type Props = {
  hold: THold | null;
  expired: boolean;
  placing: boolean;
  /** What is held, e.g. "T4" or "T2 + T3". */
  label: string | null;
  timeZone: string;
  onRenew: () => void;
};

/** "T4 held for you until 19:42 · 4:31 left", or that the hold expired (with a way to renew it). */
export function HoldBanner({ hold, expired, placing, label, timeZone, onRenew }: Props) {
  const now = useNow(1000, hold !== null && !expired);
  const what = label ?? 'The table';
  let body: ReactNode;
  let tone: 'ok' | 'soon' | 'expired' | 'busy';
  if (placing) {
    tone = 'busy';
    body = (
      <Group gap="xs" wrap="nowrap">
        <Loader size={14} aria-hidden />
        <Text size="sm">Holding {what} for you…</Text>
      </Group>
    );
  } else if (hold && !expired) {
    const left = hold.expiresAt.getTime() - now;
    tone = left < 60_000 ? 'soon' : 'ok';
    const until = localNow(timeZone, hold.expiresAt).slice(11);
    body = (
      <Group gap="xs" wrap="nowrap" justify="space-between" w="100%">
        <Group gap={8} wrap="nowrap">
          <IconLock size={16} aria-hidden />
          <Text size="sm">
            <b>{what}</b> held for you until <b>{until}</b>
          </Text>
        </Group>
        <Text size="sm" fw={600} ff="monospace" aria-hidden data-testid="hold-countdown">
          {formatCountdown(left)}
        </Text>
      </Group>
    );
  } else if (hold || expired) {
    tone = 'expired';
    body = (
      <Group gap="xs" wrap="nowrap" justify="space-between" w="100%">
        <Group gap={8} wrap="nowrap">
          <IconClockPause size={16} aria-hidden />
          <Text size="sm">The hold on {what} has expired; someone else may book it now.</Text>
        </Group>
        <Button size="compact-sm" variant="white" color="orange" onClick={onRenew}>
          Hold again
        </Button>
      </Group>
    );
  } else return null;

  const color = { ok: 'teal', soon: 'orange', expired: 'orange', busy: 'gray' }[tone];
  return (
    <Paper
      role="status"
      px="sm"
      py={8}
      radius="md"
      data-hold={tone}
      bg={`var(--mantine-color-${color}-light)`}
      c={`var(--mantine-color-${color}-light-color)`}
    >
      {body}
    </Paper>
  );
}
