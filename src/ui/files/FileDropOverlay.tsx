import { useEffect, useState } from 'react';
import { FileOpenError } from './FileOpenError';
import { useOpenTraceFile } from './use-open-trace-file';
import './files.css';

function hasFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/**
 * Drop a trace file anywhere on the app: a full-window overlay while a file is dragged over the
 * window, and the open error (if any) as a message at the bottom of the window.
 */
export function FileDropOverlay() {
  const { openFile } = useOpenTraceFile();
  const [isDragging, setDragging] = useState(false);

  useEffect(() => {
    // dragenter/dragleave fire for every child element; count them to know when we left.
    let depth = 0;
    const onEnter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth++;
      setDragging(true);
    };
    const onLeave = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onOver = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (event: DragEvent) => {
      depth = 0;
      setDragging(false);
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      // Otherwise the browser navigates to the file.
      event.preventDefault();
      void openFile(file);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [openFile]);

  return (
    <>
      {isDragging && (
        <div className="file-drop-overlay" data-testid="file-drop-overlay" aria-hidden="true">
          <div className="file-drop-overlay-box">
            <strong>Drop a trace file to open it</strong>
            <span>OTLP/JSON (also JSON Lines), Jaeger, Tempo or Zipkin JSON</span>
          </div>
        </div>
      )}
      <div className="file-error-dock">
        <FileOpenError />
      </div>
    </>
  );
}
