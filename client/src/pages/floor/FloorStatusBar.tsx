import {
  ActionIcon,
  Badge,
  Box,
  Button,
  Group,
  Paper,
  Skeleton,
  Slider,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconChevronLeft, IconChevronRight, IconClock } from '@tabler/icons-react';
import { addLocalDays } from '../../lib/local-time';
import { type Grid, scrubSlots } from './status';

type Props = {
  date: string;
  today: string;
  onDateChange: (date: string) => void;
  grid: Grid | undefined;
  /** The slot shown (an index into grid.slots). */
  index: number;
  onIndexChange: (index: number) => void;
  /** The view follows the clock (today, no time chosen). */
  followingNow: boolean;
  onNow: () => void;
  compact?: boolean;
};

/** The moment the floor shows: a date and a slot scrubber (30-minute steps), with a count per status. */
export function FloorStatusBar({
  date,
  today,
  onDateChange,
  grid,
  index,
  onIndexChange,
  followingNow,
  onNow,
  compact,
}: Props) {
  const stops = grid ? scrubSlots(grid) : [];
  const position = Math.max(0, stops.indexOf(index));
  const slot = grid?.slots[index];
  // Hour labels that fit: every hour on wide screens, every 2nd or 3rd on small ones.
  const hours = stops.filter((i) => grid?.slots[i]?.time.endsWith(':00'));
  const every = compact ? 3 : hours.length > 12 ? 2 : 1;
  const marks = stops.flatMap((i, pos) => {
    const time = grid?.slots[i]?.time ?? '';
    if (!time.endsWith(':00')) return [];
    const labelled = Number(time.slice(0, 2)) % every === 0;
    return [{ value: pos, label: labelled ? time.slice(0, 2) : undefined }];
  });

  return (
    <Paper withBorder p="sm" radius="md">
      <Stack gap="sm">
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Group gap={6} wrap="nowrap">
            <Tooltip label="Previous day">
              <ActionIcon
                variant="default"
                size="lg"
                aria-label="Previous day"
                onClick={() => onDateChange(addLocalDays(date, -1))}
              >
                <IconChevronLeft size={16} />
              </ActionIcon>
            </Tooltip>
            <DatePickerInput
              aria-label="Date shown"
              value={date}
              onChange={(v) => v && onDateChange(v)}
              valueFormat="ddd, D MMM YYYY"
              popoverProps={{ withinPortal: true }}
              w={compact ? 150 : 180}
            />
            <Tooltip label="Next day">
              <ActionIcon
                variant="default"
                size="lg"
                aria-label="Next day"
                onClick={() => onDateChange(addLocalDays(date, 1))}
              >
                <IconChevronRight size={16} />
              </ActionIcon>
            </Tooltip>
            {date !== today && (
              <Button variant="subtle" size="xs" onClick={() => onDateChange(today)}>
                Today
              </Button>
            )}
          </Group>
          <Group gap="xs" wrap="nowrap">
            {slot && (
              <Text fw={800} fz="xl" ff="monospace" aria-live="polite" aria-label={`Showing ${slot.time}`}>
                {slot.time}
              </Text>
            )}
            {!slot ? null : followingNow ? (
              <Badge variant="light" color="teal" leftSection={<IconClock size={12} />}>
                Now
              </Badge>
            ) : (
              date === today && (
                <Button variant="light" size="xs" leftSection={<IconClock size={14} />} onClick={onNow}>
                  Now
                </Button>
              )
            )}
            {slot && !slot.open && (
              <Badge variant="light" color="gray">
                Closed
              </Badge>
            )}
          </Group>
        </Group>

        {!grid ? (
          <Skeleton height={36} aria-label="Loading the day" />
        ) : stops.length === 0 ? (
          <Text size="sm" c="dimmed">
            Closed all day: no service on this date.
          </Text>
        ) : (
          <Box px={compact ? 4 : 8} pb={marks.some((m) => m.label) ? 'md' : 0}>
            <Slider
              min={0}
              max={Math.max(0, stops.length - 1)}
              step={1}
              value={position}
              onChange={(p) => onIndexChange(stops[p] ?? index)}
              label={(p) => grid.slots[stops[p] ?? index]?.time}
              thumbLabel="Time shown"
              thumbValueText={(p) => grid.slots[stops[p] ?? index]?.time ?? ''}
              marks={marks}
              size="md"
            />
          </Box>
        )}
      </Stack>
    </Paper>
  );
}
