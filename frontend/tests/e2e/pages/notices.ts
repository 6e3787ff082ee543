import type { Locator } from '@playwright/test';

/**
 * onTop reports whether what the user sees at the middle of el is el (or
 * inside it): not covered by a modal dialog's backdrop or anything else.
 */
export function onTop(el: Locator): Promise<boolean> {
  return el.evaluate((node) => {
    const r = node.getBoundingClientRect();
    const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return !!hit && node.contains(hit);
  });
}
