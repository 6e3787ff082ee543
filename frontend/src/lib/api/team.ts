// The Team facade (members, invites, sessions) and the team's types, in
// one place. They follow backend/member.go and the Team facade the auth
// branch adds; when the facades are regenerated, these types become
// aliases of generated.ts and the calls go through the typed `call`.
import { transport } from './client';

/** Role is what a person may do in a team workspace, from the least to the most allowed. */
export type Role = 'viewer' | 'planner' | 'approver' | 'admin';

/** roles lists the roles from the least to the most allowed (backend.Roles). */
export const roles: readonly Role[] = ['viewer', 'planner', 'approver', 'admin'];

/** Actor is the signed-in person (backend.Actor). */
export interface Actor {
  personId: number;
  name: string;
  role: Role;
  sessionId?: string;
}

/** Member is a person with an account in the team workspace (backend.Member). */
export interface Member {
  id: number;
  name: string;
  login: string;
  role: Role;
  active: boolean;
  createdAt: string;
  lastSignInAt: string;
}

/** Invite lets one person join once before it expires; with memberId it resets that member's password. */
export interface Invite {
  id: number;
  role: Role;
  note: string;
  memberId?: number;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string;
  usedBy: string;
  revokedAt: string;
  /** code is only in the answer that created the invite. */
  code?: string;
}

/** Session is one signed-in browser or app (backend.Session). */
export interface Session {
  id: string;
  memberId: number;
  member: string;
  client: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  current: boolean;
}

function team<T>(method: string, ...args: unknown[]): Promise<T> {
  return transport().call<T>('Team.' + method, args);
}

/** teamMe returns the signed-in person (null in the local workspace). */
export function teamMe(): Promise<Actor | null> {
  return team('Me');
}

/** listMembers lists the workspace's members, the deactivated ones too. */
export function listMembers(): Promise<Member[]> {
  return team('Members');
}

/** createInvite makes an invite for one person with a role; its answer alone carries the code. */
export function createInvite(role: Role, note: string): Promise<Invite> {
  return team('Invite', role, note);
}

/** listInvites lists the invites not used, revoked or expired yet. */
export function listInvites(): Promise<Invite[]> {
  return team('Invites');
}

/** revokeInvite makes an invite unusable. */
export function revokeInvite(id: number): Promise<void> {
  return team('RevokeInvite', id);
}

/** setRole changes a member's role. */
export function setRole(memberId: number, role: Role): Promise<Member> {
  return team('SetRole', memberId, role);
}

/** setActive deactivates (ending their sessions) or reactivates a member. */
export function setActive(memberId: number, active: boolean): Promise<Member> {
  return team('SetActive', memberId, active);
}

/** resetPassword makes a one-time invite that sets a new password for a member. */
export function resetPassword(memberId: number): Promise<Invite> {
  return team('ResetPassword', memberId);
}

/** listSessions lists the signed-in person's sessions (an admin's list has everyone's). */
export function listSessions(): Promise<Session[]> {
  return team('Sessions');
}

/** revokeSession ends a session. */
export function revokeSession(id: string): Promise<void> {
  return team('RevokeSession', id);
}

/**
 * joinLink is the link an invite is handed over as: the host's address and
 * #/join/CODE, or #/reset/CODE for a password reset (which asks only for
 * the new password).
 */
export function joinLink(code: string, reset = false, origin: string = location.origin): string {
  return `${origin}/#/${reset ? 'reset' : 'join'}/${encodeURIComponent(code)}`;
}
