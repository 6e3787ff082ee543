import { forgetWorkspace, listWorkspaces, switchWorkspace, teamWorkspaces, type Workspace } from '../api/connect';
import { notices } from './notices.svelte';

/**
 * WorkspacesStore lists the workspaces the window can show (this
 * computer's and the team workspaces it connected to) and switches
 * between them. A switch reloads the page, so that no view keeps data of
 * the workspace it left.
 */
export class WorkspacesStore {
  items = $state<Workspace[]>([]);
  /** signingIn is the team workspace whose sign-in form is open (its session ended). */
  signingIn = $state<Workspace | null>(null);
  /** reload shows the page anew (replaced in tests). */
  reload: () => void = () => location.reload();

  /** current is the workspace the window shows. */
  get current(): Workspace | undefined {
    return this.items.find((w) => w.current);
  }

  /** askSignIn opens the sign-in form of the current team workspace. */
  askSignIn(): void {
    const c = this.current;
    if (c && !c.local) this.signingIn = c;
  }

  async load(): Promise<void> {
    if (!teamWorkspaces()) return;
    try {
      this.items = await listWorkspaces();
    } catch (e) {
      notices.error(e);
    }
  }

  /** switchTo shows the workspace with that id (a no-op for the current one). */
  async switchTo(id: string): Promise<void> {
    if (this.current?.id === id) return;
    try {
      await switchWorkspace(id);
      this.reload();
    } catch (e) {
      notices.error(e);
    }
  }

  /** forget signs out of a team workspace and forgets it; leaving the current one reloads. */
  async forget(id: string): Promise<void> {
    const wasCurrent = this.current?.id === id;
    try {
      await forgetWorkspace(id);
      if (wasCurrent) this.reload();
      else await this.load();
    } catch (e) {
      notices.error(e);
    }
  }
}

export const workspaces = new WorkspacesStore();
