import { describe, expect, it } from 'vitest';
import { checkPlan, planElection, type PlanCheckInput } from './plan';

const BASE: PlanCheckInput = {
  electionDate: '2027-03-20',
  bodyKinds: ['党组织委员会', '村民委员会'],
  progress: {},
  asOf: '2027-01-10',
};

const check = (patch: Partial<PlanCheckInput>) =>
  checkPlan({ ...BASE, ...patch }).map((f) => [f.severity, f.message] as const);

describe('planElection', () => {
  it('counts the voter roll 20 days and the appeals 12 days back for a 村民委员会', () => {
    const steps = planElection('2027-03-20', ['村民委员会']);
    const due = Object.fromEntries(steps.map((s) => [s.key, s.dueDate]));

    expect(due.voterRoll).toBe('2027-02-28');
    expect(due.rollAppeals).toBe('2027-03-08');
    expect(due.handover).toBe('2027-03-30');
    expect(steps.map((s) => s.key)).not.toContain('resultApproval');
  });

  it('dates the appeals from the day the roll was published (+5 +3)', () => {
    const steps = planElection('2027-03-20', ['村民委员会'], { voterRoll: '2027-02-20' });

    expect(steps.find((s) => s.key === 'rollAppeals')?.dueDate).toBe('2027-02-28');
  });

  it('has no voter roll steps for the party committee alone', () => {
    const keys = planElection('2027-03-20', ['党组织委员会']).map((s) => s.key);

    expect(keys).not.toContain('voterRoll');
    expect(keys).not.toContain('rollAppeals');
  });
});

describe('checkPlan VC-05', () => {
  it('passes a roll published exactly 20 days before 选举日 and gives the appeal dates', () => {
    const findings = checkPlan({ ...BASE, progress: { voterRoll: '2027-02-28' } });

    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: 'VC-05',
      severity: 'info',
      citation: '《中华人民共和国村民委员会组织法》第十四条',
      facts: { daysBefore: 20, appealUntil: '2027-03-05', decideBy: '2027-03-08' },
    });
    expect(findings[0]?.message).toContain('异议申诉至 2027-03-05');
  });

  it('fails a roll published 19 days before 选举日', () => {
    expect(check({ progress: { voterRoll: '2027-03-01' } })).toEqual([
      [
        'error',
        '选民名单于 2027-03-01 公布，距选举日（2027-03-20）只有 19 日，不足二十日（最迟应在 2027-02-28 公布）：应推迟选举日或依法重新公布。',
      ],
    ]);
  });

  it('reports an unpublished roll only after its last day', () => {
    expect(check({ asOf: '2027-02-28' })).toEqual([]);
    expect(check({ asOf: '2027-03-01' })).toEqual([
      [
        'error',
        '选民名单尚未公布：应在选举日（2027-03-20）的二十日以前公布，最迟 2027-02-28，已过。',
      ],
    ]);
  });

  it('accepts appeals decided 8 days after publication and not 9', () => {
    const roll = '2027-02-20';
    const onTime = check({ progress: { voterRoll: roll, rollAppeals: '2027-02-28' } });
    const late = check({ progress: { voterRoll: roll, rollAppeals: '2027-03-01' } });

    expect(onTime.map(([s]) => s)).toEqual(['info']);
    expect(late[1]).toEqual([
      'error',
      '选民名单异议于 2027-03-01 才处理完毕，晚于最迟 2027-02-28（申诉期五日、处理三日）。',
    ]);
  });

  it('wants the appeals recorded once the decision period is over', () => {
    const roll = { voterRoll: '2027-02-20' };

    expect(check({ progress: roll, asOf: '2027-02-28' }).map(([s]) => s)).toEqual(['info']);
    expect(check({ progress: roll, asOf: '2027-03-01' })[1]?.[0]).toBe('warning');
  });

  it('refuses appeals dated before the roll or on 选举日 after a late roll', () => {
    expect(
      check({ progress: { voterRoll: '2027-02-20', rollAppeals: '2027-02-19' } })[1]?.[1],
    ).toBe('异议处理完毕日期 2027-02-19 早于选民名单公布日 2027-02-20。');
    expect(
      check({ progress: { voterRoll: '2027-03-15', rollAppeals: '2027-03-20' } }).map(([s]) => s),
    ).toEqual(['error', 'error']);
  });

  it('does not check a plan for the party committee alone', () => {
    expect(check({ bodyKinds: ['党组织委员会'], asOf: '2027-03-19' })).toEqual([]);
  });
});
