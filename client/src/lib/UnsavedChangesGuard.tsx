import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';

type Props = {
  /** True while there is something that would be lost. */
  when: boolean;
  /** What would be lost, e.g. "3 unsaved moves on the floor plan." */
  message: string;
};

/** A plain left click on a same-origin link to another page of the app: its path, else null. */
function leavingLink(event: MouseEvent): { anchor: HTMLAnchorElement; to: string } | null {
  if (event.defaultPrevented || event.button !== 0) return null;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (!(anchor instanceof HTMLAnchorElement) || anchor.hasAttribute('download')) return null;
  if (anchor.target && anchor.target !== '_self') return null;
  const url = new URL(anchor.href, window.location.href);
  if (url.origin !== window.location.origin || url.pathname === window.location.pathname) return null;
  return { anchor, to: `${url.pathname}${url.search}${url.hash}` };
}

/**
 * Warns before unsaved work is lost: the browser's own prompt on reload, close and other sites
 * (beforeunload), and a modal when a link leads to another page of the app. The app runs in a
 * declarative <BrowserRouter> (react-router's useBlocker needs a data router, which would add
 * ~17 kB gzip to the first download), so links are caught in the capture phase, before the
 * router sees them; "Leave" then follows the link as if nothing had happened.
 */
export function UnsavedChangesGuard({ when, message }: Props) {
  const navigate = useNavigate();
  const [blocked, setBlocked] = useState<{ anchor: HTMLAnchorElement; to: string } | null>(null);
  const letThrough = useRef(false);

  useEffect(() => {
    if (!when) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    const onClick = (event: MouseEvent) => {
      if (letThrough.current) {
        letThrough.current = false;
        return;
      }
      const link = leavingLink(event);
      if (!link) return;
      event.preventDefault();
      event.stopPropagation();
      setBlocked(link);
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [when]);

  const stay = () => setBlocked(null);
  const leave = () => {
    const link = blocked;
    setBlocked(null);
    if (!link) return;
    if (link.anchor.isConnected) {
      // Replay the click so the link's own handlers run (e.g. the phone menu closes).
      letThrough.current = true;
      link.anchor.click();
    } else navigate(link.to);
  };

  return (
    <Modal opened={blocked !== null} onClose={stay} title="Leave without saving?">
      <Stack gap="md">
        <Text size="sm">{message} If you leave this page now, they are lost.</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={stay} data-autofocus>
            Stay on this page
          </Button>
          <Button color="red" onClick={leave}>
            Leave without saving
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
