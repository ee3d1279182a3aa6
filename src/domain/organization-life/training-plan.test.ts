import { describe, expect, it } from 'vitest';
import type { PersonStudy } from './study-hours';
import { trainingPlan } from './training-plan';

function person(
  personId: number,
  name: string,
  officer: boolean,
  totalHours: number,
  extra: Partial<PersonStudy> = {},
): PersonStudy {
  const requiredHours = officer ? 56 : 32;
  return {
    personId,
    name,
    isOfficer: officer,
    exemptReason: null,
    meetingHours: totalHours,
    trainingHours: 0,
    totalHours,
    requiredHours,
    centralizedCount: 0,
    state: totalHours >= requiredHours ? 'met' : 'behind',
    shortfall: Math.max(0, requiredHours - totalHours),
    monthsLeft: 6,
    rule: officer ? 'EDU-14' : 'EDU-05',
    ...extra,
  };
}

describe('trainingPlan', () => {
  const branches = [
    {
      name: '河口村党支部',
      people: [
        person(1, '张书记', true, 20),
        person(2, '李委员', true, 60, { centralizedCount: 1 }),
        person(3, '王党员', false, 12),
        person(4, '赵党员', false, 32),
        person(5, '钱党员', false, 0, {
          state: 'exempt',
          requiredHours: 0,
          exemptReason: '年老体弱',
        }),
      ],
    },
    { name: '石桥村党支部', people: [person(6, '孙委员', true, 56)] },
  ];

  it('lists who must be trained and the hours each group still needs', () => {
    const plan = trainingPlan(2026, '2026-07-01', branches);
    expect(plan.trainees.map((t) => t.name)).toEqual(['张书记', '王党员', '孙委员']);
    const officer = plan.groups.find((g) => g.group === 'officer')!;
    expect(officer).toMatchObject({
      requiredHours: 56,
      people: 3,
      met: 1,
      toTrain: 2,
      remainingHours: 36,
      needsCentralized: 2,
    });
    const member = plan.groups.find((g) => g.group === 'member')!;
    expect(member).toMatchObject({ people: 2, exempt: 1, met: 1, toTrain: 1, remainingHours: 20 });
    // 孙委员 has 56 hours but no 集中培训
    expect(plan.trainees.find((t) => t.name === '孙委员')).toMatchObject({
      remainingHours: 0,
      needsCentralized: true,
    });
  });

  it('suggests classes for the quarters left, the hours split over them', () => {
    const plan = trainingPlan(2026, '2026-07-01', branches);
    expect(plan.quartersLeft).toBe(2);
    expect(
      plan.classes.map((c) => `${c.quarterLabel} ${c.group} ${c.trainees} ${c.hours}`),
    ).toEqual([
      '三季度 officer 2 18',
      '三季度 member 1 10',
      '四季度 officer 1 18',
      '四季度 member 1 10',
    ]);
    expect(plan.classes[0]).toMatchObject({
      title: '2026年三季度书记和支部委员集中轮训班',
      centralized: true,
      end: '2026-09-30',
    });
  });

  it('counts a quarter still open on its last day and none once the year is over', () => {
    expect(trainingPlan(2026, '2026-09-30', branches).quartersLeft).toBe(2);
    expect(trainingPlan(2026, '2026-10-01', branches).quartersLeft).toBe(1);
    const over = trainingPlan(2026, '2027-01-05', branches);
    expect(over.quartersLeft).toBe(0);
    expect(over.classes).toEqual([]);
    expect(over.trainees).toHaveLength(3);
  });
});
