import { describe, expect, it } from 'vitest';
import { UndoStore } from './undo.svelte';

describe('UndoStore', () => {
  it('undoes the newest change first', async () => {
    const s = new UndoStore();
    const done: string[] = [];
    s.push({ label: 'a', undo: async () => void done.push('a') });
    s.push({ label: 'b', undo: async () => void done.push('b') });
    expect(s.last?.label).toBe('b');
    await s.undo();
    await s.undo();
    expect(done).toEqual(['b', 'a']);
    expect(await s.undo()).toBeUndefined();
  });

  it('keeps a change whose undo failed, so the user can try again', async () => {
    const s = new UndoStore();
    s.push({ label: 'x', undo: async () => Promise.reject(new Error('offline')) });
    await expect(s.undo()).rejects.toThrow('offline');
    expect(s.last?.label).toBe('x');
    expect(s.busy).toBe(false);
  });
});
