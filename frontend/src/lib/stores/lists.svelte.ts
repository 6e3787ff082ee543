import { createListItem, deleteListItem, listItems, renameListItem } from '../api';
import type { ListItem, ListKind } from '../api';

/** ListsStore holds the editable lists (teams, channels). */
export class ListsStore {
  teams = $state<ListItem[]>([]);
  channels = $state<ListItem[]>([]);
  categories = $state<ListItem[]>([]);

  async load(): Promise<void> {
    const [teams, channels, categories] = await Promise.all([listItems('teams'), listItems('channels'), listItems('categories')]);
    this.teams = teams;
    this.channels = channels;
    this.categories = categories;
  }

  async reload(kind: ListKind): Promise<void> {
    this[kind] = await listItems(kind);
  }

  async create(kind: ListKind, name: string): Promise<void> {
    await createListItem(kind, name);
    await this.reload(kind);
  }

  async rename(kind: ListKind, id: number, name: string): Promise<void> {
    await renameListItem(kind, id, name);
    await this.reload(kind);
  }

  async remove(kind: ListKind, id: number): Promise<void> {
    await deleteListItem(kind, id);
    await this.reload(kind);
  }
}

export const lists = new ListsStore();
