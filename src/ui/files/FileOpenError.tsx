import { useOpenedFiles } from '../../state/opened-files';

/** Why the last file could not be opened; stays until dismissed or a file opens. */
export function FileOpenError() {
  const error = useOpenedFiles((state) => state.error);
  const dismiss = useOpenedFiles((state) => state.dismissError);
  if (!error) return null;
  return (
    <div className="file-error" role="alert" data-testid="file-open-error">
      <div className="file-error-text">
        <strong>Could not open {error.fileName}</strong>
        <span>{error.message}</span>
      </div>
      <button type="button" className="icon-button" onClick={dismiss} aria-label="Dismiss">
        ✕
      </button>
    </div>
  );
}
