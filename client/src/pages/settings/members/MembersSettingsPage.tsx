import { Badge, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { TMember, TRole } from '@tobeout/shared';
import type { ReactNode } from 'react';
import { useCan, useSession } from '../../../app/session';
import { trpc } from '../../../app/trpc';
import { confirmDanger, RowAction } from '../../../lib/actions';
import { handleServerError, notifySuccess } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { EmptyHint, PageSkeleton, QueryError } from '../../../lib/states';
import { AddMemberForm, ROLE_OPTIONS } from './AddMemberForm';

export function MembersSettingsPage() {
  const canView = useCan('manager');
  const isOwner = useCan('owner');
  const me = useSession();
  const utils = trpc.useUtils();
  const members = trpc.restaurant.members.list.useQuery(undefined, { enabled: canView });

  const add = trpc.restaurant.members.add.useMutation({
    onSuccess: (m) => {
      void utils.restaurant.members.list.invalidate();
      notifySuccess(`${m.name} can now sign in to this restaurant as ${m.role}.`, 'Member added');
    },
  });
  const updateRole = trpc.restaurant.members.updateRole.useMutation({
    onSuccess: (m) => {
      void utils.restaurant.members.list.invalidate();
      if (m.userId === me.user.id) void utils.auth.me.invalidate();
      notifySuccess(`${m.name} is now ${m.role}.`, 'Role changed');
    },
    onError: (error) => handleServerError(error),
  });
  const remove = trpc.restaurant.members.remove.useMutation({
    onSuccess: (_, { userId }) => {
      void utils.restaurant.members.list.invalidate();
      if (userId === me.user.id) void utils.auth.me.invalidate();
      notifySuccess('The member was removed.', 'Member removed');
    },
    onError: (error) => handleServerError(error),
  });

  if (!canView) {
    return (
      <EmptyHint title="Managers only">
        Ask a manager or owner if someone needs to be added or removed.
      </EmptyHint>
    );
  }

  const confirmRemove = (m: TMember) =>
    confirmDanger({
      title: 'Remove member?',
      message: `${m.name} (${m.email}) will lose access to this restaurant at once.${
        m.userId === me.user.id ? ' This is you: you will no longer see this restaurant.' : ''
      }`,
      confirmLabel: 'Remove',
      onConfirm: () => remove.mutate({ userId: m.userId }),
    });

  let list: ReactNode;
  if (members.isPending) list = <PageSkeleton rows={3} label="Loading members" />;
  else if (members.isError)
    list = <QueryError error={members.error} onRetry={() => void members.refetch()} />;
  else if (members.data.length === 0) list = <EmptyHint title="No members">Nobody has access yet.</EmptyHint>;
  else {
    list = (
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="xs" aria-label="Members">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Email</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Member since</Table.Th>
              {isOwner && <Table.Th w={60}>Remove</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.data.map((m) => (
              <Table.Tr key={m.userId}>
                <Table.Td>
                  {m.name}
                  {m.userId === me.user.id && (
                    <Badge ml="xs" size="xs" variant="light">
                      you
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{m.email}</Table.Td>
                <Table.Td>
                  {isOwner ? (
                    <Select
                      aria-label={`Role of ${m.name}`}
                      data={ROLE_OPTIONS}
                      value={m.role}
                      allowDeselect={false}
                      disabled={updateRole.isPending}
                      w={130}
                      size="xs"
                      onChange={(role) => {
                        if (role && role !== m.role)
                          updateRole.mutate({ userId: m.userId, role: role as TRole });
                      }}
                    />
                  ) : (
                    <Badge variant="light" tt="capitalize">
                      {m.role}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(m.createdAt)}</Table.Td>
                {isOwner && (
                  <Table.Td>
                    <RowAction
                      icon={IconTrash}
                      tooltip="Remove"
                      label={`Remove ${m.name}`}
                      color="red"
                      onClick={() => confirmRemove(m)}
                    />
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }

  return (
    <Stack gap="lg">
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
        <Stack gap="sm">
          <Title order={3}>Members</Title>
          {!isOwner && (
            <Text size="sm" c="dimmed">
              Only owners can add or remove members and change roles.
            </Text>
          )}
          {list}
        </Stack>
      </Paper>
      {isOwner && (
        <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
          <AddMemberForm onAdd={(input) => add.mutateAsync(input)} />
        </Paper>
      )}
    </Stack>
  );
}
