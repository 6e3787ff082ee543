import { httpTransport } from './http';
import type { CallOptions, ExportKind, Transport } from './transport';
import type { SaveResult } from './types';
import { inWails, wailsTransport } from './wails';

let current: Transport | null = null;

/** transport returns the transport in use, choosing it on first use. */
export function transport(): Transport {
  current ??= inWails() ? wailsTransport : httpTransport;
  return current;
}

/** setTransport replaces the transport; tests pass a fake. */
export function setTransport(t: Transport | null): void {
  current = t;
}

/** call invokes a backend method through the current transport. */
export function call<T>(method: string, ...args: unknown[]): Promise<T> {
  return transport().call<T>(method, args);
}

/**
 * callWith invokes a backend method as long work: with a job id, progress
 * and a signal to cancel it (see CallOptions).
 */
export function callWith<T>(opts: CallOptions | undefined, method: string, ...args: unknown[]): Promise<T> {
  return transport().call<T>(method, args, opts);
}

/** exportFile saves an export of the given kind: the one way every view exports. */
export function exportFile(kind: ExportKind, request: unknown, opts?: CallOptions): Promise<SaveResult> {
  return transport().exportFile(kind, request, opts);
}
