import { useCallback } from 'react';
import { usePreferences } from '../../state/preferences';
import { formatDateTime } from './format';

/** Formats absolute times in the user's chosen zone (local or UTC, a persisted preference). */
export function useDateTimeFormat(): (epochMs: number) => string {
  const timeZone = usePreferences((state) => state.timeZone);
  return useCallback((epochMs: number) => formatDateTime(epochMs, timeZone), [timeZone]);
}
