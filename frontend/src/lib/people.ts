import type { Teammate } from './api';

/** isolate wraps a person's name in Unicode first-strong isolates, so a Latin name reads right inside a Persian or Arabic sentence. */
export function isolate(name: string): string {
  return '\u2068' + name + '\u2069';
}

const fold = (s: string) => s.trim().toLocaleLowerCase();

/** activeMembers are the members an owner picker offers. */
export function activeMembers(members: Teammate[]): Teammate[] {
  return members.filter((m) => m.active);
}

/**
 * memberNamed is the active member a name stands for, matched as the
 * backend matches (ignoring case and surrounding spaces); undefined when
 * none is, or when two share the name.
 */
export function memberNamed(name: string, members: Teammate[]): Teammate | undefined {
  if (!name.trim()) return undefined;
  const found = activeMembers(members).filter((m) => fold(m.name) === fold(name));
  return found.length === 1 ? found[0] : undefined;
}

/** PickerChoice is one option of an owner picker: a member's name, or a name on the record that is no member's. */
export interface PickerChoice {
  value: string;
  member: boolean;
}

/**
 * pickerChoices are what an owner picker on a team workspace offers for
 * the value on a record, after "nobody": the value itself first when it
 * names no active member (saving other fields keeps it), then the active
 * members. selected is the option that shows the value.
 */
export function pickerChoices(value: string, members: Teammate[]): { selected: string; choices: PickerChoice[] } {
  const named = memberNamed(value, members);
  const choices = activeMembers(members).map((m) => ({ value: m.name, member: true }));
  if (value.trim() && !named) choices.unshift({ value, member: false });
  return { selected: named ? named.name : value, choices };
}
