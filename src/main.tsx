import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/app/App';
import { queryClient } from './state/query-client';
import { disposeTracesWithCache, sourcesQuery } from './state/trace-queries';
import { startBootLoad } from './state/boot-load';
import { prewarmTraceWorker } from './state/trace-worker-client';
import './ui/app/theme.css';

// boot.ts usually started these already; when this bundle ran first, it starts them here.
startBootLoad(location.pathname);
// Load the trace worker's code while the page renders, and free worker-side traces the cache drops.
// Ask for the source list at once: a trace page needs it.
void queryClient.prefetchQuery(sourcesQuery);
prewarmTraceWorker();
disposeTracesWithCache(queryClient);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
