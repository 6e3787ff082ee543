// The type icon an asset shows where there is no preview: on its card and
// on its detail page alike.

const icons: Record<string, string> = { logo: '◆', image: '▧', video: '▶', audio: '♪', document: '▤', copy: '¶', template: '▦', other: '■' };

/** typeIcon returns the symbol for an asset type (unknown types get "other"'s). */
export function typeIcon(type: string): string {
  return icons[type] ?? icons.other;
}
