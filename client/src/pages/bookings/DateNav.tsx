import { ActionIcon, Button, Group, Tooltip } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconCalendar, IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { addLocalDays } from '../../lib/local-time';

type Props = {
  date: string;
  /** Today in the restaurant's time zone. */
  today: string;
  onChange: (date: string) => void;
};

/** Previous day, today, next day and a calendar. */
export function DateNav({ date, today, onChange }: Props) {
  return (
    <Group gap={6} wrap="nowrap" role="group" aria-label="Day">
      <Tooltip label="Previous day">
        <ActionIcon
          variant="default"
          size="lg"
          aria-label="Previous day"
          onClick={() => onChange(addLocalDays(date, -1))}
        >
          <IconChevronLeft size={18} />
        </ActionIcon>
      </Tooltip>
      <Button variant="default" onClick={() => onChange(today)} disabled={date === today}>
        Today
      </Button>
      <Tooltip label="Next day">
        <ActionIcon
          variant="default"
          size="lg"
          aria-label="Next day"
          onClick={() => onChange(addLocalDays(date, 1))}
        >
          <IconChevronRight size={18} />
        </ActionIcon>
      </Tooltip>
      <DatePickerInput
        aria-label="Date"
        value={date}
        onChange={(v) => v && onChange(v)}
        valueFormat="ddd D MMM YYYY"
        leftSection={<IconCalendar size={16} />}
        popoverProps={{ withinPortal: true }}
        w={{ base: 170, xs: 190 }}
      />
    </Group>
  );
}
