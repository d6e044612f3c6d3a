import { lazy, Suspense, type ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Route, Routes } from 'react-router';
import { queryClient } from '../../state/query-client';
import { selectIsLoginRequired, useAuthStore } from '../../state/auth';
import { LoginPage } from './LoginPage';
import { FileDropOverlay } from '../files/FileDropOverlay';
import { FileTraceSwitcher } from '../files/FileTraceSwitcher';
import { AppShell } from './AppShell';
import { TracePage } from './TracePage';

// The trace page is in the first bundle; every other page loads when first visited.
const HomePage = lazy(() => import('./HomePage').then((m) => ({ default: m.HomePage })));
const SearchPage = lazy(() =>
  import('../trace-search/SearchPage').then((m) => ({ default: m.SearchPage })),
);
const OpenedFilePage = lazy(() =>
  import('../files/OpenedFilePage').then((m) => ({ default: m.OpenedFilePage })),
);
const NotFoundPage = lazy(() =>
  import('./NotFoundPage').then((m) => ({ default: m.NotFoundPage })),
);

const page = (element: ReactNode) => <Suspense fallback={null}>{element}</Suspense>;

export function App() {
  // Set by the fetch layer when the server answers 401 with TRACEFALL_AUTH_TOKEN configured.
  const isLoginRequired = useAuthStore(selectIsLoginRequired);
  if (isLoginRequired) {
    return <LoginPage onLoggedIn={() => void queryClient.resetQueries()} />;
  }
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <Routes>
          <Route element={<AppShell />}>
            <Route index element={page(<HomePage />)} />
            <Route path="search/:sourceId" element={page(<SearchPage />)} />
            <Route path="file" element={page(<OpenedFilePage />)} />
            {/* On /trace/file/…, a strip to switch between the traces of the opened file. */}
            <Route element={<FileTraceSwitcher />}>
              <Route path="trace/:sourceId/:traceId" element={<TracePage />} />
            </Route>
            <Route path="*" element={page(<NotFoundPage />)} />
          </Route>
        </Routes>
        {/* Drop a trace file anywhere on the app. */}
        <FileDropOverlay />
      </BrowserRouter>
    </QueryClientProvider>
  );
}
