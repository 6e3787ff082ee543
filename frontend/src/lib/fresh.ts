import { findDeliverables, findGoals, findMilestones, findRequests, findSpend } from './api';
import type { Deliverable, Goal, Milestone, Spend, SpendRequest } from './api';
import { AppError } from './api';

/**
 * The records as stored now, for a form whose record someone else changed
 * meanwhile (LiveHint's reload). These areas have no Get call: each reads
 * the list the record is in and picks it by id, and a record deleted
 * meanwhile fails with not_found, which the form shows.
 */

function pick<T extends { id: number }>(rows: T[], id: number): T {
  const r = rows.find((x) => x.id === id);
  if (!r) throw new AppError('not_found', 'error.not_found');
  return r;
}

/** freshDeliverable is a deliverable of campaignId (0: a standalone one) as stored now. */
export async function freshDeliverable(campaignId: number, id: number): Promise<Deliverable> {
  return pick(await findDeliverables(campaignId), id);
}

/** freshMilestone is a milestone of campaignId as stored now. */
export async function freshMilestone(campaignId: number, id: number): Promise<Milestone> {
  return pick(await findMilestones(campaignId), id);
}

/** freshGoal is a goal of campaignId as stored now. */
export async function freshGoal(campaignId: number, id: number): Promise<Goal> {
  return pick(await findGoals(campaignId), id);
}

/** freshRequest is a spend request as stored now. */
export async function freshRequest(id: number): Promise<SpendRequest> {
  return pick(await findRequests(''), id);
}

/** pageSize is the largest page Spend.Find gives (backend.MaxPageSize). */
const pageSize = 500;

/** freshSpend is a spend entry as stored now, looked for page by page. */
export async function freshSpend(id: number): Promise<Spend> {
  for (let offset = 0; ; offset += pageSize) {
    const page = await findSpend({ from: '', to: '', teamId: 0, categoryId: 0, campaignId: 0, vendor: '', vendorId: 0, statuses: [], offset, limit: pageSize });
    const r = page.entries.find((s) => s.id === id);
    if (r) return r;
    if (page.entries.length < pageSize || offset + pageSize >= page.total) throw new AppError('not_found', 'error.not_found');
  }
}
