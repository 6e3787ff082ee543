import { describe, expect, it } from 'vitest';
import type { Campaign } from './api';
import { layoutWeek } from './calendar';
import { monthGrid } from './days';

const c = (id: number, startDate: string, endDate: string) => ({ id, name: 'c' + id, startDate, endDate }) as Campaign;

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
