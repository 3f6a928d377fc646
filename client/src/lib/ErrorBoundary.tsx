import { Button, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconMoodSad, IconRefresh } from '@tabler/icons-react';
import { Component, type ErrorInfo, type ReactNode } from 'react';

type Props = {
  children: ReactNode;
  /** 'app' fills the screen; 'route' sits inside the shell so navigation keeps working. */
  level?: 'app' | 'route';
  /** Reload the page (a prop so tests can pass a spy). */
  onReload?: () => void;
};
type State = { error: Error | null };

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.warn('ToBeOut: a screen crashed', error, info.componentStack);
  }

  reset = () => this.setState({ error: null });

  override render() {
    if (!this.state.error) return this.props.children;
    const reload = this.props.onReload ?? (() => window.location.reload());
    const fallback = (
      <Paper withBorder p="xl" radius="md" maw={480} role="alert">
        <Stack align="center" gap="sm" ta="center">
          <IconMoodSad size={40} stroke={1.5} aria-hidden />
          <Title order={3}>Something went wrong</Title>
          <Text c="dimmed" size="sm">
            This screen ran into a problem. Your saved data is safe. Reload the page to continue; if it
            happens again, tell us what you were doing.
          </Text>
          <Group justify="center">
            {this.props.level === 'route' && (
              <Button variant="default" onClick={this.reset}>
                Try again
              </Button>
            )}
            <Button leftSection={<IconRefresh size={16} />} onClick={reload}>
              Reload
            </Button>
          </Group>
        </Stack>
      </Paper>
    );
    return this.props.level === 'route' ? (
      <Center py="xl">{fallback}</Center>
    ) : (
      <Center h="100dvh" p="md">
        {fallback}
      </Center>
    );
  }
}
