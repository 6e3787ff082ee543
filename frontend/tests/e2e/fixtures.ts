import { test as base } from '@playwright/test';
import { Workspace } from './pages/workspace';

/**
 * SpecWorkspaces gives each spec file a workspace of its own: a server on a
 * fresh data folder, started when the file's first hook or test asks for
 * it and stopped when the worker moves on to the next file. No file sees
 * what another stored, so files pass alone, in any order and in parallel.
 */
export class SpecWorkspaces {
  private file = '';
  private ws: Workspace | null = null;

  /** of returns the workspace of the spec file that info's test or hook belongs to. */
  async of(info: { file: string }): Promise<Workspace> {
    if (this.ws && this.file === info.file) return this.ws;
    await this.stop();
    this.ws = await Workspace.start();
    this.file = info.file;
    return this.ws;
  }

  /** stop ends the current file's server. */
  async stop(): Promise<void> {
    const ws = this.ws;
    this.ws = null;
    this.file = '';
    await ws?.stop();
  }
}

/**
 * test is Playwright's test whose pages, contexts and requests talk to the
 * spec file's own workspace (baseURL). Hooks that need it outside a test
 * ask for it with workspaces.of(info).
 */
export const test = base.extend<{ workspace: Workspace }, { workspaces: SpecWorkspaces }>({
  workspaces: [
    // Playwright reads a fixture's dependencies from its first parameter, which must be a pattern.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const all = new SpecWorkspaces();
      await use(all);
      await all.stop();
    },
    { scope: 'worker' },
  ],
  workspace: async ({ workspaces }, use, info) => {
    await use(await workspaces.of(info));
  },
  baseURL: async ({ workspace }, use) => {
    await use(workspace.url);
  },
});

export { expect } from '@playwright/test';
