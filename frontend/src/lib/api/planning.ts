import { call, exportFile } from './client';
import type {
  CalendarShown,
  CalendarFilter,
  Campaign,
  Deliverable,
  DeliverableInput,
  Goal,
  GoalInput,
  Milestone,
  MilestoneInput,
  MyWeek,
  SaveResult,
} from './types';

/** findDeliverables returns a campaign's deliverables, or the standalone ones for 0. */
export function findDeliverables(campaignId: number): Promise<Deliverable[]> {
  return call('Deliverables.Find', campaignId);
}
export function createDeliverable(input: DeliverableInput): Promise<Deliverable> {
  return call('Deliverables.Create', input);
}
export function updateDeliverable(id: number, version: number, changes: Partial<DeliverableInput>): Promise<Deliverable> {
  return call('Deliverables.Update', id, { ...changes, version });
}
export function deleteDeliverable(id: number, version: number): Promise<void> {
  return call('Deliverables.Delete', id, version);
}

export function findMilestones(campaignId: number): Promise<Milestone[]> {
  return call('Milestones.Find', campaignId);
}
export function createMilestone(input: MilestoneInput): Promise<Milestone> {
  return call('Milestones.Create', input);
}
export function updateMilestone(id: number, version: number, changes: Partial<MilestoneInput>): Promise<Milestone> {
  return call('Milestones.Update', id, { ...changes, version });
}
export function deleteMilestone(id: number, version: number): Promise<void> {
  return call('Milestones.Delete', id, version);
}
/** myWeek lists what owner has due in the seven days from weekStart, and what is late. */
export function myWeek(owner: string, weekStart: string): Promise<MyWeek> {
  return call('Milestones.MyWeek', owner, weekStart);
}

export function findGoals(campaignId: number): Promise<Goal[]> {
  return call('Goals.Find', campaignId);
}
export function createGoal(input: GoalInput): Promise<Goal> {
  return call('Goals.Create', input);
}
export function updateGoal(id: number, version: number, changes: Partial<GoalInput>): Promise<Goal> {
  return call('Goals.Update', id, { ...changes, version });
}
export function deleteGoal(id: number, version: number): Promise<void> {
  return call('Goals.Delete', id, version);
}

/** calendarRange returns what a calendar view draws between two days. */
export function calendarRange(filter: CalendarFilter): Promise<CalendarShown> {
  return call('Calendar.Range', filter);
}

/** copyCampaign copies a campaign as a template to a new start day. */
export function copyCampaign(id: number, name: string, startDate: string): Promise<Campaign> {
  return call('Campaigns.Copy', id, { name, startDate });
}

/** exportCalendar saves the filtered range as an .ics file. */
export function exportCalendar(filter: CalendarFilter): Promise<SaveResult> {
  return exportFile('calendar', filter);
}
