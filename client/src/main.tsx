import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApi } from './app/ApiProvider';
import { App } from './app/App';
import { prefetchRoute } from './app/route-data';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const api = createApi();
void prefetchRoute(api, window.location);
createRoot(root).render(
  <StrictMode>
    <App api={api} />
  </StrictMode>,
);
