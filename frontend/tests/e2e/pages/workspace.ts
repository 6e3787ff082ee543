import type { APIRequestContext } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Workspace is a "mopsdesk serve" of its own on a fresh data folder and a
 * port the system chose. Every spec file gets one (fixtures.ts); a spec
 * that needs more than one (thirty teams next to one, an empty workspace)
 * starts them itself.
 */
export class Workspace {
  private constructor(
    readonly url: string,
    private readonly proc: ChildProcess,
    private readonly data: string,
  ) {}

  /** start serves a new, empty workspace and waits until it answers. */
  static async start(): Promise<Workspace> {
    const bin = process.env.MOPSDESK_BIN ?? resolve(import.meta.dirname, '../../../../build/bin/mopsdesk');
    const data = mkdtempSync(join(tmpdir(), 'mopsdesk-e2e-'));
    // Port 0: the system picks a free port, and serve says which.
    const proc = spawn(bin, ['serve', '--addr', '127.0.0.1:0', '--data', data], { stdio: ['ignore', 'pipe', 'pipe'] });
    let said = '';
    proc.stdout!.on('data', (b: Buffer) => (said += b.toString()));
    proc.stderr!.on('data', (b: Buffer) => (said += b.toString()));
    const fail = (why: string) => {
      proc.kill();
      rmSync(data, { recursive: true, force: true });
      return new Error(`mopsdesk serve (${bin}) ${why}:\n${said}`);
    };
    for (let i = 0; i < 300; i++) {
      if (proc.exitCode !== null) throw fail(`exited with ${proc.exitCode}`);
      const url = /serving on (http:\/\/[^/\s]+)\//.exec(said)?.[1];
      if (url) {
        try {
          if ((await fetch(url + '/')).ok) return new Workspace(url, proc, data);
        } catch {
          // not answering yet
        }
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw fail('did not start');
  }

  /** call runs one facade method, "Facade.Method", and returns its answer. */
  async call<T = unknown>(request: APIRequestContext, method: string, ...args: unknown[]): Promise<T> {
    const res = await request.post(`${this.url}/api/${method.replace('.', '/')}`, { data: args });
    if (!res.ok()) throw new Error(`${method}: ${res.status()} ${await res.text()}`);
    const body = await res.text();
    return (body ? JSON.parse(body) : undefined) as T;
  }

  /** settings changes some of the workspace's settings and keeps the rest. */
  async settings(request: APIRequestContext, changes: Record<string, unknown>): Promise<void> {
    const st = await this.call<Record<string, unknown>>(request, 'Workspace.Settings');
    await this.call(request, 'Workspace.UpdateSettings', { ...st, ...changes });
  }

  /** language switches the workspace's language (and the calendar that comes with it). */
  async language(request: APIRequestContext, lang: string, calendar: string): Promise<void> {
    await this.settings(request, { language: lang, calendar });
  }

  /** item adds an entry to one of the workspace's lists (teams, channels, categories) and returns its id. */
  async item(request: APIRequestContext, list: 'teams' | 'channels' | 'categories', name: string): Promise<number> {
    return (await this.call<{ id: number }>(request, 'Lists.Create', list, name)).id;
  }

  /** stop ends the server and removes its data folder. */
  async stop(): Promise<void> {
    const exited = new Promise((r) => this.proc.once('exit', r));
    this.proc.kill();
    if (this.proc.exitCode === null && this.proc.signalCode === null) await exited;
    rmSync(this.data, { recursive: true, force: true });
  }
}
