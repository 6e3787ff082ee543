// Notices over modal dialogs. A modal <dialog> (showModal) is drawn in the
// browser's top layer, above every z-index, and makes the rest of the page
// inert: a notice outside it sits under its backdrop, cannot be clicked
// and is hidden from screen readers (aria-modal). So while a modal dialog
// is open the notices live inside it, the topmost one, and go back home
// when it closes or leaves the page.

/** modal reports whether d is an open modal dialog (an engine without :modal: any open dialog). */
function modal(d: HTMLDialogElement): boolean {
  try {
    return d.matches(':modal');
  } catch {
    return d.open;
  }
}

/**
 * aboveDialogs (a Svelte action) keeps node inside the most recently
 * opened modal dialog while any is open, and in its own parent otherwise.
 * node must be the only child of a parent of its own that stays put, so
 * that moving it disturbs no block the framework keeps track of.
 */
export function aboveDialogs(node: HTMLElement): { destroy(): void } {
  const home = node.parentElement;
  if (!home) throw new Error('aboveDialogs: the element has no parent');
  // The modal dialogs open now, in the order they opened: the last is on top.
  const opened: HTMLDialogElement[] = [];
  const place = () => {
    for (let i = opened.length - 1; i >= 0; i--) if (!opened[i].isConnected || !modal(opened[i])) opened.splice(i, 1);
    for (const d of document.querySelectorAll('dialog')) if (modal(d) && !opened.includes(d)) opened.push(d);
    const host = opened.at(-1) ?? home;
    if (node.parentElement !== host) host.append(node);
  };
  // A dialog opens or closes (its open attribute), or leaves the page with
  // the notices inside it (then they come home, unharmed).
  const watch = new MutationObserver(place);
  watch.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['open'] });
  place();
  return {
    destroy() {
      watch.disconnect();
      if (node.parentElement !== home) node.remove();
    },
  };
}
