// Charts with their names down the side (teams, categories, channels) get
// a row per name, tall enough for the name wrapped onto as many lines as
// it needs, so thirty long names stay as readable as three. Names are
// wrapped here rather than by ECharts, which breaks Thai (written without
// spaces) between a letter and its vowel mark.

/** The line height of a wrapped name, as the backend sets it (backend/chart/layout.go). */
export const nameLineHeight = 18;
/** Room for the title, the value axis and the legend. */
const chrome = 96;
const minHeight = 240;

/**
 * wrapName breaks text into lines no wider than width: between words (Thai
 * words found by the language's word breaker), and a word wider than a
 * line between its letters, never inside a letter with its marks.
 */
export function wrapName(text: string, width: number, measure: (s: string) => number, locale = 'en'): string[] {
  const words = [...new Intl.Segmenter(locale, { granularity: 'word' }).segment(text.trim())].map((s) => s.segment);
  const letters = new Intl.Segmenter(locale, { granularity: 'grapheme' });
  const lines: string[] = [];
  let line = '';
  const put = (piece: string) => {
    const next = line + piece;
    if (line.trim() === '' || measure(next.trimEnd()) <= width) {
      line = line.trim() === '' ? piece.trimStart() : next;
      return;
    }
    lines.push(line.trimEnd());
    line = piece.trimStart();
  };
  for (const word of words) {
    if (measure(word) <= width) {
      put(word);
      continue;
    }
    for (const { segment } of letters.segment(word)) put(segment);
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines.length ? lines : [''];
}

export interface SideFit {
  /** Each name with its line breaks. */
  names: Map<string, string>;
  /** The chart's height in pixels. */
  height: number;
}

/** fitSideways sizes a chart of names down its side: bars is how many bars stand in each name's row. */
export function fitSideways(names: string[], bars: number, chartWidth: number, measure: (s: string) => number, locale = 'en'): SideFit {
  const width = Math.round(Math.min(240, Math.max(96, chartWidth * 0.38)));
  const wrapped = new Map(names.map((n) => [n, wrapName(n, width, measure, locale)]));
  const lines = Math.max(1, ...[...wrapped.values()].map((l) => l.length));
  const row = Math.max(10 * bars + 14, lines * nameLineHeight + 14);
  return {
    names: new Map([...wrapped].map(([n, l]) => [n, l.join('\n')])),
    height: Math.max(minHeight, chrome + names.length * row),
  };
}

/** The room ECharts gives a legend item besides its text: the colour key, the gap to the text and to the next item (and slack). */
const legendItemExtra = 25 + 5 + 10 + 6;
/** The height of one line of legend items. */
export const legendLineHeight = 26;
/** The height of one line of a title. */
export const titleLineHeight = 20;

/** legendLines counts the lines a legend of these names wraps onto within width. */
export function legendLines(names: string[], width: number, measure: (s: string) => number): number {
  let lines = names.length ? 1 : 0;
  let used = 0;
  for (const n of names) {
    const w = measure(n) + legendItemExtra;
    if (used > 0 && used + w > width) {
      lines++;
      used = 0;
    }
    used += w;
  }
  return lines;
}
