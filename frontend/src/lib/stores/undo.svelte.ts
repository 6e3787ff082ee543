/** An action that can be taken back, with what to show the user. */
export interface UndoEntry {
  label: string;
  undo: () => Promise<void>;
}

/** UndoStore keeps the last changes made by dragging, newest last. */
export class UndoStore {
  entries = $state<UndoEntry[]>([]);
  busy = $state(false);

  get last(): UndoEntry | undefined {
    return this.entries[this.entries.length - 1];
  }

  push(e: UndoEntry): void {
    this.entries = [...this.entries.slice(-49), e];
  }

  /** undo takes back the newest change; it stays on the stack if that fails. */
  async undo(): Promise<UndoEntry | undefined> {
    const e = this.last;
    if (!e || this.busy) return undefined;
    this.busy = true;
    try {
      await e.undo();
      this.entries = this.entries.slice(0, -1);
      return e;
    } finally {
      this.busy = false;
    }
  }
}

export const undoStack = new UndoStore();
