import { describe, expect, it } from 'vitest';
import { toAppError } from '../api/errors';
import { i18n } from '../../i18n/index.svelte';
import { describeError } from './notices.svelte';

describe('describeError', () => {
  it('says what the computer got wrong in words the user can act on', () => {
    i18n.locale = 'en';
    const say = (code: string) => describeError(toAppError({ code, message: 'SQLITE_FULL (in English, from the backend)' }));
    expect(say('disk_full')).toContain('The disk holding the workspace is full. Free some space');
    expect(say('read_only')).toContain('cannot write to the workspace folder');
    expect(say('busy')).toContain('locked by another program');
    expect(say('newer_version')).toContain('newer version of MOps Desk');
    expect(say('damaged')).toContain('damaged');
    i18n.locale = 'pl';
    expect(say('disk_full')).toContain('Dysk z obszarem roboczym jest pełny');
    i18n.locale = 'en';
  });

  it('names the process that holds the workspace', () => {
    i18n.locale = 'en';
    const held = toAppError({
      code: 'in_use',
      message: "The workspace in /data is already open in 'mopsdesk serve' (process 4312, since …).",
      fields: { workspace: { key: 'workspace.in_use.serve', params: { pid: '4312', command: 'mopsdesk serve', since: '2026-11-27 09:14' } } },
    });
    expect(held.code).toBe('in_use');
    expect(describeError(held)).toBe('This workspace is already open in “mopsdesk serve” (process 4312, since 2026-11-27 09:14). Stop it, then open MOps Desk again.');
  });
});
