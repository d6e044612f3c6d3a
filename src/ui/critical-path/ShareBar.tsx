import './ShareBar.css';

/** A small horizontal bar for a 0..1 share (decorative: the figure is printed beside it). */
export function ShareBar({ share }: { readonly share: number }) {
  const width = `${Math.min(100, Math.max(0, share * 100))}%`;
  return (
    <span className="share-bar" aria-hidden="true">
      <span className="share-bar-fill" style={{ width }} />
    </span>
  );
}
