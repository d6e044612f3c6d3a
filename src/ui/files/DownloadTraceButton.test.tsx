// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tableFromTrace } from '../../model/span-table';
import { asEpochMicros, asNanos, type Trace } from '../../model/trace';
import { usePrivacy } from '../../state/privacy';
import { DownloadTraceButton } from './DownloadTraceButton';

interface Saved {
  readonly fileName: string;
  readonly text: Promise<string>;
}

let saved: Saved[];

beforeEach(() => {
  saved = [];
  const blobs = new Map<string, Blob>();
  vi.stubGlobal(
    'URL',
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => {
        const url = `blob:trace-${blobs.size}`;
        blobs.set(url, blob);
        return url;
      },
      revokeObjectURL: () => undefined,
    }),
  );
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    const blob = blobs.get(this.getAttribute('href') ?? '') as Blob;
    saved.push({ fileName: this.download, text: blob.text() });
  });
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  act(() => usePrivacy.setState({ maskOnExport: true }));
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
      attributes: [
        { key: 'user.email', value: { type: 'string', value: 'jane@example.com' } },
        { key: 'http.request.header.authorization', value: { type: 'string', value: 'k' } },
      ],
      events: [],
      references: [],
      warnings: [],
    },
  ],
};

type Doc = {
  resourceSpans: {
    scopeSpans: {
      spans: {
        spanId: string;
        startTimeUnixNano: string;
        attributes: { key: string; value: { stringValue: string } }[];
      }[];
    }[];
  }[];
};

async function savedSpan(index: number) {
  const doc = JSON.parse(await (saved[index] as Saved).text) as Doc;
  return doc.resourceSpans[0]?.scopeSpans[0]?.spans[0];
}

describe('DownloadTraceButton', () => {
  it('saves the trace as OTLP/JSON named after it, masked by default and saying so', async () => {
    render(<DownloadTraceButton trace={tableFromTrace(TRACE)} />);
    expect(screen.getByTestId('download-masked-note').textContent).toContain('masked');
    fireEvent.click(screen.getByRole('button', { name: /Download OTLP\/JSON/ }));
    expect(saved.map((s) => s.fileName)).toEqual(['trace-1e223ff1f80f1c69.masked.otlp.json']);
    const span = await savedSpan(0);
    expect(span).toMatchObject({
      spanId: '74280ae0c10d8062',
      startTimeUnixNano: '1470150004008761000',
    });
    expect(span?.attributes.map((a) => a.value.stringValue)).toEqual(['[email]', '[masked]']);
  });

  it('offers the unmasked file beside it', async () => {
    render(<DownloadTraceButton trace={tableFromTrace(TRACE)} />);
    fireEvent.click(screen.getByRole('button', { name: 'unmasked' }));
    expect(saved.map((s) => s.fileName)).toEqual(['trace-1e223ff1f80f1c69.otlp.json']);
    expect((await savedSpan(0))?.attributes[0]?.value.stringValue).toBe('jane@example.com');
  });

  it('saves as sent, without the note, when masking downloads is turned off', async () => {
    act(() => usePrivacy.setState({ maskOnExport: false }));
    render(<DownloadTraceButton trace={tableFromTrace(TRACE)} />);
    expect(screen.queryByTestId('download-masked-note')).toBeNull();
    expect(screen.queryByRole('button', { name: 'unmasked' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /Download OTLP\/JSON/ }));
    expect(saved.map((s) => s.fileName)).toEqual(['trace-1e223ff1f80f1c69.otlp.json']);
    expect((await savedSpan(0))?.attributes[0]?.value.stringValue).toBe('jane@example.com');
  });
});
