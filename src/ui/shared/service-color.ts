/**
 * Stable colours per service: a hash of the name picks one of a palette chosen to stay readable
 * on light and dark backgrounds and to keep red free for errors.
 */
const PALETTE = [
  '#4e79a7',
  '#59a14f',
  '#9c6ade',
  '#f28e2b',
  '#17a2b8',
  '#b07aa1',
  '#76b7b2',
  '#edc948',
  '#8c6d31',
  '#5c7cfa',
  '#20c997',
  '#d6336c',
] as const;

const cache = new Map<string, string>();

export function serviceColor(service: string): string {
  const cached = cache.get(service);
  if (cached) return cached;
  let hash = 2166136261;
  for (let i = 0; i < service.length; i++) {
    hash ^= service.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  const color = PALETTE[(hash >>> 0) % PALETTE.length] ?? PALETTE[0];
  cache.set(service, color);
  return color;
}
