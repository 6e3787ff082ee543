import { call } from './client';
import type { ListItem, ListKind } from './types';

export function listItems(kind: ListKind): Promise<ListItem[]> {
  return call('Lists.Items', kind);
}

export function createListItem(kind: ListKind, name: string): Promise<ListItem> {
  return call('Lists.Create', kind, name);
}

export function renameListItem(kind: ListKind, id: number, name: string): Promise<ListItem> {
  return call('Lists.Rename', kind, id, name);
}

export function deleteListItem(kind: ListKind, id: number): Promise<void> {
  return call('Lists.Delete', kind, id);
}
