// What a role may do on a team host, read from the access tables the
// generator writes from the backend's (lib/access.ts from
// backend/api/access.go). The UI shows a control only to people whose role
// may call the method behind it; the backend refuses the call anyway.
import { access } from './access';
import type { Role } from './api/team';
import { roles } from './api/team';

export type { Method } from './access';

/** allows reports whether a person with role may do what needs role need (backend.Role.Allows). */
export function allows(role: Role, need: Role): boolean {
  const have = roles.indexOf(role);
  const want = roles.indexOf(need);
  return have >= 0 && want >= 0 && have >= want;
}

/**
 * may reports whether role may call method. A method without a rule is
 * refused, as the backend refuses it.
 */
export function may(role: Role, method: string): boolean {
  const need = (access as Record<string, Role | undefined>)[method];
  return need !== undefined && allows(role, need);
}
