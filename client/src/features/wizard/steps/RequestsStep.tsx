import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { REQUESTS_MAX, type WizardValues } from '../model';

/** Frequent wishes, one click each. */
export const QUICK_REQUESTS = [
  'Birthday',
  'Anniversary',
  'Allergy: ',
  'High chair',
  'Wheelchair access',
  'Window seat',
  'Quiet table',
] as const;

/** Adds a quick request to the text (on its own line), unless it is there already. */
export function addRequest(text: string, request: string): string {
  const trimmed = text.trimEnd();
  if (trimmed.toLowerCase().includes(request.trim().toLowerCase())) return text;
  return trimmed ? `${trimmed}\n${request}` : request;
}

/** Step 5: special requests (optional). */
export function RequestsStep({ form }: { form: UseFormReturnType<WizardValues> }) {
  const text = form.values.specialRequests;
  return (
    <Stack gap="sm">
      <Textarea
        label="Special requests (optional)"
        description="Allergies, occasions, seating wishes: everyone on shift sees them."
        placeholder="e.g. Birthday, a cake at dessert"
        autosize
        minRows={3}
        maxRows={8}
        maxLength={REQUESTS_MAX}
        data-autofocus
        {...form.getInputProps('specialRequests')}
      />
      <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
        <Group gap={6} role="group" aria-label="Add a frequent request">
          {QUICK_REQUESTS.map((r) => (
            <Button
              key={r}
              size="compact-xs"
              variant="default"
              leftSection={<IconPlus size={12} />}
              onClick={() => form.setFieldValue('specialRequests', addRequest(text, r))}
            >
              {r.replace(/:\s*$/, '')}
            </Button>
          ))}
        </Group>
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} aria-live="polite">
          {text.length} / {REQUESTS_MAX}
        </Text>
      </Group>
    </Stack>
  );
}
