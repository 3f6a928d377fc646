import { Avatar, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { isNotMeQuery } from '../app/cache';
import { useSession } from '../app/session';
import { trpc } from '../app/trpc';
import { handleServerError } from '../lib/errors';

function initials(name: string) {
  return (
    name
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((p) => p[0]?.toUpperCase())
      .join('') || '?'
  );
}

export function UserMenu() {
  const me = useSession();
  const utils = trpc.useUtils();
  const queryClient = useQueryClient();
  const logout = trpc.auth.logout.useMutation({
    onSuccess: () => {
      // Show the login page first (unmounting every screen), then forget the old session's data.
      utils.auth.me.setData(undefined, { user: null, via: null, memberships: [], activeRestaurant: null });
      queryClient.removeQueries({ predicate: isNotMeQuery });
    },
    onError: (error) => handleServerError(error),
  });
  return (
    <Menu position="bottom-end" width={240} withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label="Account menu">
          <Avatar radius="xl" size={34} color="indigo">
            {initials(me.user.name)}
          </Avatar>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)" truncate>
            {me.user.name}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {me.user.email}
          </Text>
          {me.activeRestaurant && (
            <Text size="xs" c="dimmed">
              {me.activeRestaurant.role} at {me.activeRestaurant.restaurantName}
            </Text>
          )}
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconLogout size={16} />}
          onClick={() => logout.mutate()}
          disabled={logout.isPending}
        >
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
