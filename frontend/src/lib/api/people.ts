import { call } from './client';
import type { Person, PersonRename, Teammate } from './types';

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

/** teamMembers lists a team workspace's members for the people pickers; none in the local workspace. */
export function teamMembers(): Promise<Teammate[]> {
  return call('People.Members');
}

/** unmappedPeople lists the owner and requester names no member stands behind (admins). */
export function unmappedPeople(): Promise<Person[]> {
  return call('People.Unmapped');
}

/** mapToMember makes every record naming name the member's, in one transaction (undoable like a rename). */
export function mapToMember(name: string, memberId: number): Promise<PersonRename> {
  return call('People.MapToMember', name, memberId);
}
