// The Team facade (members, invites, sessions), typed by the generated
// contract, and the signed-in person /auth answers with (Actor, which is
// backend.Actor: /auth is not a facade, so the generator does not see it).
import { call } from './client';
import type { Invite, Member, Role, Session } from './generated';

export type { Invite, Member, Role, Session };

export const roles: readonly Role[] = ['viewer', 'planner', 'approver', 'admin'];

export interface Actor {
  personId: number;
  name: string;
  role: Role;
  sessionId?: string;
}

/** teamMe returns the signed-in person (null in the local workspace). */
export function teamMe(): Promise<Member | null> {
  return call('Team.Me');
}

/** listMembers lists the workspace's members, the deactivated ones too. */
export function listMembers(): Promise<Member[]> {
  return call('Team.Members');
}

/** createInvite makes an invite for one person with a role; its answer alone carries the code. */
export function createInvite(role: Role, note: string): Promise<Invite> {
  return call('Team.Invite', role, note);
}

/** listInvites lists the invites not used, revoked or expired yet (Team.Invites answers with them all). */
export async function listInvites(now = Date.now()): Promise<Invite[]> {
  const all = await call('Team.Invites');
  return all.filter((i) => !i.usedAt && !i.revokedAt && !(Date.parse(i.expiresAt) <= now));
}

/** revokeInvite makes an invite unusable. */
export function revokeInvite(id: number): Promise<void> {
  return call('Team.RevokeInvite', id);
}

/** setRole changes a member's role. */
export function setRole(memberId: number, role: Role): Promise<Member> {
  return call('Team.SetRole', memberId, role);
}

/** setActive deactivates (ending their sessions) or reactivates a member. */
export function setActive(memberId: number, active: boolean): Promise<Member> {
  return call('Team.SetActive', memberId, active);
}

/** resetPassword makes a one-time invite that sets a new password for a member. */
export function resetPassword(memberId: number): Promise<Invite> {
  return call('Team.ResetPassword', memberId);
}

/**
 * changePassword sets the signed-in person's password after checking the
 * current one; the backend ends their other sessions, keeping this one.
 */
export function changePassword(current: string, next: string): Promise<void> {
  return call('Team.ChangePassword', current, next);
}

/** listSessions lists the signed-in person's sessions (an admin's list has everyone's). */
export function listSessions(): Promise<Session[]> {
  return call('Team.Sessions');
}

/** revokeSession ends a session. */
export function revokeSession(id: string): Promise<void> {
  return call('Team.RevokeSession', id);
}

/**
 * joinLink is the link an invite is handed over as: the host's address and
 * #/join/CODE, or #/reset/CODE for a password reset (which asks only for
 * the new password).
 */
export function joinLink(code: string, reset = false, origin: string = location.origin): string {
  return `${origin}/#/${reset ? 'reset' : 'join'}/${encodeURIComponent(code)}`;
}
