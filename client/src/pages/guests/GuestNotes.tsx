import { Button, Group, Loader, Paper, Stack, TagsInput, Text, Textarea } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import type { TGuestDetails } from '@tobeout/shared';
import { useState } from 'react';
import { handleServerError, notifySuccess } from '../../lib/errors';
import { Section } from '../../lib/facts';
import { PausedWhenOffline, useOffline } from '../../live/offline';
import { useGuestUpdate } from './useGuestUpdate';

/**
 * Tags and notes, edited where they are shown: a tag is saved as soon as it is added or removed;
 * notes are saved with a button (or Ctrl/⌘+Enter) once changed.
 */
export function GuestNotes({ guest }: { guest: TGuestDetails }) {
  const update = useGuestUpdate(guest.id);
  const offline = useOffline() !== null;
  // null: not editing, so the notes follow the saved ones (also someone else's change).
  const [draft, setDraft] = useState<string | null>(null);
  const saved = guest.notes ?? '';
  const notes = draft ?? saved;
  const changed = draft !== null && draft.trim() !== saved;

  const saveTags = (tags: string[]) =>
    update.mutate({ id: guest.id, tags }, { onError: (error) => handleServerError(error) });
  const saveNotes = () => {
    if (!changed) return;
    // Tags go along: guests.update without them would clear them.
    update.mutate(
      { id: guest.id, notes: notes.trim() || null, tags: guest.tags },
      {
        onSuccess: () => {
          setDraft(null);
          notifySuccess(`Notes on ${guest.name} saved.`);
        },
        onError: (error) => handleServerError(error),
      },
    );
  };

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
      <Section
        title="Notes & tags"
        action={
          update.isPending ? (
            <Group gap={6}>
              <Loader size={14} />
              <Text size="xs" c="dimmed">
                Saving…
              </Text>
            </Group>
          ) : null
        }
      >
        <Stack gap="sm">
          <TagsInput
            label="Tags"
            placeholder="Add a tag, then Enter"
            description={
              offline
                ? 'Paused while offline: tags can be changed once the connection is back.'
                : 'Saved as you add or remove them. The tag VIP marks a VIP.'
            }
            disabled={offline}
            value={guest.tags}
            onChange={saveTags}
          />
          <Textarea
            label="Notes"
            placeholder="Allergies, preferences, anything the team should know"
            autosize
            minRows={4}
            maxRows={12}
            value={notes}
            onChange={(e) => setDraft(e.currentTarget.value)}
            onKeyDown={getHotkeyHandler([['mod+Enter', saveNotes]])}
          />
          {changed && (
            <Group justify="flex-end" gap="xs">
              <Button variant="default" size="xs" onClick={() => setDraft(null)} disabled={update.isPending}>
                Discard
              </Button>
              <PausedWhenOffline>
                {(paused) => (
                  <Button size="xs" onClick={saveNotes} loading={update.isPending} disabled={paused}>
                    Save notes
                  </Button>
                )}
              </PausedWhenOffline>
            </Group>
          )}
        </Stack>
      </Section>
    </Paper>
  );
}
