import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { BrowserRouter } from 'react-router';
import { ErrorBoundary } from '../lib/ErrorBoundary';
import { ApiProvider } from './ApiProvider';
import { AppRoutes } from './AppRoutes';
import { colorSchemeManager, theme } from './theme';

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto" colorSchemeManager={colorSchemeManager}>
      <Notifications position="top-right" limit={4} />
      <ErrorBoundary level="app">
        <ApiProvider>
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
