import { useRef, type PointerEvent } from 'react';

interface DragHandleProps {
  className: string;
  label: string;
  /** The size being resized when the drag starts. */
  startPx: number;
  /** Called while dragging with the horizontal distance from the drag start. */
  onDrag: (deltaPx: number, startPx: number) => void;
}

/** A vertical splitter: pointer-captured drag, reports horizontal movement. */
export function DragHandle({ className, label, startPx, onDrag }: DragHandleProps) {
  const dragStart = useRef<{ x: number; px: number } | null>(null);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    dragStart.current = { x: event.clientX, px: startPx };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const start = dragStart.current;
    if (start) onDrag(event.clientX - start.x, start.px);
  };
  const onPointerUp = () => {
    dragStart.current = null;
  };

  return (
    <div
      className={className}
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
    />
  );
}
