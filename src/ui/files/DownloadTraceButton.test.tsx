// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { asEpochMicros, asNanos, type Trace } from '../../model/trace';
import { DownloadTraceButton } from './DownloadTraceButton';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const TRACE: Trace = {
  traceId: '1e223ff1f80f1c69',
  startEpochUs: asEpochMicros(1_470_150_004_008_761),
  resources: [{ serviceName: 'servicea', attributes: [] }],
  warnings: [],
  spans: [
    {
      spanId: '74280ae0c10d8062',
      sourceSpanId: '74280ae0c10d8062',
      traceId: '1e223ff1f80f1c69',
      name: 'post',
      kind: 'client',
      status: { code: 'unset' },
      startNs: asNanos(0),
      durationNs: asNanos(94_539_000),
      resourceIndex: 0,
      attributes: [],
      events: [],
      references: [],
      warnings: [],
    },
  ],
};

describe('DownloadTraceButton', () => {
  it('saves the trace as an OTLP/JSON file named after it', async () => {
    const blobs: Blob[] = [];
    vi.stubGlobal(
      'URL',
      Object.assign(URL, {
        createObjectURL: (blob: Blob) => {
          blobs.push(blob);
          return 'blob:trace';
        },
        revokeObjectURL: () => undefined,
      }),
    );
    const clicks: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicks.push(this);
    });
    render(<DownloadTraceButton trace={TRACE} />);
    fireEvent.click(screen.getByRole('button', { name: /Download OTLP\/JSON/ }));
    expect(clicks.map((a) => [a.download, a.getAttribute('href')])).toEqual([
      ['trace-1e223ff1f80f1c69.otlp.json', 'blob:trace'],
    ]);
    const doc = JSON.parse(await (blobs[0] as Blob).text()) as {
      resourceSpans: { scopeSpans: { spans: { spanId: string; startTimeUnixNano: string }[] }[] }[];
    };
    expect(doc.resourceSpans[0]?.scopeSpans[0]?.spans[0]).toMatchObject({
      spanId: '74280ae0c10d8062',
      startTimeUnixNano: '1470150004008761000',
    });
  });
});
