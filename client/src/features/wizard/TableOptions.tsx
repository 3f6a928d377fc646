import { Badge, Group, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import type { TFitOption } from '@tobeout/shared';
import type { ReactNode } from 'react';
import { seatingKey } from './seating';
import classes from './wizard.module.css';

type Props = {
  /** Names the radio group, e.g. "Tables free at 19:30". */
  label: string;
  /** The server's suggestions, best first (the first is marked "Best fit"). */
  suggested: readonly TFitOption[];
  /** Further free tables (from the grid). */
  others?: readonly TFitOption[];
  /** The chosen tables. */
  value: readonly string[];
  onChange: (option: TFitOption) => void;
  /** Tables already held for this booking (marked "Held"). */
  heldIds?: readonly string[];
  error?: ReactNode;
};

/** Seating choices as radio cards: the suggestions, then the other free tables. */
export function TableOptions({ label, suggested, others = [], value, onChange, heldIds, error }: Props) {
  const all = [...suggested, ...others];
  const byKey = new Map(all.map((o) => [seatingKey(o.tableIds), o]));
  const held = heldIds?.length ? seatingKey(heldIds) : null;
  const card = (o: TFitOption, badge?: string) => {
    const key = seatingKey(o.tableIds);
    return (
      <Radio.Card key={key} value={key} radius="md" p="sm" className={classes.option}>
        <Group wrap="nowrap" align="flex-start" gap="sm">
          <Radio.Indicator mt={2} />
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Group gap={6} wrap="nowrap">
              <Text className={classes.optionLabel}>{o.label}</Text>
              {key === held ? (
                <Badge size="xs" color="teal" variant="light">
                  Held
                </Badge>
              ) : (
                badge && (
                  <Badge size="xs" variant="light">
                    {badge}
                  </Badge>
                )
              )}
            </Group>
            <Text size="xs" c="dimmed">
              {o.reason.replace(/^Best fit: /, '')}
            </Text>
          </Stack>
        </Group>
      </Radio.Card>
    );
  };
  return (
    <Radio.Group
      label={label}
      value={value.length ? seatingKey(value) : null}
      onChange={(key) => {
        const option = byKey.get(key);
        if (option) onChange(option);
      }}
      error={error}
    >
      <Stack gap="sm" mt="xs">
        <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }} spacing="xs">
          {suggested.map((o, i) => card(o, i === 0 ? 'Best fit' : undefined))}
        </SimpleGrid>
        {others.length > 0 && (
          <>
            <Text size="xs" fw={600} c="dimmed" tt="uppercase">
              Other free tables
            </Text>
            <SimpleGrid cols={{ base: 2, xs: 3, sm: 4 }} spacing="xs">
              {others.map((o) => card(o))}
            </SimpleGrid>
          </>
        )}
      </Stack>
    </Radio.Group>
  );
}
