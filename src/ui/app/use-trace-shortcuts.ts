import { useEffect } from 'react';
import { useViewStore } from '../../state/view-store';

interface ShortcutActions {
  stepMatch: (direction: 1 | -1) => void;
  toggleHelp: () => void;
  collapseAll: () => void;
  expandAll: () => void;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
}

/**
 * Page-wide keys of the trace page: `/` focuses the filter, `n`/`N` step through matches,
 * `Escape` closes the detail panel (or leaves the filter), `?` toggles the shortcut list, `-`
 * collapses every row and `+` (or `=`) expands them all. Arrow keys live on the waterfall itself.
 */
export function useTraceShortcuts(actions: ShortcutActions): void {
  const { stepMatch, toggleHelp, collapseAll, expandAll } = actions;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target)) {
        if (event.key === 'Escape') (event.target as HTMLElement).blur();
        if (
          event.key === 'Enter' &&
          (event.target as HTMLElement).dataset.testid === 'filter-text'
        ) {
          stepMatch(event.shiftKey ? -1 : 1);
        }
        return;
      }
      switch (event.key) {
        case '/':
          document.querySelector<HTMLInputElement>('[data-testid="filter-text"]')?.focus();
          break;
        case 'n':
          stepMatch(1);
          break;
        case 'N':
          stepMatch(-1);
          break;
        case '?':
          toggleHelp();
          break;
        case '-':
          collapseAll();
          break;
        case '+':
        case '=':
          expandAll();
          break;
        case 'Escape':
          useViewStore.getState().selectSpan(null);
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [stepMatch, toggleHelp, collapseAll, expandAll]);
}
