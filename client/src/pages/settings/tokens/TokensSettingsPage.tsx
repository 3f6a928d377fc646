import {
  Badge,
  Button,
  Code,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconKey, IconKeyOff } from '@tabler/icons-react';
import { type TApiToken, type TRole, ZApiTokenCreateInput } from '@tobeout/shared';
import { type ReactNode, useState } from 'react';
import { useCan } from '../../../app/session';
import { trpc } from '../../../app/trpc';
import { confirmDanger, RowAction } from '../../../lib/actions';
import { handleServerError, notifySuccess } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { EmptyHint, PageSkeleton, QueryError } from '../../../lib/states';
import { validateWith } from '../../../lib/validate';
import { ROLE_OPTIONS } from '../members/AddMemberForm';
import { TokenCreatedModal } from './TokenCreatedModal';

type CreateValues = { name: string; role: TRole };

export function TokensSettingsPage() {
  const isOwner = useCan('owner');
  const utils = trpc.useUtils();
  const tokens = trpc.restaurant.tokens.list.useQuery(undefined, { enabled: isOwner });
  const [created, setCreated] = useState<{ token: string; name: string } | null>(null);

  const form = useForm<CreateValues>({
    initialValues: { name: '', role: 'staff' },
    validate: validateWith(ZApiTokenCreateInput, (v: CreateValues) => v),
  });
  const create = trpc.restaurant.tokens.create.useMutation({
    onSuccess: ({ token, apiToken }) => {
      void utils.restaurant.tokens.list.invalidate();
      setCreated({ token, name: apiToken.name });
      form.reset();
    },
    onError: (error) => handleServerError(error, form),
  });
  const revoke = trpc.restaurant.tokens.revoke.useMutation({
    onSuccess: (t) => {
      void utils.restaurant.tokens.list.invalidate();
      notifySuccess(`“${t.name}” no longer works.`, 'Token revoked');
    },
    onError: (error) => handleServerError(error),
  });

  if (!isOwner) {
    return (
      <EmptyHint title="Owners only">
        API tokens let scripts and agents act for the restaurant; only owners manage them.
      </EmptyHint>
    );
  }

  const confirmRevoke = (t: TApiToken) =>
    confirmDanger({
      title: 'Revoke token?',
      message: (
        <Text size="sm">
          Anything using “{t.name}” (<Code>{t.prefix}…</Code>) stops working at once. This cannot be undone.
        </Text>
      ),
      confirmLabel: 'Revoke',
      onConfirm: () => revoke.mutate({ id: t.id }),
    });

  let list: ReactNode;
  if (tokens.isPending) list = <PageSkeleton rows={3} label="Loading API tokens" />;
  else if (tokens.isError) list = <QueryError error={tokens.error} onRetry={() => void tokens.refetch()} />;
  else if (tokens.data.length === 0) {
    list = (
      <EmptyHint icon={<IconKey size={32} stroke={1.4} aria-hidden />} title="No API tokens">
        Create one for a script, an integration or an AI agent that should work with this restaurant.
      </EmptyHint>
    );
  } else {
    list = (
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing="xs" aria-label="API tokens">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Prefix</Table.Th>
              <Table.Th>Created</Table.Th>
              <Table.Th>Last used</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th w={60}>Revoke</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tokens.data.map((t) => (
              <Table.Tr key={t.id} c={t.revokedAt ? 'dimmed' : undefined}>
                <Table.Td>{t.name}</Table.Td>
                <Table.Td tt="capitalize">{t.role}</Table.Td>
                <Table.Td>
                  <Code>{t.prefix}…</Code>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(t.createdAt)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {t.lastUsedAt ? formatDateTime(t.lastUsedAt) : 'Never'}
                </Table.Td>
                <Table.Td>
                  {t.revokedAt ? (
                    <Tooltip label={`Revoked ${formatDateTime(t.revokedAt)}`}>
                      <Badge color="gray" variant="light">
                        Revoked
                      </Badge>
                    </Tooltip>
                  ) : (
                    <Badge color="teal" variant="light">
                      Active
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {!t.revokedAt && (
                    <RowAction
                      icon={IconKeyOff}
                      tooltip="Revoke"
                      label={`Revoke ${t.name}`}
                      color="red"
                      onClick={() => confirmRevoke(t)}
                    />
                  )}
                </Table.Td>
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
          <Title order={3}>API tokens</Title>
          <Text size="sm" c="dimmed">
            Tokens let scripts and agents use the API for this restaurant, with the role you give them.
          </Text>
          {list}
        </Stack>
      </Paper>
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
        <form
          onSubmit={form.onSubmit((values) => create.mutate(values))}
          noValidate
          aria-label="Create API token"
        >
          <Stack gap="sm">
            <Title order={4}>Create a token</Title>
            <Group align="flex-start" gap="sm" wrap="wrap">
              <TextInput
                label="Name"
                placeholder="e.g. Booking agent"
                required
                w={{ base: '100%', xs: 260 }}
                {...form.getInputProps('name')}
              />
              <Select
                label="Role"
                data={ROLE_OPTIONS}
                allowDeselect={false}
                w={{ base: '100%', xs: 160 }}
                {...form.getInputProps('role')}
              />
              <Button
                type="submit"
                mt={{ base: 0, xs: 25 }}
                loading={create.isPending}
                leftSection={<IconKey size={16} />}
              >
                Create token
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <TokenCreatedModal
        token={created?.token ?? null}
        name={created?.name ?? ''}
        onClose={() => setCreated(null)}
      />
    </Stack>
  );
}
