import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { access, allows, may } from './access';
import { type Role, roles } from './api/team';

/** backendRules reads the backend's table of method → least role (backend/api/access.go). */
function backendRules(): Record<string, Role> {
  const src = readFileSync(join(import.meta.dirname, '../../../backend/api/access.go'), 'utf8');
  const table = src.slice(src.indexOf('var Access'), src.indexOf('\n}\n', src.indexOf('var Access')));
  const out: Record<string, Role> = {};
  for (const m of table.matchAll(/"([\w.]+)":\s*backend\.Role(\w+),/g)) out[m[1]] = m[2].toLowerCase() as Role;
  return out;
}

describe('the access table', () => {
  it('says what the backend says for every method', () => {
    const backend = backendRules();
    expect(Object.keys(backend).length).toBeGreaterThan(90);
    const mine = access as Record<string, Role>;
    const differ = Object.entries(backend)
      .filter(([m, r]) => mine[m] !== r)
      .map(([m, r]) => `${m}: backend ${r}, frontend ${mine[m] ?? 'none'}`);
    expect(differ).toEqual([]);
    const extra = Object.keys(mine).filter((m) => !(m in backend));
    expect(extra).toEqual([]);
  });
});

describe('allows', () => {
  it('orders the roles viewer < planner < approver < admin', () => {
    for (const [i, have] of roles.entries()) {
      for (const [j, need] of roles.entries()) expect(allows(have, need), `${have} for ${need}`).toBe(i >= j);
    }
  });

  it('refuses a role it does not know', () => {
    expect(allows('owner' as Role, 'viewer')).toBe(false);
    expect(allows('admin', 'owner' as Role)).toBe(false);
  });
});

describe('may', () => {
  // What each role may do, by a method of each kind of work.
  const cases: [string, Record<Role, boolean>][] = [
    ['Campaigns.Find', { viewer: true, planner: true, approver: true, admin: true }],
    ['Campaigns.Update', { viewer: false, planner: true, approver: true, admin: true }],
    ['Campaigns.Move', { viewer: false, planner: true, approver: true, admin: true }],
    ['Assets.BulkEdit', { viewer: false, planner: true, approver: true, admin: true }],
    ['Imports.Commit', { viewer: false, planner: true, approver: true, admin: true }],
    ['Requests.Create', { viewer: false, planner: true, approver: true, admin: true }],
    ['Requests.Decide', { viewer: false, planner: false, approver: true, admin: true }],
    ['Budget.SetLines', { viewer: false, planner: false, approver: true, admin: true }],
    ['Workspace.UpdateSettings', { viewer: false, planner: false, approver: false, admin: true }],
    ['Backups.Status', { viewer: false, planner: false, approver: false, admin: true }],
    ['Team.Invite', { viewer: false, planner: false, approver: false, admin: true }],
    ['Team.Sessions', { viewer: true, planner: true, approver: true, admin: true }],
  ];
  it.each(cases)('%s', (method, want) => {
    for (const role of roles) expect(may(role, method), role).toBe(want[role]);
  });

  it('refuses a method without a rule, as the backend does', () => {
    expect(may('admin', 'Campaigns.Explode')).toBe(false);
  });
});
