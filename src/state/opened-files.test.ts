import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readFixtureText } from '../../test/fixtures';
import { TraceLoadError } from '../sources/source';
import { findFileTrace, openTraceFile, useOpenedFiles } from './opened-files';
import { createSource } from './source-adapters';
import { traceQuery } from './trace-queries';
import { queryClient } from './query-client';

const SKEW = readFixtureText('zipkin/zipkin-v2_skew.json');

/** sessionStorage for the node test environment. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}
vi.stubGlobal('sessionStorage', memoryStorage());

describe('opened files', () => {
  beforeEach(() => {
    sessionStorage.clear();
    useOpenedFiles.setState({ file: null, error: null });
  });

  it('opens a file, keeps it in sessionStorage, and serves its traces as source `file`', async () => {
    const file = await useOpenedFiles.getState().openText(SKEW, 'skew.json');
    expect(file?.formatLabel).toBe('Zipkin v2 JSON');
    expect(sessionStorage.getItem('tracefall.opened-file.v1')).toContain('skew.json');
    const source = createSource({ id: 'file', name: 'Opened file', kind: 'file' });
    const parsed = await source.fetchTrace('1E223FF1F80F1C69');
    expect(parsed.trace.spans).toHaveLength(4);
    // The trace page's query works without the server's source list.
    const options = traceQuery(undefined, 'file', '1e223ff1f80f1c69');
    expect(options.enabled).toBe(true);
    expect((await queryClient.fetchQuery(options)).base.tree.trace.traceId).toBe(
      '1e223ff1f80f1c69',
    );
  });

  it('finds traces by any spelling of the id: case, leading zeros, base64', async () => {
    const file = await useOpenedFiles
      .getState()
      .openText(readFixtureText('jaeger-v3/snapshot_GetTrace.json'), 'v3.json');
    for (const id of ['1', '00000000000000000000000000000001', 'AAAAAAAAAAAAAAAAAAAAAQ==']) {
      expect(findFileTrace(file, id)?.trace.traceId).toBe('00000000000000000000000000000001');
    }
  });

  it('keeps the previous file and reports a malformed one with its position', async () => {
    await useOpenedFiles.getState().openText(SKEW, 'skew.json');
    const result = await openTraceFile(new File(['{"resourceSpans": [}'], 'bad.json'));
    expect(result).toBeNull();
    const { file, error } = useOpenedFiles.getState();
    expect(file?.name).toBe('skew.json');
    expect(error).toMatchObject({ fileName: 'bad.json', line: 1, column: 20 });
  });

  it('says "not found" for an id the file lacks, and when no file is open', async () => {
    const source = createSource({ id: 'file', name: 'Opened file', kind: 'file' });
    const none = await source.fetchTrace('abc').catch((e: unknown) => e);
    expect(none).toBeInstanceOf(TraceLoadError);
    expect((none as TraceLoadError).reason).toBe('not-found');
  });
});
