import { AppShell, Burger, Group, NavLink, ScrollArea, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconToolsKitchen2 } from '@tabler/icons-react';
import { Suspense } from 'react';
import { Outlet, NavLink as RouterNavLink, useLocation } from 'react-router';
import { useSession } from '../app/session';
import { BookingUiProvider } from '../features/booking-ui/BookingUiProvider';
import { ErrorBoundary } from '../lib/ErrorBoundary';
import { EmptyHint, PageSkeleton } from '../lib/states';
import { LiveStatus } from '../live/LiveProvider';
import { OfflineBanner } from '../live/offline';
import { ColorSchemeToggle } from './ColorSchemeToggle';
import { NewBookingButton } from './NewBookingButton';
import { navItemsFor } from './nav';
import { RestaurantSwitcher } from './RestaurantSwitcher';
import { UserMenu } from './UserMenu';

/** Header, navbar and the current page. */
export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure(false);
  const me = useSession();
  const location = useLocation();
  const restaurantKey = me.activeRestaurant?.restaurantId ?? 'none';

  // The wizard and drawer belong to one restaurant: switching restaurants starts them afresh.
  return (
    <BookingUiProvider key={restaurantKey}>
      <AppShell
        header={{ height: 56 }}
        navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding={{ base: 'sm', sm: 'md' }}
      >
        <AppShell.Header>
          <Group h="100%" px={{ base: 'xs', sm: 'md' }} justify="space-between" wrap="nowrap" gap="xs">
            <Group gap="xs" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={opened ? 'Close navigation' : 'Open navigation'}
              />
              <Group gap={6} wrap="nowrap">
                <IconToolsKitchen2 size={22} aria-hidden color="var(--mantine-primary-color-filled)" />
                <Title order={1} fz={{ base: 'lg', sm: 'xl' }} fw={800} style={{ whiteSpace: 'nowrap' }}>
                  ToBeOut
                </Title>
              </Group>
            </Group>
            <Group gap="sm" wrap="nowrap">
              {me.activeRestaurant && <NewBookingButton />}
              <Group visibleFrom="sm">
                <RestaurantSwitcher />
              </Group>
              <LiveStatus />
              <ColorSchemeToggle />
              <UserMenu />
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar p="xs" aria-label="Main">
          <AppShell.Section hiddenFrom="sm" pb="xs">
            <RestaurantSwitcher fullWidth />
          </AppShell.Section>
          <AppShell.Section grow component={ScrollArea}>
            <nav aria-label="Main navigation">
              {navItemsFor(me.activeRestaurant?.role ?? null).map((item) => (
                <NavLink
                  key={item.to}
                  component={RouterNavLink}
                  to={item.to}
                  end={item.end}
                  label={item.label}
                  leftSection={<item.icon size={18} stroke={1.6} aria-hidden />}
                  active={item.end ? location.pathname === item.to : location.pathname.startsWith(item.to)}
                  onClick={close}
                />
              ))}
            </nav>
          </AppShell.Section>
          {me.activeRestaurant && (
            <AppShell.Section pt="xs">
              <Text size="xs" c="dimmed" px="sm">
                {me.activeRestaurant.restaurantName} · {me.activeRestaurant.role}
              </Text>
            </AppShell.Section>
          )}
        </AppShell.Navbar>

        <AppShell.Main>
          <OfflineBanner />
          {me.activeRestaurant ? (
            <ErrorBoundary level="route" key={`${restaurantKey}:${location.pathname}`}>
              <Suspense fallback={<PageSkeleton label="Loading page" />}>
                <Outlet />
              </Suspense>
            </ErrorBoundary>
          ) : (
            <EmptyHint title="No restaurant yet">
              Your account is not a member of any restaurant. Ask an owner to add you, then sign in again.
            </EmptyHint>
          )}
        </AppShell.Main>
      </AppShell>
    </BookingUiProvider>
  );
}
