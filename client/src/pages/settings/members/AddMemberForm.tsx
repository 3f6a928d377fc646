import { Button, Group, PasswordInput, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconUserPlus } from '@tabler/icons-react';
import { type TRole, ZMemberAddInput } from '@tobeout/shared';
import type { z } from 'zod';
import { handleServerError } from '../../../lib/errors';
import { validateWith } from '../../../lib/validate';

export type MemberAddInput = z.input<typeof ZMemberAddInput>;
type Values = { email: string; name: string; role: TRole; password: string };

export const ROLE_OPTIONS: { value: TRole; label: string }[] = [
  { value: 'owner', label: 'Owner' },
  { value: 'manager', label: 'Manager' },
  { value: 'staff', label: 'Staff' },
];

const toInput = (v: Values): MemberAddInput => ({ ...v, password: v.password ? v.password : undefined });

/** Adds a member: an existing account joins by e-mail; a new one needs a first password. */
export function AddMemberForm({ onAdd }: { onAdd: (input: MemberAddInput) => Promise<unknown> }) {
  const form = useForm<Values>({
    initialValues: { email: '', name: '', role: 'staff', password: '' },
    validate: validateWith(ZMemberAddInput, toInput),
  });
  const submit = form.onSubmit(async (values) => {
    try {
      await onAdd(toInput(values));
      form.reset();
    } catch (error) {
      handleServerError(error, form);
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label="Add member">
      <Stack gap="sm">
        <Title order={4}>Add a member</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Email"
            type="email"
            required
            autoComplete="off"
            {...form.getInputProps('email')}
          />
          <TextInput label="Name" required autoComplete="off" {...form.getInputProps('name')} />
          <Select label="Role" data={ROLE_OPTIONS} allowDeselect={false} {...form.getInputProps('role')} />
          <PasswordInput
            label="First password"
            description="For a new account (at least 10 characters). Leave empty if they already have one."
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={form.submitting} leftSection={<IconUserPlus size={16} />}>
            Add member
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
