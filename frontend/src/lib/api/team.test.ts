import { describe, expect, it, vi } from 'vitest';
import { listInvites } from './team';

const invite = (id: number, more: object) => ({ id, role: 'planner', note: '', createdBy: 'Ada', createdAt: '2026-11-20T10:00:00Z', expiresAt: '2026-11-27T10:00:00Z', usedAt: '', usedBy: '', revokedAt: '', ...more });

vi.mock('./client', () => ({
  call: vi.fn(async () => [
    invite(1, {}),
    invite(2, { usedAt: '2026-11-21T09:00:00Z', usedBy: 'Pat' }),
    invite(3, { revokedAt: '2026-11-21T09:00:00Z' }),
    invite(4, { expiresAt: '2026-11-24T10:00:00Z' }),
  ]),
}));

describe('listInvites', () => {
  it('lists only the invites that still work: not used, revoked or expired', async () => {
    const now = Date.parse('2026-11-25T12:00:00Z');
    expect((await listInvites(now)).map((i) => i.id)).toEqual([1]);
  });
});
