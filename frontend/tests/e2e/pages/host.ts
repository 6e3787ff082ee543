import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// The binary the e2e suite runs ("mopsdesk host" is one of its commands).
const bin = process.env.MOPSDESK_BIN ?? resolve(import.meta.dirname, '../../../../build/bin/mopsdesk');

/** Host is a "mopsdesk host" on a fresh data folder: its address and the setup code it printed. */
export class Host {
  private constructor(
    readonly url: string,
    readonly setupCode: string,
    private readonly proc: ChildProcess,
    private readonly data: string,
  ) {}

  static async start(): Promise<Host> {
    const data = mkdtempSync(join(tmpdir(), 'mopsdesk-host-e2e-'));
    const proc = spawn(bin, ['host', '--addr', '127.0.0.1:0', '--data', data], { stdio: ['ignore', 'pipe', 'pipe'] });
    let said = '';
    proc.stdout!.on('data', (b: Buffer) => (said += b.toString()));
    proc.stderr!.on('data', (b: Buffer) => (said += b.toString()));
    for (let i = 0; i < 300; i++) {
      if (proc.exitCode !== null) break;
      const url = /(https:\/\/127\.0\.0\.1:\d+)/.exec(said)?.[1];
      const code = /setup code[^:\n]*:\s*([0-9A-Z]{4}(?:-[0-9A-Z]{4})+)/i.exec(said)?.[1];
      if (url && code) return new Host(url, code, proc, data);
      await new Promise((r) => setTimeout(r, 100));
    }
    proc.kill();
    rmSync(data, { recursive: true, force: true });
    throw new Error(`mopsdesk host (${bin}) gave no address and setup code:\n${said}`);
  }

  async stop(): Promise<void> {
    const exited = new Promise((r) => this.proc.once('exit', r));
    this.proc.kill();
    if (this.proc.exitCode === null && this.proc.signalCode === null) await exited;
    rmSync(this.data, { recursive: true, force: true });
  }
}
