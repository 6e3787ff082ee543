import { contractDigest } from '../api';
import type { DigestEntry } from '../api';

/** DigestStore holds the contract dates that need attention, for the badge. */
class DigestStore {
  entries = $state<DigestEntry[]>([]);
  /** due counts the dates whose reminder has come. */
  due = $derived(this.entries.filter((e) => e.due).length);

  async load(): Promise<void> {
    this.entries = await contractDigest(30);
  }
}

export const digest = new DigestStore();
