/** A 0..1 share as a percentage a reader can compare: 42%, 7.5%, 0.3%, <0.1%. */
export function formatShare(share: number): string {
  if (!(share > 0)) return '0%';
  const percent = share * 100;
  if (percent < 0.1) return '<0.1%';
  if (percent >= 10) return `${Math.round(percent)}%`;
  return `${Number(percent.toFixed(1))}%`;
}
