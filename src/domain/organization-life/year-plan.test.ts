import { describe, expect, it } from 'vitest';
import { resolveOrgLifeSettings } from './settings';
import { yearPlan } from './year-plan';

describe('yearPlan', () => {
  it('lists monthly, quarterly and yearly meetings with their last day', () => {
    const plan = yearPlan(
      2026,
      { committees: [{ from: '2026-06-01', to: null, size: 3 }], groups: [{ name: '第一党小组' }] },
      resolveOrgLifeSettings(),
    );
    const count = (rule: string) => plan.filter((p) => p.rule === rule).length;

    expect(count('BR-10')).toBe(12);
    expect(count('BR-08')).toBe(12);
    // Committee from 1 June: June to December.
    expect(plan.filter((p) => p.rule === 'BR-07').map((p) => p.period)).toEqual([
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
    expect(plan.find((p) => p.rule === 'BR-06' && p.period === '2026-Q2')?.due).toBe('2026-06-30');
    expect(count('BR-09')).toBe(5);
    expect(plan.find((p) => p.rule === 'BR-11')?.due).toBe('2026-12-31');
    expect(plan.map((p) => p.due)).toEqual([...plan.map((p) => p.due)].sort());
  });

  it('follows the local 党课 setting', () => {
    const plan = yearPlan(
      2026,
      { committees: [], groups: [] },
      resolveOrgLifeSettings({ lecturePeriod: 'halfYear', lecturesPerPeriod: 2 }),
    );
    const lectures = plan.filter((p) => p.rule === 'BR-09' && p.subject === null);

    expect(lectures.map((p) => [p.period, p.count])).toEqual([
      ['2026-H1', 2],
      ['2026-H2', 2],
    ]);
    expect(plan.some((p) => p.rule === 'BR-07')).toBe(false);
  });
});
