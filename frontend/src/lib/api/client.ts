import type { Input, Methods } from './generated';
import { httpTransport } from './http';
import type { Transport } from './transport';
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
