import type { InstrumentationScope, SpanReference } from '../../model/trace';
import { formatDuration } from '../shared/format';

/** Signed offset: events logged before the span start (clock skew) show a minus sign. */
export function formatOffset(ns: number): string {
  return ns < 0 ? `−${formatDuration(-ns)}` : `+${formatDuration(ns)}`;
}

export function formatScope(scope: InstrumentationScope | undefined): string | null {
  if (!scope || scope.name === '') return null;
  return scope.version ? `${scope.name} ${scope.version}` : scope.name;
}

const REFERENCE_LABELS: Record<SpanReference['type'], string> = {
  child_of: 'CHILD_OF',
  follows_from: 'FOLLOWS_FROM',
  link: 'link',
};

export function formatReferenceType(type: SpanReference['type']): string {
  return REFERENCE_LABELS[type];
}
