import type { LastChange } from '../api';
import { changedOf, conflictRows, currentOf, type ConflictField, type ConflictRow } from '../conflict';

/** ConflictChoice is what the person decides: save theirs over the new version, take what is stored, or go back. */
export type ConflictChoice = 'mine' | 'theirs' | 'cancel';

/** ConflictQuestion is what the conflict dialog shows. */
export interface ConflictQuestion {
  /** what names the record in the dialog's title ("Spring launch"). */
  what: string;
  rows: ConflictRow[];
  /** mineLabel names "keep mine" for this action (save, move, delete). */
  mineLabel: string;
  /** merges says that keeping mine keeps their value of a field this person left alone (a save, not a delete). */
  merges?: boolean;
  /** changed is who made the change the save ran into, and when (when the backend knows). */
  changed?: LastChange;
}

/**
 * ConflictPrompt holds the one conflict question on screen; the dialog
 * mounted once in the app answers it. Forms, drags, deletes and bulk edits
 * ask through it and wait for the answer.
 */
class ConflictPrompt {
  pending = $state<(ConflictQuestion & { answer: (c: ConflictChoice) => void }) | null>(null);

  /** ask shows q and resolves with the person's choice. */
  ask(q: ConflictQuestion): Promise<ConflictChoice> {
    this.pending?.answer('cancel');
    return new Promise((resolve) => {
      this.pending = {
        ...q,
        answer: (c) => {
          this.pending = null;
          resolve(c);
        },
      };
    });
  }
}

export const conflictPrompt = new ConflictPrompt();

/** Resolved is how a versioned save ended: saved (perhaps over a newer version), the stored record taken, or left. */
export type Resolved<T, R> = { kind: 'saved'; value: R } | { kind: 'theirs'; theirs: T } | { kind: 'cancelled' };

/**
 * saveVersioned runs save at version; when someone changed the record
 * since, it asks the person, field by field, and either saves again over
 * the version stored now (save gets the stored record, to keep the other
 * person's changes to fields this person left alone), takes the stored
 * record, or stops. Any other failure is thrown as it was.
 */
export async function saveVersioned<T extends { version: number }, R>(opts: {
  what: string;
  mineLabel: string;
  version: number;
  fields: ConflictField[];
  started: object;
  mine: object;
  save: (version: number, theirs: T | null) => Promise<R>;
  /** merges: see ConflictQuestion (true unless said otherwise). */
  merges?: boolean;
}): Promise<Resolved<T, R>> {
  let version = opts.version;
  let theirs: T | null = null;
  for (;;) {
    try {
      return { kind: 'saved', value: await opts.save(version, theirs) };
    } catch (e) {
      const now = currentOf<T>(e);
      if (!now) throw e;
      const choice = await conflictPrompt.ask({
        what: opts.what,
        mineLabel: opts.mineLabel,
        merges: opts.merges ?? true,
        rows: conflictRows(opts.fields, opts.started, opts.mine, now),
        changed: changedOf(e),
      });
      if (choice === 'theirs') return { kind: 'theirs', theirs: now };
      if (choice === 'cancel') return { kind: 'cancelled' };
      version = now.version;
      theirs = now;
    }
  }
}

/**
 * deleteVersioned deletes rec at the version shown; when someone changed
 * it since, the person sees their changes and deletes it anyway, keeps it,
 * or stops.
 */
export function deleteVersioned<T extends { version: number }>(what: string, rec: T, fields: ConflictField[], del: (version: number) => Promise<void>, mineLabel: string): Promise<Resolved<T, void>> {
  return saveVersioned<T, void>({ what, mineLabel, version: rec.version, fields, started: rec, mine: rec, save: (v) => del(v), merges: false });
}
