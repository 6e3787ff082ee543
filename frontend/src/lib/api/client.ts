import type { Input, Methods } from './generated';
import { httpTransport } from './http';
import type { CallOptions, ExportKind, ExportRequest, Transport } from './transport';
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

/** MethodName is a facade method the frontend may call, e.g. "Campaigns.Find". */
export type MethodName = keyof Methods;

/** Args are the arguments of a method, as its Go parameters decode them. */
export type Args<M extends MethodName> = Inputs<Methods[M]['args']>;

type Inputs<A extends unknown[]> = { [I in keyof A]: Input<A[I]> };

/** Result is what a method resolves with. */
export type Result<M extends MethodName> = Methods[M]['result'];

/**
 * call invokes a backend method through the current transport. Its name,
 * arguments and result are those of the Go facade (generated.ts), so a
 * renamed method or field fails the type check.
 */
export function call<M extends MethodName>(method: M, ...args: Args<M>): Promise<Result<M>> {
  return transport().call<Result<M>>(method, args);
}

/**
 * callWith invokes a backend method as long work: with a job id, progress
 * and a signal to cancel it (see CallOptions).
 */
export function callWith<M extends MethodName>(opts: CallOptions | undefined, method: M, ...args: Args<M>): Promise<Result<M>> {
  return transport().call<Result<M>>(method, args, opts);
}

/** exportFile saves an export of the given kind: the one way every view exports. */
export function exportFile<K extends ExportKind>(kind: K, request: ExportRequest<K>, opts?: CallOptions): Promise<SaveResult> {
  return transport().exportFile(kind, request, opts);
}
