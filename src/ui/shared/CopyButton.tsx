import { useEffect, useRef, useState } from 'react';
import { copyText } from './copy-text';
import './CopyButton.css';

const FEEDBACK_MS = 1500;

interface CopyButtonProps {
  /** The full text to copy (not a truncated preview). */
  readonly text: string;
  /** Accessible name, e.g. "Copy span id". */
  readonly label: string;
}

type CopyState = 'idle' | 'copied' | 'failed';

/** Small icon-sized button that copies `text` and says "Copied" for a moment. */
export function CopyButton({ text, label }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  const handleClick = async () => {
    const isCopied = await copyText(text);
    setState(isCopied ? 'copied' : 'failed');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState('idle'), FEEDBACK_MS);
  };

  return (
    <button
      type="button"
      className="copy-button"
      data-state={state}
      aria-label={state === 'idle' ? label : undefined}
      title={label}
      onClick={() => void handleClick()}
    >
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy'}
    </button>
  );
}
