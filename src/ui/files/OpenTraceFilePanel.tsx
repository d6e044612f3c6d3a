import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useOpenTraceFile } from './use-open-trace-file';
import './files.css';

/** A paste into a text field (the paste box included) is that field's own business. */
function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * The home page's way in for files: a drop zone that also opens the file picker, a paste box,
 * and Ctrl+V anywhere on the page (outside other text fields).
 */
export function OpenTraceFilePanel() {
  const { openFile, openPasted } = useOpenTraceFile();
  const inputRef = useRef<HTMLInputElement>(null);
  const [pasted, setPasted] = useState('');

  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      if (isTextField(event.target)) return;
      const text = event.clipboardData?.getData('text/plain') ?? '';
      if (text.trim() === '') return;
      event.preventDefault();
      void openPasted(text);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [openPasted]);

  const onPick = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Reset so that picking the same file again still fires `change`.
    event.target.value = '';
    if (file) void openFile(file);
  };

  return (
    <section className="home-card open-file" aria-labelledby="open-file-title">
      <h2 id="open-file-title">Open a trace file</h2>
      <button type="button" className="file-drop-zone" onClick={() => inputRef.current?.click()}>
        <strong>Drop a file anywhere, or click to choose one</strong>
        <span>
          OTLP/JSON (also the collector file exporter&apos;s JSON Lines), Jaeger, Tempo or Zipkin
          JSON. The file is read in your browser; nothing is uploaded.
        </span>
      </button>
      <input
        ref={inputRef}
        type="file"
        accept=".json,.jsonl,.ndjson,.txt,application/json"
        className="file-input-hidden"
        data-testid="open-file-input"
        aria-label="Choose a trace file"
        onChange={onPick}
      />
      <form
        className="file-paste"
        onSubmit={(event) => {
          event.preventDefault();
          void openPasted(pasted).then((isOpened) => isOpened && setPasted(''));
        }}
      >
        <textarea
          value={pasted}
          onChange={(event) => setPasted(event.target.value)}
          placeholder="…or paste trace JSON here (Ctrl+V anywhere on this page opens it directly)"
          aria-label="Trace JSON"
          spellCheck={false}
          rows={3}
        />
        <button type="submit" className="primary-button" disabled={pasted.trim() === ''}>
          Load pasted JSON
        </button>
      </form>
    </section>
  );
}
