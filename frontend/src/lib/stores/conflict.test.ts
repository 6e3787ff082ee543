import { describe, expect, it } from 'vitest';
import { AppError } from '../api';
import { changedByMe } from '../conflict';
import { conflictPrompt, saveVersioned } from './conflict.svelte';

const fields = [
  { key: 'name', label: 'Name' },
  { key: 'notes', label: 'Notes' },
];
const started = { version: 1, name: 'Spring launch', notes: '' };
const theirs = { version: 2, name: 'Spring launch 2026', notes: '' };

/** server refuses saves made to any version but the one it holds, as the backend does. */
function server() {
  const saves: { version: number; changes: object }[] = [];
  const save = async (version: number, stale: typeof theirs | null) => {
    const changes = stale ? changedByMe(fields, started, { name: 'Spring launch', notes: 'Booth booked' }) : { name: 'Spring launch', notes: 'Booth booked' };
    saves.push({ version, changes });
    if (version !== 2) throw new AppError('conflict', 'changed', {}, theirs);
    return { ...theirs, ...changes, version: 3 };
  };
  return { saves, save };
}

describe('saveVersioned', () => {
  it('asks the person, field by field, and keeping mine saves only their changes over the new version', async () => {
    const s = server();
    const done = saveVersioned({ what: 'Spring launch', mineLabel: 'Save mine', version: 1, fields, started, mine: { name: 'Spring launch', notes: 'Booth booked' }, save: s.save });
    await Promise.resolve();
    await Promise.resolve();
    expect(conflictPrompt.pending?.rows).toEqual([
      { key: 'name', label: 'Name', theirs: 'Spring launch 2026', mine: 'Spring launch', by: 'them' },
      { key: 'notes', label: 'Notes', theirs: '—', mine: 'Booth booked', by: 'you' },
    ]);
    conflictPrompt.pending!.answer('mine');
    const res = await done;
    expect(s.saves).toEqual([
      { version: 1, changes: { name: 'Spring launch', notes: 'Booth booked' } },
      { version: 2, changes: { notes: 'Booth booked' } },
    ]);
    expect(res).toEqual({ kind: 'saved', value: { version: 3, name: 'Spring launch 2026', notes: 'Booth booked' } });
    expect(conflictPrompt.pending).toBeNull();
  });

  it('takes theirs or stops without saving again', async () => {
    for (const choice of ['theirs', 'cancel'] as const) {
      const s = server();
      const done = saveVersioned({ what: 'x', mineLabel: 'Save mine', version: 1, fields, started, mine: { notes: 'n' }, save: s.save });
      await Promise.resolve();
      await Promise.resolve();
      conflictPrompt.pending!.answer(choice);
      expect(await done).toEqual(choice === 'theirs' ? { kind: 'theirs', theirs } : { kind: 'cancelled' });
      expect(s.saves).toHaveLength(1);
    }
  });

  it('throws any other failure as it was', async () => {
    await expect(saveVersioned({ what: 'x', mineLabel: 'm', version: 1, fields, started, mine: {}, save: async () => { throw new AppError('invalid', 'bad'); } })).rejects.toMatchObject({ code: 'invalid' });
    expect(conflictPrompt.pending).toBeNull();
  });
});
