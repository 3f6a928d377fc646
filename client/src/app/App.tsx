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
      <Notifications position="top-right" limit={4} />
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
