import { ScrollArea, Stack, Tabs, Title } from '@mantine/core';
import { IconBuildingStore, IconClock, IconKey, IconUsersGroup } from '@tabler/icons-react';
import type { TRole } from '@tobeout/shared';
import { roleAtLeast } from '@tobeout/shared';
import { Suspense } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useRole } from '../../app/session';
import { PageSkeleton } from '../../lib/states';

/** Settings sections and the least role that may open each. */
export const SETTINGS_TABS: { path: string; label: string; icon: typeof IconClock; minRole: TRole }[] = [
  { path: 'restaurant', label: 'Restaurant', icon: IconBuildingStore, minRole: 'staff' },
  { path: 'hours', label: 'Opening hours', icon: IconClock, minRole: 'staff' },
  { path: 'members', label: 'Members', icon: IconUsersGroup, minRole: 'manager' },
  { path: 'tokens', label: 'API tokens', icon: IconKey, minRole: 'owner' },
];

export function SettingsLayout() {
  const role = useRole();
  const location = useLocation();
  const navigate = useNavigate();
  const tabs = SETTINGS_TABS.filter((t) => role && roleAtLeast(role, t.minRole));
  const current = location.pathname.split('/')[2] ?? '';
  const known = SETTINGS_TABS.some((t) => t.path === current);
  if (current && known && !tabs.some((t) => t.path === current))
    return <Navigate to="/settings/restaurant" replace />;

  return (
    <Stack gap="md">
      <Title order={2}>Settings</Title>
      <Tabs
        value={current || 'restaurant'}
        onChange={(v) => v && navigate(`/settings/${v}`)}
        keepMounted={false}
      >
        <ScrollArea type="never">
          <Tabs.List style={{ flexWrap: 'nowrap' }}>
            {tabs.map((t) => (
              <Tabs.Tab key={t.path} value={t.path} leftSection={<t.icon size={16} aria-hidden />}>
                {t.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </ScrollArea>
      </Tabs>
      <Suspense fallback={<PageSkeleton label="Loading settings" />}>
        <Outlet />
      </Suspense>
    </Stack>
  );
}
