import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ApiError, onUnauthorized } from './api/client';
import './i18n';
import { router } from './router';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // 4xx answers will not change on retry; only flaky networks and 5xx deserve another go.
      retry: (count, err) => count < 2 && !(err instanceof ApiError && err.status >= 400 && err.status < 500),
      refetchOnWindowFocus: false,
      staleTime: 15_000,
    },
  },
});

// A lapsed or revoked session: drop everything cached and send the user to log in again.
onUnauthorized(() => {
  const here = window.location.pathname + window.location.search;
  if (window.location.pathname === '/login') return;
  queryClient.clear();
  void router.navigate('/login', { replace: true, state: { from: here } });
});

const container = document.getElementById('root');
if (!container) throw new Error('#root missing from index.html');

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
