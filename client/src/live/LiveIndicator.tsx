import { Box, Group, Text, Tooltip } from '@mantine/core';
import { LIVE_LABELS, type LiveState } from './state';

/** A colored dot and a word for the live connection; the word hides on phones. */
export function LiveIndicator({ state }: { state: LiveState }) {
  const info = LIVE_LABELS[state];
  return (
    <Tooltip label={info.tooltip} multiline w={260} withArrow>
      <Group
        gap={6}
        wrap="nowrap"
        role="status"
        aria-label={info.aria}
        aria-live="polite"
        data-state={state}
        tabIndex={0}
      >
        <Box
          component="span"
          aria-hidden
          w={10}
          h={10}
          style={{
            borderRadius: '50%',
            flex: 'none',
            background: `var(--mantine-color-${info.color}-filled)`,
            boxShadow: state === 'live' ? `0 0 0 3px var(--mantine-color-${info.color}-light)` : undefined,
          }}
        />
        <Text size="sm" c="dimmed" visibleFrom="xs" aria-hidden>
          {info.label}
        </Text>
      </Group>
    </Tooltip>
  );
}
