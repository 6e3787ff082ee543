import { findPeople, teamMembers } from '../api';
import type { Person, Teammate } from '../api';
import { Resource } from './resource.svelte';

/** peopleListId is the id of the one datalist that every owner and requester field offers. */
export const peopleListId = 'people-options';

/**
 * PeopleStore holds the names already used as owners and requesters, so
 * that a field can offer them instead of inviting a typo. Forms reload it
 * when they open; an older answer never replaces a newer one.
 */
export class PeopleStore {
  private names = new Resource(() => findPeople(), [] as Person[]);
  private team = new Resource(() => teamMembers(), [] as Teammate[]);

  get list(): Person[] {
    return this.names.value;
  }

  /** members are the team workspace's members (none in the local workspace). */
  get members(): Teammate[] {
    return this.team.value;
  }

  /** onTeam is true on a team workspace: owners are picked among its members, not typed. */
  get onTeam(): boolean {
    return this.team.value.length > 0;
  }

  /** refreshMembers reloads the members in the background; a failure leaves the old list. */
  refreshMembers(): void {
    this.team.load(undefined).catch(() => {});
  }

  async load(): Promise<void> {
    await this.names.load(undefined);
  }

  /** refresh reloads in the background; a failure leaves the old list. */
  refresh(): void {
    this.load().catch(() => {});
  }
}

export const people = new PeopleStore();
