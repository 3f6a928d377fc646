import { ActionIcon, Button, Group, Kbd, Text, Tooltip } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useBookingUi } from '../features/booking-ui/BookingUiProvider';

const isMac =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

function ShortcutHint() {
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="xs">New booking</Text>
      <Kbd size="xs">N</Kbd>
      <Text size="xs">or</Text>
      <Kbd size="xs">{isMac ? '⌘' : 'Ctrl'}</Kbd>
      <Kbd size="xs">B</Kbd>
    </Group>
  );
}

/**
 * Opens the booking wizard from any page: a button in the header (an icon on phones) and the
 * shortcuts N (when not typing) and Ctrl/⌘+B (anywhere).
 */
export function NewBookingButton() {
  const { openWizard } = useBookingUi();
  const open = () => openWizard();
  useHotkeys([['n', open]]);
  // A modifier shortcut works while typing too (in a search field, say).
  useHotkeys([['mod+B', open]], []);
  const shortcut = `N, ${isMac ? 'Meta' : 'Control'}+B`;
  return (
    <>
      <Tooltip label={<ShortcutHint />} openDelay={300}>
        <Button
          visibleFrom="sm"
          size="sm"
          leftSection={<IconCalendarPlus size={18} />}
          onClick={open}
          aria-keyshortcuts={shortcut}
        >
          New booking
        </Button>
      </Tooltip>
      <ActionIcon
        hiddenFrom="sm"
        size="lg"
        variant="filled"
        aria-label="New booking"
        onClick={open}
        aria-keyshortcuts={shortcut}
      >
        <IconCalendarPlus size={18} />
      </ActionIcon>
    </>
  );
}
