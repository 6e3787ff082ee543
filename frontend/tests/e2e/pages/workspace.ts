import type { APIRequestContext } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Workspace is a "mopsdesk serve" of its own on a fresh data folder, for a
 * spec that needs data the shared workspace must not see (thirty teams,
 * an empty workspace).
 */
export class Workspace {
  private constructor(
    readonly url: string,
    private readonly proc: ChildProcess,
    private readonly data: string,
  ) {}

  /** start serves a new, empty workspace and waits until it answers. */
  static async start(port: number): Promise<Workspace> {
    const bin = process.env.MOPSDESK_BIN ?? resolve(import.meta.dirname, '../../../../build/bin/mopsdesk');
    const data = mkdtempSync(join(tmpdir(), 'mopsdesk-ws-'));
    const proc = spawn(bin, ['serve', '--addr', `127.0.0.1:${port}`, '--data', data], { stdio: 'ignore' });
    const url = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 300; i++) {
      try {
        if ((await fetch(url + '/')).ok) return new Workspace(url, proc, data);
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    proc.kill();
    rmSync(data, { recursive: true, force: true });
    throw new Error('mopsdesk serve did not start on ' + url);
  }

  /** call runs one facade method, "Facade.Method", and returns its answer. */
  async call<T = unknown>(request: APIRequestContext, method: string, ...args: unknown[]): Promise<T> {
    const res = await request.post(`${this.url}/api/${method.replace('.', '/')}`, { data: args });
    if (!res.ok()) throw new Error(`${method}: ${res.status()} ${await res.text()}`);
    const body = await res.text();
    return (body ? JSON.parse(body) : undefined) as T;
  }

  /** language switches the workspace's language (and the calendar that comes with it). */
  async language(request: APIRequestContext, lang: string, calendar: string): Promise<void> {
    const st = await this.call<Record<string, unknown>>(request, 'Workspace.Settings');
    await this.call(request, 'Workspace.UpdateSettings', { ...st, language: lang, calendar });
  }

  /** stop ends the server and removes its data folder. */
  async stop(): Promise<void> {
    const exited = new Promise((r) => this.proc.once('exit', r));
    this.proc.kill();
    if (this.proc.exitCode === null && this.proc.signalCode === null) await exited;
    rmSync(this.data, { recursive: true, force: true });
  }
}
