// Keyboard and screen-reader helpers shared by the views: where focus goes
// when a page or dialog changes, arrow keys in tab lists and grids, and a
// live region for what a keyboard move did.

/** FOCUSABLE selects the elements a dialog can start on. */
const FOCUSABLE =
  'input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

/** focusFirstField puts focus on a dialog's first field (else its first control), not on the form around them. */
export function focusFirstField(root: HTMLElement): void {
  const el = root.querySelector<HTMLElement>('input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled])')
    ?? root.querySelector<HTMLElement>(FOCUSABLE);
  el?.focus();
}

/**
 * returnFocus remembers what has focus now (the control that opened a
 * dialog) and gives back a function that returns focus there; when that
 * control is gone (the item was deleted) focus goes to the page heading.
 */
export function returnFocus(): () => void {
  const opener = document.activeElement as HTMLElement | null;
  return () => {
    // After the dialog leaves the DOM, so the browser does not move focus again.
    queueMicrotask(() => {
      if (opener && opener !== document.body && opener.isConnected) opener.focus();
      else focusHeading();
    });
  };
}

/** focusHeading moves focus to the page's h1 (made focusable from script only). */
export function focusHeading(): boolean {
  const h1 = document.querySelector<HTMLElement>('main h1');
  if (!h1) return false;
  h1.tabIndex = -1;
  h1.focus();
  return true;
}

/**
 * followPage keeps document.title on the page's h1 ("Campaigns · MOps Desk")
 * as views load and change, and, when asked, moves focus to that heading
 * the moment it appears. It returns the function that stops following.
 */
export function followPage(main: HTMLElement, focus: boolean, title: (page: string) => string): () => void {
  let focused = !focus;
  // What had focus when the page changed (the nav link, a tile): the heading
  // takes over only from it, never from a field the user has moved to since.
  const before = document.activeElement;
  const update = () => {
    const h1 = main.querySelector<HTMLElement>('h1');
    if (!h1) return;
    const page = (h1.textContent ?? '').trim();
    if (page) document.title = title(page);
    if (!focused) {
      focused = true;
      const now = document.activeElement;
      if (!now || now === document.body || now === before || !now.isConnected) focusHeading();
    }
  };
  const observer = new MutationObserver(update);
  observer.observe(main, { childList: true, subtree: true, characterData: true });
  update();
  return () => observer.disconnect();
}

/**
 * tabKeys moves between the tabs of a tab list with the arrow keys (mirrored
 * right to left), Home and End, selecting the tab it lands on.
 */
export function tabKeys(e: KeyboardEvent): void {
  const list = e.currentTarget as HTMLElement;
  const tabs = [...list.querySelectorAll<HTMLElement>('[role=tab]')];
  const i = tabs.indexOf(e.target as HTMLElement);
  if (i < 0) return;
  const rtl = getComputedStyle(list).direction === 'rtl';
  const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[e.key];
  let next: number;
  if (step) next = (i + step + tabs.length) % tabs.length;
  else if (e.key === 'Home') next = 0;
  else if (e.key === 'End') next = tabs.length - 1;
  else return;
  e.preventDefault();
  tabs[next].focus();
  tabs[next].click();
}

/** gridStep is how many days an arrow key moves in a grid of weeks (mirrored right to left), or 0. */
export function gridStep(key: string, rtl: boolean, width = 7): number {
  switch (key) {
    case 'ArrowRight':
      return rtl ? -1 : 1;
    case 'ArrowLeft':
      return rtl ? 1 : -1;
    case 'ArrowDown':
      return width;
    case 'ArrowUp':
      return -width;
    default:
      return 0;
  }
}

let region: HTMLElement | null = null;

/** announce says a short message through a polite live region, for what a keyboard move did. */
export function announce(text: string): void {
  if (!region || !region.isConnected) {
    region = document.createElement('div');
    region.className = 'visually-hidden';
    region.setAttribute('aria-live', 'polite');
    region.dataset.announcer = '';
    document.body.append(region);
  }
  // Cleared first so the same message twice is still spoken.
  region.textContent = '';
  const r = region;
  setTimeout(() => (r.textContent = text), 50);
}

/**
 * altDays reads the keyboard's stand-in for dragging an item along the
 * calendar: Alt+→ and Alt+← move it a day (mirrored right to left); 0 for
 * any other key.
 */
export function altDays(e: KeyboardEvent): number {
  if (!e.altKey || (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight')) return 0;
  const rtl = getComputedStyle(e.currentTarget as Element).direction === 'rtl';
  return (e.key === 'ArrowRight') !== rtl ? 1 : -1;
}

/**
 * Refocus puts focus back on an item (found by a selector) once the view
 * has redrawn it after a keyboard move, which may have made a new element.
 */
export class Refocus {
  private selector: string | null = null;

  /** after remembers which item to focus when the view redraws next. */
  after(selector: string): void {
    this.selector = selector;
  }

  /** redrawn is called after the view's data changed and the DOM followed. */
  redrawn(root: HTMLElement | undefined): void {
    if (!this.selector || !root) return;
    const el = root.querySelector<HTMLElement>(this.selector);
    this.selector = null;
    if (el && document.activeElement !== el) el.focus();
  }
}
