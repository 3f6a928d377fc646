import { ActionIcon, Group, TextInput } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import type { GetInputPropsReturnType } from '@mantine/form';
import { IconTrash } from '@tabler/icons-react';
import classes from './ServiceFields.module.css';

type Props = {
  /** For labels: "Monday service 2". */
  label: string;
  /** `form.getInputProps` for one field of this service. */
  field: (name: 'name' | 'start' | 'end' | 'lastSeating') => GetInputPropsReturnType;
  onRemove?: () => void;
  /** False for a day's later rows: their visible labels hide on wide screens (names stay). */
  firstRow?: boolean;
};

/** One service's name, start, end and last seating, in a row that wraps on phones. */
export function ServiceFields({ label, field, onRemove, firstRow = true }: Props) {
  const classNames = firstRow ? undefined : { label: classes.repeatLabel };
  return (
    <Group gap="xs" align="flex-start" wrap="wrap" role="group" aria-label={label}>
      <TextInput
        label="Name"
        classNames={classNames}
        aria-label={`${label} name`}
        w={{ base: '100%', xs: 150 }}
        {...field('name')}
      />
      <TimeInput
        label="Start"
        classNames={classNames}
        aria-label={`${label} start`}
        w={120}
        {...field('start')}
      />
      <TimeInput label="End" classNames={classNames} aria-label={`${label} end`} w={120} {...field('end')} />
      <TimeInput
        label="Last seating"
        classNames={classNames}
        aria-label={`${label} last seating`}
        w={120}
        {...field('lastSeating')}
      />
      {onRemove && (
        <ActionIcon
          variant="subtle"
          color="red"
          mt={firstRow ? 28 : { base: 28, sm: 4 }}
          aria-label={`Remove ${label}`}
          onClick={onRemove}
        >
          <IconTrash size={16} />
        </ActionIcon>
      )}
    </Group>
  );
}
