import type { Trace } from '../../model/trace';
import { buildOtlpDownload } from '../../state/trace-export';

interface DownloadTraceButtonProps {
  trace: Trace;
}

/** Saves the trace as OTLP/JSON, whatever format it came in; it can be opened here again. */
export function DownloadTraceButton({ trace }: DownloadTraceButtonProps) {
  const onClick = () => {
    const { fileName, mimeType, text } = buildOtlpDownload(trace);
    const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
    // Revoke after the click has been handled: revoking at once can cancel the download.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <button
      type="button"
      className="icon-button"
      onClick={onClick}
      data-testid="download-otlp"
      title="Download this trace as OTLP/JSON"
    >
      <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true">
        <path
          d="M8 2v8m0 0 3-3m-3 3L5 7M3 13h10"
          stroke="currentColor"
          strokeWidth="1.6"
          fill="none"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      Download OTLP/JSON
    </button>
  );
}
