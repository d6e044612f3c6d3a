import { Component, type ErrorInfo, type ReactNode } from 'react';
import './ErrorBoundary.css';

interface ErrorBoundaryProps {
  /** Names the panel in the log and for screen readers, e.g. "span details". */
  readonly label: string;
  /** A change in any of these (the selected span id…) clears the error and renders again. */
  readonly resetKeys?: readonly unknown[];
  readonly children: ReactNode;
}

interface ErrorBoundaryState {
  readonly error: Error | null;
}

/** Long messages (a stack, a whole payload) are cut: the panel stays a panel. */
const MESSAGE_LIMIT = 300;

function changed(a: readonly unknown[] = [], b: readonly unknown[] = []): boolean {
  return a.length !== b.length || a.some((value, i) => !Object.is(value, b[i]));
}

/**
 * Keeps a render error inside one panel: the panel says "This panel failed to render: …" with
 * a retry button, the rest of the page keeps working. The message is shown as text (it may
 * quote trace content). React needs a class component for this.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`Tracefall: the ${this.props.label} panel failed to render`, error, info);
  }

  override componentDidUpdate(previous: ErrorBoundaryProps): void {
    if (this.state.error && changed(previous.resetKeys, this.props.resetKeys)) this.retry();
  }

  private readonly retry = () => this.setState({ error: null });

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const message = error.message || error.name || 'unknown error';
    const shown =
      message.length > MESSAGE_LIMIT ? `${message.slice(0, MESSAGE_LIMIT - 1)}…` : message;
    return (
      <div className="error-boundary" role="alert" aria-label={`${this.props.label} failed`}>
        <p className="error-boundary-message">This panel failed to render: {shown}</p>
        <button type="button" className="error-boundary-retry" onClick={this.retry}>
          Retry
        </button>
      </div>
    );
  }
}
