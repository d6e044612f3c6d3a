import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/app/App';
import { queryClient } from './state/query-client';
import { disposeTracesWithCache, sourcesQuery } from './state/trace-queries';
import { startBootLoad } from './state/boot-load';
import './ui/app/theme.css';

// The worker and the trace: boot.ts usually started them already, and they are taken over here
// (or started, when it could not). Then the sources query takes the list (a trace page needs
// it), and worker-side traces are freed when the cache drops them.
startBootLoad(location.pathname);
void queryClient.prefetchQuery(sourcesQuery);
disposeTracesWithCache(queryClient);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
