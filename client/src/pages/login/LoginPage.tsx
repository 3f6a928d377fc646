import { Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconToolsKitchen2 } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { isNotMeQuery } from '../../app/cache';
import { trpc } from '../../app/trpc';
import { LoginForm } from './LoginForm';

export function LoginPage() {
  const utils = trpc.useUtils();
  const queryClient = useQueryClient();
  const login = trpc.auth.login.useMutation({
    onSuccess: (me) => {
      queryClient.removeQueries({ predicate: isNotMeQuery });
      utils.auth.me.setData(undefined, me);
    },
  });

  return (
    <Center mih="100dvh" p="md">
      <Paper withBorder shadow="sm" radius="md" p={{ base: 'lg', sm: 'xl' }} w="100%" maw={400}>
        <Stack gap="lg">
          <Stack gap={4} align="center">
            <Group gap={8}>
              <IconToolsKitchen2 size={28} aria-hidden color="var(--mantine-primary-color-filled)" />
              <Text fz={26} fw={800}>
                ToBeOut
              </Text>
            </Group>
            <Title order={1} fz="lg" fw={500} c="dimmed">
              Sign in to your restaurant
            </Title>
          </Stack>
          <LoginForm onSubmit={(values) => login.mutateAsync(values)} />
        </Stack>
      </Paper>
    </Center>
  );
}
