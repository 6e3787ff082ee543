import { describe, expect, it } from 'vitest';
import { allows, may } from './may';
import { type Role, roles } from './api/team';

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
