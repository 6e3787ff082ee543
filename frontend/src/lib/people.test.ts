import { describe, expect, it } from 'vitest';
import type { Teammate } from './api';
import { isolate, memberNamed, pickerChoices } from './people';

const team: Teammate[] = [
  { id: 1, name: 'Dana', active: true },
  { id: 2, name: 'Sam', active: true },
  { id: 3, name: 'Lee', active: false },
];

describe('memberNamed', () => {
  it('matches a member ignoring case and spaces', () => {
    expect(memberNamed(' dana ', team)?.id).toBe(1);
  });
  it('skips deactivated members, unknown names and names two members share', () => {
    expect(memberNamed('Lee', team)).toBeUndefined();
    expect(memberNamed('Robin', team)).toBeUndefined();
    expect(memberNamed('', team)).toBeUndefined();
    expect(memberNamed('Sam', [...team, { id: 4, name: 'sam', active: true }])).toBeUndefined();
  });
});

describe('pickerChoices', () => {
  it('offers the active members and shows the member the value names', () => {
    expect(pickerChoices('DANA', team)).toEqual({
      selected: 'Dana',
      choices: [
        { value: 'Dana', member: true },
        { value: 'Sam', member: true },
      ],
    });
  });
  it('keeps a name that is no member first, so saving other fields keeps it', () => {
    const { selected, choices } = pickerChoices('Dnaa', team);
    expect(selected).toBe('Dnaa');
    expect(choices[0]).toEqual({ value: 'Dnaa', member: false });
    expect(choices.map((c) => c.value)).not.toContain('Lee');
  });
  it('offers only the members for an empty owner', () => {
    expect(pickerChoices('', team).choices.every((c) => c.member)).toBe(true);
  });
});

describe('isolate', () => {
  it('isolates a name for a right-to-left sentence', () => {
    expect(isolate('Dana')).toBe('\u2068Dana\u2069');
  });
});
