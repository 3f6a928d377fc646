import { Alert, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconGitMerge, IconRefresh, IconUsers } from '@tabler/icons-react';
import { PausedWhenOffline } from '../../live/offline';
import type { ConflictRow } from './edit-values';

type Props = {
  /** The fields either side changed since the edit began. */
  rows: ConflictRow[];
  /** Who changed what, when known: "Maria moved this booking to 20:30 while you were editing." */
  lead?: string;
  saving: boolean;
  onUseTheirs: () => void;
  onKeepMine: () => void;
};

/**
 * Someone saved this booking while it was being edited here: their saved values next to the
 * ones entered here. Either take theirs (dropping the edit) or save the edit on top of theirs.
 */
export function ConflictPanel({ rows, lead, saving, onUseTheirs, onKeepMine }: Props) {
  const clashes = rows.filter((r) => r.clash).length;
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconUsers size={18} />}
      title="Someone else changed this booking"
      role="alert"
    >
      <Stack gap="sm">
        <Text size="sm">
          {lead ?? 'It was saved with other values while you were editing.'}{' '}
          {clashes > 0
            ? 'Where you both changed the same thing, saving yours overwrites theirs.'
            : 'Your changes and theirs do not overlap.'}
        </Text>
        <Table
          withTableBorder
          verticalSpacing={4}
          horizontalSpacing="xs"
          fz="sm"
          aria-label="Their version and yours"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th>Theirs (saved)</Table.Th>
              <Table.Th>Yours</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key} data-field={r.key} data-clash={r.clash || undefined}>
                <Table.Td fw={600} style={{ whiteSpace: 'nowrap' }}>
                  {r.label}
                  {r.clash && (
                    <Badge ml={6} size="xs" color="orange" variant="filled">
                      both
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td fw={r.theyChanged ? 600 : undefined} c={r.theyChanged ? undefined : 'dimmed'}>
                  {r.theirs}
                </Table.Td>
                <Table.Td fw={r.iChanged ? 600 : undefined} c={r.iChanged ? undefined : 'dimmed'}>
                  {r.mine}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group gap="xs">
          <Button size="xs" variant="default" leftSection={<IconRefresh size={14} />} onClick={onUseTheirs}>
            Use theirs
          </Button>
          <PausedWhenOffline>
            {(paused) => (
              <Button
                size="xs"
                color="orange"
                leftSection={<IconGitMerge size={14} />}
                onClick={onKeepMine}
                loading={saving}
                disabled={paused}
              >
                Save mine on top of theirs
              </Button>
            )}
          </PausedWhenOffline>
        </Group>
      </Stack>
    </Alert>
  );
}
