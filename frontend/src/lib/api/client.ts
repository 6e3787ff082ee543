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

/** call invokes a backend method through the current transport. */
export function call<T>(method: string, ...args: unknown[]): Promise<T> {
  return transport().call<T>(method, args);
}
