import { describe, expect, it } from 'vitest';
import { fitSideways, legendLines, wrapName } from './chartfit';

// Every character 10 px wide.
const measure = (s: string) => [...s].length * 10;

describe('wrapName', () => {
  it('wraps between words', () => {
    expect(wrapName('Brand', 100, measure)).toEqual(['Brand']);
    expect(wrapName('Paid social media', 120, measure)).toEqual(['Paid social', 'media']);
    expect(wrapName('Paid social media', 100, measure)).toEqual(['Paid', 'social', 'media']);
  });
  it('wraps Thai between its words, and never parts a letter from its vowel mark', () => {
    const lines = wrapName('การตลาดภาคสนามระดับภูมิภาคเอเชีย', 80, measure, 'th');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe('การตลาดภาคสนามระดับภูมิภาคเอเชีย');
    // No line starts with a combining mark (U+0E31, U+0E34–U+0E3A, U+0E47–U+0E4E).
    for (const l of lines) expect(l).not.toMatch(/^[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/);
  });
  it('breaks a word wider than a line between its letters', () => {
    expect(wrapName('Supercalifragilistic', 100, measure)).toEqual(['Supercalif', 'ragilistic']);
  });
});

describe('fitSideways', () => {
  it('gives each name a row tall enough for its lines', () => {
    const few = fitSideways(['Brand'], 3, 500, measure);
    expect(few.height).toBe(240);
    expect(few.names.get('Brand')).toBe('Brand');
    const names = Array.from({ length: 30 }, (_, i) => `Team ${i} paid social and regional field marketing`);
    const many = fitSideways(names, 3, 500, measure);
    // At 190 px a line: "Team 10 paid social" / "and regional field" / "marketing".
    expect(many.names.get(names[10])).toBe('Team 10 paid social\nand regional field\nmarketing');
    expect(many.height).toBe(96 + 30 * (3 * 18 + 14));
  });
});

describe('legendLines', () => {
  it('wraps the legend items that do not fit on a line', () => {
    expect(legendLines([], 300, measure)).toBe(0);
    expect(legendLines(['Planned', 'Actual'], 300, measure)).toBe(1); // 70+46 + 60+46
    expect(legendLines(['Planowane', 'Zaangażowane', 'Rzeczywiste'], 340, measure)).toBe(2);
    expect(legendLines(['Planowane', 'Zaangażowane', 'Rzeczywiste'], 300, measure)).toBe(3);
  });
});
