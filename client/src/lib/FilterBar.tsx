import { Button, Collapse, Group, SimpleGrid, type SimpleGridProps, Stack } from '@mantine/core';
import { IconAdjustmentsHorizontal } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';

type Props = {
  /** The filter fields, laid out in a grid. */
  children: ReactNode;
  /** How many filters are set (the phone's button says "Filters (2)"; set filters start unfolded). */
  count: number;
  /** Phones: the filters fold behind a "Filters" button. */
  compact: boolean;
  /** Always shown above the filters (a search field). */
  lead?: ReactNode;
  /** Shown next to the "Filters" button on phones (a sort select). */
  aside?: ReactNode;
  cols?: SimpleGridProps['cols'];
};

/** The filters above a list: a grid on larger screens, folded behind a button on phones. */
export function FilterBar({
  children,
  count,
  compact,
  lead,
  aside,
  cols = { base: 2, sm: 3, lg: 5 },
}: Props) {
  const [open, setOpen] = useState(count > 0);
  const grid = (
    <SimpleGrid cols={cols} spacing="sm" verticalSpacing="xs">
      {children}
    </SimpleGrid>
  );
  if (!compact) {
    return (
      <Stack gap="xs">
        {lead}
        {grid}
      </Stack>
    );
  }
  return (
    <Stack gap="xs">
      {lead}
      <Group gap="xs" grow>
        <Button
          variant={count > 0 ? 'light' : 'default'}
          leftSection={<IconAdjustmentsHorizontal size={16} />}
          onClick={() => setOpen((o) => !o)}
          aria-expanded={open}
        >
          {count > 0 ? `Filters (${count})` : 'Filters'}
        </Button>
        {aside}
      </Group>
      <Collapse expanded={open}>{grid}</Collapse>
    </Stack>
  );
}
