import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Route, Routes } from 'react-router';
import { queryClient } from '../../state/query-client';
import { FileDropOverlay } from '../files/FileDropOverlay';
import { FileTraceSwitcher } from '../files/FileTraceSwitcher';
import { OpenedFilePage } from '../files/OpenedFilePage';
import { SearchPage } from '../trace-search/SearchPage';
import { AppShell } from './AppShell';
import { HomePage } from './HomePage';
import { NotFoundPage } from './NotFoundPage';
import { TracePage } from './TracePage';

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <Routes>
          <Route element={<AppShell />}>
            <Route index element={<HomePage />} />
            <Route path="search/:sourceId" element={<SearchPage />} />
            <Route path="file" element={<OpenedFilePage />} />
            {/* On /trace/file/…, a strip to switch between the traces of the opened file. */}
            <Route element={<FileTraceSwitcher />}>
              <Route path="trace/:sourceId/:traceId" element={<TracePage />} />
            </Route>
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
        {/* Drop a trace file anywhere on the app. */}
        <FileDropOverlay />
      </BrowserRouter>
    </QueryClientProvider>
  );
}
