import { describe, expect, it } from 'vitest';
import {
  checkAwayMember,
  checkBranch,
  checkVillage,
  committeeOf,
  isJointBranchName,
  runOrgChecks,
  type BranchSetupFacts,
} from './org-checks';
import type { CadreTitle } from './types';

const AS_OF = '2026-11-27';

/** A secretary plus `members` 委员 (committee of members + 1), or only a secretary when 0. */
function officers(members: number): { personId: number; title: CadreTitle }[] {
  return [
    { personId: 1, title: 'secretary' },
    ...Array.from({ length: members }, (_, i) => ({ personId: 10 + i, title: 'member' as const })),
  ];
}

function branch(
  fullMembers: number,
  committeeMembers: number,
  members = fullMembers,
): BranchSetupFacts {
  return {
    orgId: 7,
    name: '石桥村第一党支部',
    fullMembers,
    members,
    officers: officers(committeeMembers),
  };
}

describe('BR-04 支部委员会', () => {
  it('needs a committee from 7 正式党员, not at 6', () => {
    expect(checkBranch(branch(6, 0))).toEqual([]);
    const [f] = checkBranch(branch(7, 0));
    expect(f).toMatchObject({
      check: 'branchCommittee',
      ruleId: 'BR-04',
      level: 'error',
      facts: { fullMembers: 7, committeeSize: null },
    });
    expect(f?.message).toContain('正式党员 7 名');
    expect(f?.citation).toContain('支部工作条例');
  });

  it('a 书记 and a 副书记 without 委员 are not a committee', () => {
    expect(
      committeeOf([
        { personId: 1, title: 'secretary' },
        { personId: 2, title: 'deputySecretary' },
      ]),
    ).toBeNull();
    expect(
      checkBranch({ ...branch(8, 0), officers: [{ personId: 1, title: 'secretary' }] }),
    ).toHaveLength(1);
  });

  it('a committee of 2 is too small, of 3 is right', () => {
    expect(checkBranch(branch(9, 1))[0]?.message).toContain('支部委员会 2 人，应为 3 至 7 人');
    expect(checkBranch(branch(9, 2))).toEqual([]);
  });

  it('a committee of 7 is right, of 8 too large', () => {
    expect(checkBranch(branch(40, 6))).toEqual([]);
    expect(checkBranch(branch(40, 7))[0]).toMatchObject({
      check: 'branchCommittee',
      facts: { committeeSize: 8 },
    });
  });

  it('counts a person with two posts once', () => {
    expect(
      committeeOf([
        { personId: 1, title: 'secretary' },
        { personId: 2, title: 'member' },
        { personId: 2, title: 'deputySecretary' },
        { personId: 3, title: 'member' },
      ]),
    ).toEqual({ size: 3 });
  });
});

describe('RUR-02 党支部人数', () => {
  it('50 members pass, 51 are flagged', () => {
    expect(checkBranch(branch(45, 4, 50))).toEqual([]);
    expect(checkBranch(branch(45, 4, 51))).toMatchObject([
      { check: 'branchSize', level: 'warning', facts: { members: 51 } },
    ]);
  });
});

describe('RUR-02 村正式党员', () => {
  const village = { orgId: 3, name: '东岭村党支部', isJointBranch: false };
  it('3 正式党员 pass, 2 are flagged', () => {
    expect(checkVillage({ ...village, fullMembers: 3 })).toEqual([]);
    expect(checkVillage({ ...village, fullMembers: 2 })).toMatchObject([
      { check: 'villageFullMembers', facts: { fullMembers: 2 } },
    ]);
  });
  it('a 联合党支部 is not flagged', () => {
    expect(isJointBranchName('东岭村西坡村联合党支部')).toBe(true);
    expect(isJointBranchName('东岭村党支部')).toBe(false);
    expect(checkVillage({ ...village, fullMembers: 2, isJointBranch: true })).toEqual([]);
  });
});

describe('EDU-08 外出未转组织关系', () => {
  const m = { orgId: 4, orgName: '柳湾村党支部', personId: 9, name: '陈立新' };
  it('flags on the day six months are reached, not the day before', () => {
    expect(checkAwayMember({ ...m, awaySince: '2026-05-28' }, AS_OF)).toEqual([]);
    expect(checkAwayMember({ ...m, awaySince: '2026-05-27' }, AS_OF)).toMatchObject([
      { check: 'awayNotTransferred', personId: 9, facts: { awaySince: '2026-05-27' } },
    ]);
  });
});

describe('runOrgChecks', () => {
  it('lists villages, then branches, then members', () => {
    const all = runOrgChecks(
      {
        villages: [{ orgId: 3, name: '东岭村党支部', fullMembers: 1, isJointBranch: false }],
        branches: [branch(7, 0)],
        away: [
          {
            orgId: 4,
            orgName: '柳湾村党支部',
            personId: 9,
            name: '陈立新',
            awaySince: '2025-01-01',
          },
        ],
      },
      AS_OF,
    );
    expect(all.map((f) => f.check)).toEqual([
      'villageFullMembers',
      'branchCommittee',
      'awayNotTransferred',
    ]);
  });
});
