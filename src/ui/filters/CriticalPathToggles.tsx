import { useViewStore } from '../../state/view-store';

/** Show or hide the critical-path highlight (`cp=0`), and the "path only" view. */
export function CriticalPathToggles() {
  const showCriticalPath = useViewStore((state) => state.showCriticalPath);
  const setShowCriticalPath = useViewStore((state) => state.setShowCriticalPath);
  const criticalOnly = useViewStore((state) => state.criticalOnly);
  const setCriticalOnly = useViewStore((state) => state.setCriticalOnly);
  return (
    <>
      <label className="filter-check" title="Highlight the critical path on the bars">
        <input
          data-testid="toggle-critical-path"
          type="checkbox"
          checked={showCriticalPath}
          onChange={(event) => setShowCriticalPath(event.target.checked)}
        />
        Critical path
      </label>
      <label className="filter-check" title="Show only the spans on the critical path">
        <input
          data-testid="critical-path-only"
          type="checkbox"
          checked={criticalOnly}
          onChange={(event) => setCriticalOnly(event.target.checked)}
        />
        Path only
      </label>
    </>
  );
}
