import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { openTraceFile, useOpenedFiles, type OpenedFile } from '../../state/opened-files';

/** Where an opened file goes: its only trace, or the list of its traces. */
export function openedFilePath(file: OpenedFile): string {
  const [only] = file.traces;
  return file.traces.length === 1 && only
    ? `/trace/file/${encodeURIComponent(only.trace.traceId)}`
    : '/file';
}

/** Opens a picked, dropped or pasted trace file and shows it; failures land in the store. */
export function useOpenTraceFile() {
  const navigate = useNavigate();
  const openText = useOpenedFiles((state) => state.openText);

  const openFile = useCallback(
    async (file: File) => {
      const opened = await openTraceFile(file);
      if (opened) void navigate(openedFilePath(opened));
    },
    [navigate],
  );

  const openPasted = useCallback(
    async (text: string) => {
      const opened = await openText(text, 'pasted JSON');
      if (opened) void navigate(openedFilePath(opened));
      return opened !== null;
    },
    [navigate, openText],
  );

  return { openFile, openPasted };
}
