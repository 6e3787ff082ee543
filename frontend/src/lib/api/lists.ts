import { call } from './client';
import type { ListItem, ListKind } from './types';

export function listItems(kind: ListKind): Promise<ListItem[]> {
  return call<ListItem[]>('Lists.Items', kind);
}

export function createListItem(kind: ListKind, name: string): Promise<ListItem> {
  return call<ListItem>('Lists.Create', kind, name);
}

export function renameListItem(kind: ListKind, id: number, name: string): Promise<ListItem> {
  return call<ListItem>('Lists.Rename', kind, id, name);
}

export function deleteListItem(kind: ListKind, id: number): Promise<void> {
  return call<void>('Lists.Delete', kind, id);
}
