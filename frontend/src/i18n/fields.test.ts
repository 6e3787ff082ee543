import { describe, expect, it } from 'vitest';
import { en } from './en';
import { exportSheets, importFields, listColumns } from './fields.generated';
import { fieldLabels, i18n } from './index.svelte';

describe('field labels', () => {
  it('name every field, column and sheet of the Go list in the language, and nothing else', () => {
    i18n.locale = 'fa';
    const labels = fieldLabels();
    i18n.locale = 'en';
    const want = [...importFields, ...listColumns, ...exportSheets.map((k) => 'sheet.' + k)];
    expect(Object.keys(labels).sort()).toEqual([...want].sort());
    expect(labels['renewalDate']).toBe('تاریخ تمدید');
    expect(Object.values(labels).filter((l) => !l)).toEqual([]);
  });
  it('have a catalog key only for a field the Go list has', () => {
    const catalog = Object.keys(en)
      .filter((k) => k.startsWith('import.field.'))
      .map((k) => k.slice('import.field.'.length));
    expect(catalog.sort()).toEqual([...importFields].sort());
  });
});
