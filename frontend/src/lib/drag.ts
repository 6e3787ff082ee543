/**
 * dragDays follows a pointer from pointerdown to pointerup and reports how
 * many days it moved, using dayAt to read the day under a point. Nothing
 * is reported for a plain click (no day change), so clicks still open the
 * item.
 */
export function dragDays(
  down: PointerEvent,
  dayAt: (x: number, y: number) => string | null,
  onDrop: (from: string, to: string) => void,
  onMove?: (from: string, to: string) => void,
): void {
  const from = dayAt(down.clientX, down.clientY);
  if (!from || down.button !== 0) return;
  const target = down.currentTarget as HTMLElement;
  target.setPointerCapture?.(down.pointerId);
  document.body.classList.add('dragging');
  let last = from;
  const move = (e: PointerEvent) => {
    const day = dayAt(e.clientX, e.clientY);
    if (day && day !== last) {
      last = day;
      onMove?.(from, day);
    }
  };
  const up = (e: PointerEvent) => {
    target.removeEventListener('pointermove', move);
    target.removeEventListener('pointerup', up);
    target.removeEventListener('pointercancel', cancel);
    document.body.classList.remove('dragging');
    const to = dayAt(e.clientX, e.clientY) ?? last;
    if (to !== from) {
      // Swallow the click that follows the drag (it fires right after
      // pointerup, if at all), so a drop does not also open the item.
      const swallow = (c: Event) => {
        c.stopImmediatePropagation();
        c.preventDefault();
      };
      target.addEventListener('click', swallow, { capture: true, once: true });
      setTimeout(() => target.removeEventListener('click', swallow, { capture: true }), 0);
      onDrop(from, to);
    }
  };
  const cancel = () => {
    target.removeEventListener('pointermove', move);
    target.removeEventListener('pointerup', up);
    document.body.classList.remove('dragging');
  };
  target.addEventListener('pointermove', move);
  target.addEventListener('pointerup', up);
  target.addEventListener('pointercancel', cancel);
}

/** dayFromCells reads the day of the [data-day] element under a point. */
export function dayFromCells(x: number, y: number): string | null {
  for (const el of document.elementsFromPoint(x, y)) {
    const day = (el as HTMLElement).dataset?.day;
    if (day) return day;
  }
  return null;
}
