import { AppShell, Box, Burger, Button, Group, NavLink, Stack, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconLifebuoy, IconLogout } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { Link as RouterLink, NavLink as RouterNavLink, Outlet, useLocation } from 'react-router';
import { roleLabel } from '../../components/format';
import { OfflineStatusBar } from '../../components/offline-status';
import { useCurrentUser, useSignOut } from '../session';
import { InboxBadge } from '../../features/inbox/inbox-badge';
import { navItemsFor } from './nav-items';
import { Brand } from './brand';

/** The signed-in shell: header with clinic and user, navigation per role, main content. */
export function AppLayout() {
  const user = useCurrentUser();
  const signOut = useSignOut();
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  const items = navItemsFor(user.role);
  // On phones the closed menu slides off-screen; inert keeps it out of the tab order too.
  // Read at once (issue 17, "Fast"): by default it is read in an effect, and its answer rendered all this again.
  const isPhone = useMediaQuery('(max-width: 47.99em)', undefined, { getInitialValueInEffect: false });

  // After a client-side navigation, move focus to the new page so screen readers announce it.
  const firstRender = useRef(true);
  useEffect(() => {
    close();
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    document.getElementById('main')?.focus();
  }, [location.pathname, close]);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0, flex: 1 }}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? 'Close menu' : 'Open menu'}
              aria-expanded={opened}
              aria-controls="main-navigation"
            />
            <Brand clinicName={user.clinicName} />
          </Group>
          {user.role === 'patient' && (
            <Button
              component={RouterLink}
              to="/home/safety-plan"
              color="red.8"
              size="xs"
              leftSection={<IconLifebuoy size={16} aria-hidden />}
              style={{ flexShrink: 0 }}
            >
              Safety plan
            </Button>
          )}
          <Group gap="md" wrap="nowrap" visibleFrom="sm">
            <Box ta="right">
              <Text size="sm" fw={600} lh={1.2}>
                {user.name}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2}>
                {roleLabel(user.role)}
              </Text>
            </Box>
            <Button
              variant="default"
              size="xs"
              leftSection={<IconLogout size={16} aria-hidden />}
              onClick={() => signOut.mutate()}
              loading={signOut.isPending}
            >
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" id="main-navigation" aria-label="Main" inert={isPhone && !opened}>
        <Stack gap={4} style={{ flex: 1 }}>
          {items.map((item) => (
            <NavLink
              key={item.to}
              component={RouterNavLink}
              to={item.to}
              end={item.end}
              label={item.label}
              leftSection={<item.icon size={18} aria-hidden />}
              rightSection={item.badge === 'inbox' ? <InboxBadge /> : undefined}
              active={
                item.end
                  ? location.pathname === item.to
                  : location.pathname === item.to || location.pathname.startsWith(`${item.to}/`)
              }
            />
          ))}
        </Stack>
        <Stack
          gap="xs"
          hiddenFrom="sm"
          pt="md"
          style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
        >
          <Text size="sm" fw={600}>
            {user.name} · {roleLabel(user.role)}
          </Text>
          <Button
            variant="default"
            leftSection={<IconLogout size={16} aria-hidden />}
            onClick={() => signOut.mutate()}
            loading={signOut.isPending}
          >
            Sign out
          </Button>
        </Stack>
      </AppShell.Navbar>

      <AppShell.Main id="main" tabIndex={-1}>
        <Box maw={user.role === 'patient' ? 720 : 1200} mx="auto">
          {user.role === 'patient' && <OfflineStatusBar userId={user.id} patientId={user.patientId} />}
          <Outlet />
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
