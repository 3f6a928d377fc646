import { Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconHourglassHigh } from '@tabler/icons-react';

/** A section that is planned but not built yet: says so plainly, shows no made-up data. */
export function ComingSoonPage({ title, description }: { title: string; description: string }) {
  return (
    <Stack gap="lg">
      <Title order={2}>{title}</Title>
      <Paper withBorder radius="md" p="xl">
        <Stack align="center" gap="sm" ta="center" py="lg">
          <ThemeIcon size={48} radius="xl" variant="light" aria-hidden>
            <IconHourglassHigh size={26} />
          </ThemeIcon>
          <Title order={3}>Coming soon</Title>
          <Text c="dimmed" maw={460}>
            {description}
          </Text>
        </Stack>
      </Paper>
    </Stack>
  );
}
