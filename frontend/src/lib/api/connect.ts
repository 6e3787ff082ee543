// Team workspaces: the desktop window connected to a team host. Only the
// window can connect (it pins the host's certificate and keeps the
// session); in a browser the page already is on the host or on serve mode.
import type { AppMethods, Certificate, Connection, Credentials, Workspace } from './generated';
import { invoke, inWails } from './wails';

export type { Certificate, Connection, Credentials, Workspace };

function app<M extends keyof AppMethods>(method: M, ...args: AppMethods[M]['args']): Promise<AppMethods[M]['result']> {
  return invoke<AppMethods[M]['result']>('main', method, args);
}

/** teamWorkspaces reports whether this page can connect to team workspaces (the desktop window). */
export function teamWorkspaces(): boolean {
  return inWails();
}

/** probeHost reads a host's certificate, not trusting it yet, to compare its fingerprint. */
export const probeHost = (address: string) => app('App.ProbeHost', address);

/** connectTeam signs in on a host whose certificate has that fingerprint, and switches to it. */
export const connectTeam = (address: string, fingerprint: string, creds: Credentials) => app('App.ConnectTeam', address, fingerprint, creds);

/** listWorkspaces lists this computer's workspace and the team workspaces it knows. */
export const listWorkspaces = () => app('App.Workspaces');

/** switchWorkspace makes the window show another workspace; the page reloads its data then. */
export const switchWorkspace = (id: string) => app('App.SwitchWorkspace', id);

/** forgetWorkspace signs out of a team workspace and forgets it on this computer. */
export const forgetWorkspace = (id: string) => app('App.ForgetWorkspace', id);

/** connectionState is the connection to the current team workspace ("local" on this computer's). */
export const connectionState = () => app('App.ConnectionState');

/** retryConnection tries to reach the host now. */
export const retryConnection = () => app('App.RetryConnection');

/** onConnection reports each change of the connection; it returns the unsubscribe. */
export function onConnection(cb: (c: Connection) => void): () => void {
  return window.runtime?.EventsOn?.('connection', (data) => cb(data as Connection)) ?? (() => {});
}

/**
 * parseInviteLink reads an invite link (https://HOST/#/join/CODE) pasted
 * where the address goes: the host's address and the invite code, or null
 * when the text is not one.
 */
export function parseInviteLink(text: string): { address: string; invite: string } | null {
  const m = /^\s*https:\/\/([^/\s#?]+)\/?#\/join\/([^/\s?#]+)\s*$/i.exec(text);
  return m ? { address: m[1], invite: decodeURIComponent(m[2]) } : null;
}
