import { Alert, Button, Divider, Drawer, Stack, Text } from '@mantine/core';
import { IconArchive, IconArchiveOff } from '@tabler/icons-react';
import type { TTable } from '@tobeout/shared';
import { trpc } from '../../app/trpc';
import { notifySuccess } from '../../lib/errors';
import { TableForm } from './TableForm';
import { useTableActivation } from './useTableActivation';

/** Which table the editor is open for: `table: null` adds a new one. */
export type EditorTarget = { table: TTable | null } | null;

type Props = {
  target: EditorTarget;
  sections: readonly string[];
  onClose: () => void;
  /** Full-screen on phones. */
  fullScreen?: boolean;
};

/** Drawer to add or edit a table (managers); an existing one can also be (de)activated here. */
export function TableEditor({ target, sections, onClose, fullScreen }: Props) {
  const utils = trpc.useUtils();
  const table = target?.table ?? null;
  const saved = (message: string) => {
    void utils.tables.invalidate();
    notifySuccess(message);
    onClose();
  };
  const create = trpc.tables.create.useMutation({
    onSuccess: (t) => saved(`${t.name} was added to the floor plan.`),
  });
  const update = trpc.tables.update.useMutation({
    onSuccess: (t) => saved(`${t.name} saved.`),
  });
  const activation = useTableActivation(onClose);

  return (
    <Drawer
      opened={target !== null}
      onClose={onClose}
      position="right"
      size={fullScreen ? '100%' : 'md'}
      title={
        <Text fw={700} size="lg">
          {table ? `Edit table ${table.name}` : 'Add a table'}
        </Text>
      }
    >
      {target && (
        <Stack gap="lg">
          {table && !table.active && (
            <Alert color="gray" variant="light" title="Deactivated">
              This table is not on the floor plan and cannot be booked. Reactivate it to use it again.
            </Alert>
          )}
          <TableForm
            key={table?.id ?? 'new'}
            table={table}
            sections={sections}
            onSave={(fields) =>
              table ? update.mutateAsync({ id: table.id, ...fields }) : create.mutateAsync(fields)
            }
            onCancel={onClose}
          />
          {table && (
            <>
              <Divider />
              {table.active ? (
                <Stack gap={6} align="flex-start">
                  <Text size="sm" c="dimmed">
                    Out of service for good? Deactivating keeps its history; you can reactivate it later.
                  </Text>
                  <Button
                    variant="light"
                    color="red"
                    leftSection={<IconArchive size={16} />}
                    loading={activation.pending}
                    onClick={() => activation.confirmDeactivate(table)}
                  >
                    Deactivate table
                  </Button>
                </Stack>
              ) : (
                <Button
                  variant="light"
                  color="teal"
                  leftSection={<IconArchiveOff size={16} />}
                  loading={activation.pending}
                  onClick={() => activation.confirmReactivate(table)}
                  style={{ alignSelf: 'flex-start' }}
                >
                  Reactivate table
                </Button>
              )}
            </>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
