import { Button, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** "12 guests", "50+ entries" (more on the server): how much of a paged list is shown. */
export function countLabel(n: number, more: boolean, one: string, many = `${one}s`): string {
  return `${n}${more ? '+' : ''} ${n === 1 ? one : many}`;
}

/**
 * Under a paged list: how much is shown (a live status), optionally a control beside it, and
 * "Load more" while there is more.
 */
export function ListFooter({
  children,
  aside,
  hasMore,
  loading,
  onMore,
}: {
  /** The status line (`countLabel` and anything else worth saying). */
  children: ReactNode;
  /** Next to the status line: a control for how the list is shown (e.g. back to its order). */
  aside?: ReactNode;
  hasMore: boolean;
  loading: boolean;
  onMore: () => void;
}) {
  return (
    <Group justify="space-between" gap="xs">
      <Group gap="xs">
        <Text size="sm" c="dimmed" role="status">
          {children}
        </Text>
        {aside}
      </Group>
      {hasMore && (
        <Button variant="default" size="xs" onClick={onMore} loading={loading}>
          Load more
        </Button>
      )}
    </Group>
  );
}
