import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/app/App';
import { queryClient } from './state/query-client';
import { disposeTracesWithCache, primeBootTrace, sourcesQuery } from './state/trace-queries';
import { startBootLoad } from './state/boot-load';
import './ui/app/theme.css';

// The worker and the trace: boot.ts usually started them already, and they are taken over here
// (or started, when it could not). Then the sources query takes the list (a trace page needs
// it), worker-side traces are freed when the cache drops them, and the boot trace goes into the
// cache as soon as its rows are in.
startBootLoad(location.pathname);
void queryClient.prefetchQuery(sourcesQuery);
disposeTracesWithCache(queryClient);
primeBootTrace(queryClient);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
