import { describe, expect, it } from 'vitest';
import type { CalendarCampaign, CalendarShown } from './api';
import { calendarParts, eventCount, hiddenByDay, itemsPerDay, layoutWeek, monthBounds, moveRange, quarterBounds, rangeFor, step } from './calendar';
import { monthGrid, weekday } from './days';

const c = (id: number, startDate: string, endDate: string) => ({ id, name: 'c' + id, startDate, endDate }) as CalendarCampaign;

describe('hiddenByDay', () => {
  const week = monthGrid(2027, 3, 1)[0]; // Mon 1 – Sun 7 March 2027

  it('counts under each day the bars past the lanes shown', () => {
    // Four campaigns over Tuesday–Thursday take four lanes; a fifth on Sunday fits the first lane.
    const bars = layoutWeek(week, [
      c(1, '2027-03-02', '2027-03-04'),
      c(2, '2027-03-02', '2027-03-04'),
      c(3, '2027-03-03', '2027-03-03'),
      c(4, '2027-02-20', '2027-03-03'),
      c(5, '2027-03-07', '2027-03-07'),
    ]);
    expect(hiddenByDay(bars, 4)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(hiddenByDay(bars, 2)).toEqual([0, 1, 2, 1, 0, 0, 0]);
    expect(hiddenByDay(bars, 0)).toEqual([1, 3, 4, 2, 0, 0, 1]);
  });
});

describe('layoutWeek', () => {
  const week = monthGrid(2027, 3, 1)[0]; // Mon 1 – Sun 7 March 2027

  it('places a campaign on its days', () => {
    const [bar] = layoutWeek(week, [c(1, '2027-03-03', '2027-03-04')]);
    expect(bar).toMatchObject({ col: 2, span: 2, lane: 0, continuesBefore: false, continuesAfter: false });
  });

  it('clips a campaign that runs past the week on both sides', () => {
    const [bar] = layoutWeek(week, [c(1, '2027-02-20', '2027-03-20')]);
    expect(bar).toMatchObject({ col: 0, span: 7, continuesBefore: true, continuesAfter: true });
  });

  it('stacks overlapping campaigns and reuses free lanes', () => {
    const bars = layoutWeek(week, [
      c(1, '2027-03-01', '2027-03-03'),
      c(2, '2027-03-02', '2027-03-05'),
      c(3, '2027-03-04', '2027-03-07'),
    ]);
    const lanes = Object.fromEntries(bars.map((b) => [b.campaign.id, b.lane]));
    expect(lanes).toEqual({ 1: 0, 2: 1, 3: 0 });
  });

  it('leaves out campaigns outside the week', () => {
    expect(layoutWeek(week, [c(1, '2027-03-08', '2027-03-09'), c(2, '2027-02-01', '2027-02-28')])).toEqual([]);
  });
});

describe('rangeFor and step', () => {
  it('month covers whole weeks around the month', () => {
    expect(rangeFor('month', '2027-03-15', 1)).toEqual({ from: '2027-03-01', to: '2027-04-04' });
    expect(rangeFor('month', '2027-03-15', 0)).toEqual({ from: '2027-02-28', to: '2027-04-03' });
  });
  it('week starts on the locale’s first day', () => {
    expect(rangeFor('week', '2027-03-17', 1)).toEqual({ from: '2027-03-15', to: '2027-03-21' });
    expect(rangeFor('week', '2027-03-17', 6)).toEqual({ from: '2027-03-13', to: '2027-03-19' }); // Saturday start
  });
  it('quarter and timeline cover the quarter', () => {
    expect(rangeFor('timeline', '2026-11-23', 1)).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    const q = rangeFor('quarter', '2026-11-23', 1);
    expect(q.from <= '2026-10-01' && q.to >= '2026-12-31').toBe(true);
  });
  it('steps by the view’s period, across year ends', () => {
    expect(step('month', '2026-12-31', 1)).toBe('2027-01-01');
    expect(step('week', '2026-12-28', 1)).toBe('2027-01-04');
    expect(step('quarter', '2026-11-23', 1)).toBe('2027-01-01');
    expect(step('timeline', '2026-02-10', -1)).toBe('2025-10-01');
  });
});

describe('months of the Persian calendar', () => {
  it('bounds a month of 29, 30 or 31 days', () => {
    // Esfand 1404 has 29 days, Esfand 1403 (a leap year) 30; Farvardin 31.
    expect(monthBounds('2026-03-01', 'persian')).toEqual({ from: '2026-02-20', to: '2026-03-20' });
    expect(monthBounds('2025-03-20', 'persian')).toEqual({ from: '2025-02-19', to: '2025-03-20' });
    expect(monthBounds('2026-04-01', 'persian')).toEqual({ from: '2026-03-21', to: '2026-04-20' });
    expect(calendarParts('2026-03-21', 'persian')).toEqual({ y: 1405, m: 1, d: 1 });
  });
  it('shows and steps whole Persian months and quarters', () => {
    // Azar 1405 runs from 22 November to 21 December 2026.
    const m = rangeFor('list', '2026-12-01', 6, 'persian');
    expect(m).toEqual({ from: '2026-11-22', to: '2026-12-21' });
    const grid = rangeFor('month', '2026-12-01', 6, 'persian'); // weeks from Saturday
    expect(weekday(grid.from)).toBe(6);
    expect(grid.from <= '2026-11-22' && grid.to >= '2026-12-21').toBe(true);
    expect(step('month', '2026-12-01', 1, 'persian')).toBe('2026-12-22'); // 1 Dey
    expect(step('month', '2026-12-01', -1, 'persian')).toBe('2026-10-23'); // 1 Aban
    // Nowruz begins the first quarter.
    expect(quarterBounds('2026-05-01', 'persian')).toMatchObject({ from: '2026-03-21', to: '2026-06-21', q: 1, y: 1405 });
    expect(step('quarter', '2026-05-01', -1, 'persian')).toBe('2025-12-22');
  });
  it('keeps Gregorian months for the Thai Buddhist calendar, 543 years on', () => {
    expect(rangeFor('list', '2026-02-10', 0, 'buddhist')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(calendarParts('2026-02-10', 'buddhist')).toEqual({ y: 2569, m: 2, d: 10 });
  });
});

describe('moveRange', () => {
  it('moves both ends by the same number of days', () => {
    expect(moveRange('2027-03-01', '2027-03-31', 'move', 7)).toEqual({ startDate: '2027-03-08', endDate: '2027-04-07' });
  });
  it('resizes one edge and never lets it pass the other', () => {
    expect(moveRange('2027-03-01', '2027-03-31', 'end', -3)).toEqual({ startDate: '2027-03-01', endDate: '2027-03-28' });
    expect(moveRange('2027-03-01', '2027-03-03', 'start', 10)).toEqual({ startDate: '2027-03-03', endDate: '2027-03-03' });
    expect(moveRange('2027-03-01', '2027-03-03', 'end', -10)).toEqual({ startDate: '2027-03-01', endDate: '2027-03-01' });
  });
});

describe('eventCount', () => {
  it('counts every event an .ics export writes', () => {
    const data = {
      from: '',
      to: '',
      campaigns: [c(1, '2027-03-01', '2027-03-31')],
      deliverables: [{}, {}],
      milestones: [{}],
      contractDates: [{}, {}],
    } as unknown as CalendarShown;
    expect(eventCount(data)).toBe(6);
    // Items a day left out of a month's answer still count.
    expect(eventCount({ ...data, more: { '2027-03-02': 4 } })).toBe(10);
    expect(eventCount({ ...data, campaigns: [], deliverables: [], milestones: [], contractDates: [] })).toBe(0);
  });
});

describe('itemsPerDay', () => {
  it('lists a few items a day in the month and quarter, every item in the other views', () => {
    expect(itemsPerDay('month')).toBe(3);
    expect(itemsPerDay('quarter')).toBe(1);
    expect(itemsPerDay('week')).toBe(50);
    for (const v of ['timeline', 'list', 'myweek'] as const) expect(itemsPerDay(v)).toBe(Infinity);
  });
});
