import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { BrowserRouter } from 'react-router';
import { ErrorBoundary } from '../lib/ErrorBoundary';
import { type Api, ApiProvider } from './ApiProvider';
import { AppRoutes } from './AppRoutes';
import { colorSchemeManager, theme } from './theme';

export function App({ api }: { api?: Api }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto" colorSchemeManager={colorSchemeManager}>
      {/* Bottom right: never over the header's New booking, restaurant switcher and live state. */}
      <Notifications position="bottom-right" limit={4} />
      <ErrorBoundary level="app">
        <ApiProvider api={api}>
          <BrowserRouter>
            <ModalsProvider labels={{ confirm: 'Confirm', cancel: 'Cancel' }}>
              <AppRoutes />
            </ModalsProvider>
          </BrowserRouter>
        </ApiProvider>
      </ErrorBoundary>
    </MantineProvider>
  );
}
