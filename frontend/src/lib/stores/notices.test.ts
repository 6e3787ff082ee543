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
});
