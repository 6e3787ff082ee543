import { describe, expect, it } from 'vitest';
import { gridStep } from './a11y';

describe('gridStep', () => {
  it('moves a day sideways and a week up or down', () => {
    expect(gridStep('ArrowRight', false)).toBe(1);
    expect(gridStep('ArrowLeft', false)).toBe(-1);
    expect(gridStep('ArrowDown', false)).toBe(7);
    expect(gridStep('ArrowUp', false)).toBe(-7);
  });
  it('mirrors the sideways keys right to left, where the week runs from the right', () => {
    expect(gridStep('ArrowRight', true)).toBe(-1);
    expect(gridStep('ArrowLeft', true)).toBe(1);
    expect(gridStep('ArrowDown', true)).toBe(7);
  });
  it('ignores other keys', () => {
    expect(gridStep('Enter', false)).toBe(0);
  });
});
