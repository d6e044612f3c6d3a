/**
 * The last opened trace file (dropped, picked or pasted): its traces, kept in memory, and its
 * text in sessionStorage when small, so a reload of `/trace/file/:traceId` still works in the
 * same tab. Parsing happens here, in the browser; nothing is uploaded. The parsers (every
 * format) load with the first file: the trace page's first bundle does not carry them.
 */
import { create } from 'zustand';
import { traceIdKey, type ParsedTrace } from '../model/trace';
import { decodeOtlpId } from '../sources/otlp/otlp-ids';
import { TraceLoadError, type TraceSource } from '../sources/source';
import { queryClient } from './query-client';
import { FILE_SOURCE } from './source-registry';

/** Files above this size are refused before reading (the whole text must fit in memory). */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;
/** Texts up to this many characters are kept in sessionStorage (its quota is ~5 MB). */
const MAX_STORED_CHARS = 2_000_000;
const STORAGE_KEY = 'tracefall.opened-file.v1';

export interface OpenedFile {
  readonly name: string;
  readonly formatLabel: string;
  readonly traces: readonly ParsedTrace[];
}

export interface FileOpenError {
  readonly fileName: string;
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

interface OpenedFilesState {
  file: OpenedFile | null;
  error: FileOpenError | null;
  /** Parses a file's text; on failure keeps the previous file and sets `error`. */
  openText: (text: string, name: string) => Promise<OpenedFile | null>;
  dismissError: () => void;
}

const loadParser = () => import('../sources/file/parse-trace-file');

async function parse(text: string, name: string): Promise<OpenedFile> {
  const { parseTraceFile } = await loadParser();
  const { formatLabel, traces } = parseTraceFile(text);
  return { name, formatLabel, traces };
}

/** The file kept in sessionStorage by an earlier page of this tab, parsed again. */
async function readStored(): Promise<OpenedFile | null> {
  try {
    const raw = globalThis.sessionStorage?.getItem(STORAGE_KEY);
    if (!raw) return null;
    const { name, text } = JSON.parse(raw) as { name: string; text: string };
    return await parse(text, name);
  } catch {
    return null;
  }
}

function store(text: string, name: string): void {
  try {
    const storage = globalThis.sessionStorage;
    if (!storage) return;
    if (text.length > MAX_STORED_CHARS) storage.removeItem(STORAGE_KEY);
    else storage.setItem(STORAGE_KEY, JSON.stringify({ name, text }));
  } catch {
    // Quota or privacy mode: the file stays in memory only.
  }
}

/** `traceKeys.detail('file', *)`; trace-queries imports this module, so not its factory. */
const FILE_TRACE_KEYS = ['traces', 'detail', FILE_SOURCE.id] as const;

export const useOpenedFiles = create<OpenedFilesState>()((set) => ({
  file: null,
  error: null,
  openText: async (text, name) => {
    try {
      const file = await parse(text, name);
      store(text, name);
      set({ file, error: null });
      void queryClient.resetQueries({ queryKey: FILE_TRACE_KEYS });
      return file;
    } catch (error) {
      if (!(error instanceof (await loadParser()).TraceFileError)) throw error;
      const where = error.line === undefined ? {} : { line: error.line, column: error.column };
      set({ error: { fileName: name, message: error.message, ...where } });
      return null;
    }
  },
  dismissError: () => set({ error: null }),
}));

let restoring: Promise<void> | undefined;

/**
 * The stored file comes back once asked for (opening a file trace), or in the first idle moment:
 * the first read of session storage costs the page's start-up several milliseconds, and the
 * parsers load only when there is a file.
 */
function restoreStored(): Promise<void> {
  restoring ??= readStored().then((file) => {
    if (file && !useOpenedFiles.getState().file) useOpenedFiles.setState({ file });
  });
  return restoring;
}

if (typeof requestIdleCallback === 'function') {
  requestIdleCallback(() => void restoreStored(), { timeout: 1_000 });
} else {
  setTimeout(() => void restoreStored(), 0);
}

/** Reads a picked or dropped file and opens it. */
export async function openTraceFile(file: Blob & { readonly name: string }) {
  const { openText } = useOpenedFiles.getState();
  if (file.size > MAX_FILE_BYTES) {
    const mb = Math.round(file.size / 1024 / 1024);
    useOpenedFiles.setState({
      error: { fileName: file.name, message: `The file is too large to open here (${mb} MB).` },
    });
    return null;
  }
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    const message = `The file could not be read: ${error instanceof Error ? error.message : String(error)}`;
    useOpenedFiles.setState({ error: { fileName: file.name, message } });
    return null;
  }
  return openText(text, file.name);
}

/** The trace of the opened file with this id (any case, leading zeros optional, hex or base64). */
export function findFileTrace(file: OpenedFile | null, traceId: string): ParsedTrace | undefined {
  if (!file) return undefined;
  const key = traceIdKey(decodeOtlpId(traceId) ?? traceId);
  return file.traces.find((t) => traceIdKey(t.trace.traceId) === key);
}

/** The opened file as a trace source (`/trace/file/:traceId`). */
export const fileTraceSource: TraceSource = {
  id: FILE_SOURCE.id,
  kind: 'file',
  fetchTrace: async (traceId) => {
    await restoreStored();
    const { file } = useOpenedFiles.getState();
    const found = findFileTrace(file, traceId);
    if (found) return found;
    const why = file
      ? `The opened file "${file.name}" holds no trace ${traceId}.`
      : 'No trace file is open in this tab. Open the file again.';
    throw new TraceLoadError('not-found', why);
  },
};
