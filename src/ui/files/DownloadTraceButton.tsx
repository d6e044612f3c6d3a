import type { TraceTable } from '../../model/span-table';
import { selectMaskOnExport, selectMaskedKeys, usePrivacy } from '../../state/privacy';
import { buildOtlpDownload } from '../../state/trace-export';
import './files.css';

interface DownloadTraceButtonProps {
  trace: TraceTable;
}

function saveFile(fileName: string, mimeType: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled: revoking at once can cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Saves the trace as OTLP/JSON, whatever format it came in; it can be opened here again. A file
 * travels, so it is masked by default (e-mails, keys, tokens, cards, secret attributes), says so,
 * and offers the unmasked file beside it.
 */
export function DownloadTraceButton({ trace }: DownloadTraceButtonProps) {
  const isMasking = usePrivacy(selectMaskOnExport);
  const maskedKeys = usePrivacy(selectMaskedKeys);
  const download = (isMasked: boolean) => {
    const save = () => {
      const file = buildOtlpDownload(trace, isMasked ? { mask: { maskedKeys } } : {});
      saveFile(file.fileName, file.mimeType, file.text);
    };
    // The span records may still be on their way when the trace has only just opened.
    const { pending } = trace.records;
    if (pending) void pending.then(save);
    else save();
  };
  return (
    <span className="download-trace">
      <button
        type="button"
        className="icon-button"
        onClick={() => download(isMasking)}
        data-testid="download-otlp"
        title={
          isMasking
            ? 'Download this trace as OTLP/JSON, with sensitive values masked'
            : 'Download this trace as OTLP/JSON'
        }
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
        {isMasking && (
          <span className="download-masked-note" data-testid="download-masked-note">
            {' '}
            (masked)
          </span>
        )}
      </button>
      {isMasking && (
        <button
          type="button"
          className="download-unmasked"
          onClick={() => download(false)}
          title="Download without masking: the file holds e-mails, keys and tokens as sent"
        >
          unmasked
        </button>
      )}
    </span>
  );
}
