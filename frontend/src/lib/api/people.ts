import { call } from './client';
import type { Person, PersonRename } from './types';

/** findPeople lists the names used as owners and requesters, most used first. */
export function findPeople(): Promise<Person[]> {
  return call('People.Find');
}

/** renamePerson renames (or merges) a person everywhere their name is used, in one transaction. */
export function renamePerson(from: string, to: string): Promise<PersonRename> {
  return call('People.Rename', from, to);
}

/** undoRename puts a rename's old name back. */
export function undoRename(id: number): Promise<PersonRename> {
  return call('People.UndoRename', id);
}

/** personRenames lists the renames, newest first. */
export function personRenames(): Promise<PersonRename[]> {
  return call('People.Renames');
}
