/**
 * 组织设置检查: four checks of how Party organizations are set up, run on facts the service
 * loads (no I/O here). BR-04 支委会 (《中国共产党支部工作条例（试行）》), RUR-02 村党组织与党支部的人数
 * (《中国共产党农村基层组织工作条例》第五条), EDU-08 外出 6 个月以上应转移组织关系
 * (《中国共产党党员教育管理工作条例》第二十五条).
 *
 * The branch committee (支部委员会) is read from the org's current 村党组织 posts (cadre_post,
 * body `partyOrg`), as the 组织生活 module does: a committee exists while at least one 委员 is in
 * office, and its size is every distinct person holding a 书记/副书记/委员 post then. A branch with
 * only a 书记 (and a 副书记) has no committee, which is lawful below 7 正式党员.
 */
import type { IsoDate } from '../calendar/date';
import { isAwayLongEnoughToTransfer } from './structure';
import type { CadreTitle } from './types';

/** Which of the four checks a finding comes from. */
export type OrgCheckKind =
  /** BR-04: 7 名以上正式党员未设支部委员会, or a committee outside 3–7 members. */
  | 'branchCommittee'
  /** RUR-02: a 党支部 with more than 50 members. */
  | 'branchSize'
  /** RUR-02: a village with fewer than 3 正式党员 that is not a 联合党支部. */
  | 'villageFullMembers'
  /** EDU-08: a 流动党员 away 6 months or more whose relationship was not transferred. */
  | 'awayNotTransferred';

export const ORG_CHECK_LABELS: Readonly<Record<OrgCheckKind, string>> = {
  branchCommittee: '支部委员会设置',
  branchSize: '党支部党员人数',
  villageFullMembers: '村正式党员人数',
  awayNotTransferred: '外出未转组织关系',
};

export const ORG_CHECK_RULES: Readonly<
  Record<OrgCheckKind, { ruleId: string; level: 'error' | 'warning'; citation: string }>
> = {
  branchCommittee: {
    ruleId: 'BR-04',
    level: 'error',
    citation: '《中国共产党支部工作条例（试行）》第六章（条号待核实）',
  },
  branchSize: {
    ruleId: 'RUR-02',
    level: 'warning',
    citation: '《中国共产党农村基层组织工作条例》第五条',
  },
  villageFullMembers: {
    ruleId: 'RUR-02',
    level: 'warning',
    citation: '《中国共产党农村基层组织工作条例》第五条',
  },
  awayNotTransferred: {
    ruleId: 'EDU-08',
    level: 'warning',
    citation: '《中国共产党党员教育管理工作条例》第二十五条',
  },
};

/** Thresholds of the checks (numbers from rules.md and reference.md BR-04, RUR-02). */
export const COMMITTEE_REQUIRED_FROM = 7;
export const COMMITTEE_MIN_SIZE = 3;
export const COMMITTEE_MAX_SIZE = 7;
export const BRANCH_MAX_MEMBERS = 50;
export const VILLAGE_MIN_FULL_MEMBERS = 3;

/** One 党支部 as the checks see it. */
export interface BranchSetupFacts {
  orgId: number;
  name: string;
  /** 正式党员 here (branch and its 党小组), not counting members transferred out. */
  fullMembers: number;
  /** 正式 and 预备党员 here. */
  members: number;
  /** Persons holding a current 村党组织 post of this org, with the title. */
  officers: readonly { personId: number; title: CadreTitle }[];
}

/** One village-level org (村/社区党组织 directly under the 乡镇党委). */
export interface VillageFacts {
  orgId: number;
  name: string;
  /** 正式党员 in the whole village subtree. */
  fullMembers: number;
  /** A 联合党支部 (several villages with too few 正式党员 together): the 3-member rule is met there. */
  isJointBranch: boolean;
}

/** One 流动党员 (whereabouts `mobile`) with the day he left. */
export interface AwayMemberFacts {
  orgId: number;
  orgName: string;
  personId: number;
  name: string;
  awaySince: IsoDate;
}

export interface OrgCheckFinding {
  check: OrgCheckKind;
  ruleId: string;
  level: 'error' | 'warning';
  orgId: number;
  orgName: string;
  /** The person concerned (EDU-08), else null. */
  personId: number | null;
  message: string;
  /** The facts the finding rests on, by name. */
  facts: Record<string, string | number | null>;
  citation: string;
}

/** The committee of a branch from its current officers: null when there is no 委员. */
export function committeeOf(
  officers: readonly { personId: number; title: CadreTitle }[],
): { size: number } | null {
  if (!officers.some((o) => o.title === 'member')) {
    return null;
  }
  return { size: new Set(officers.map((o) => o.personId)).size };
}

/** A name that marks a 联合党支部 (the org register has no separate flag). */
export function isJointBranchName(name: string): boolean {
  return name.includes('联合');
}

function finding(
  check: OrgCheckKind,
  org: { orgId: number; name: string },
  message: string,
  facts: OrgCheckFinding['facts'],
  personId: number | null = null,
): OrgCheckFinding {
  const rule = ORG_CHECK_RULES[check];
  return {
    check,
    ruleId: rule.ruleId,
    level: rule.level,
    orgId: org.orgId,
    orgName: org.name,
    personId,
    message,
    facts,
    citation: rule.citation,
  };
}

/** BR-04 and RUR-02 (branch size) for one 党支部. */
export function checkBranch(branch: BranchSetupFacts): OrgCheckFinding[] {
  const out: OrgCheckFinding[] = [];
  const committee = committeeOf(branch.officers);
  const facts = {
    fullMembers: branch.fullMembers,
    members: branch.members,
    committeeSize: committee?.size ?? null,
  };
  if (branch.fullMembers >= COMMITTEE_REQUIRED_FROM && committee === null) {
    out.push(
      finding(
        'branchCommittee',
        branch,
        `${branch.name}有正式党员 ${branch.fullMembers} 名（7 名以上），未设支部委员会`,
        facts,
      ),
    );
  }
  if (
    committee !== null &&
    (committee.size < COMMITTEE_MIN_SIZE || committee.size > COMMITTEE_MAX_SIZE)
  ) {
    out.push(
      finding(
        'branchCommittee',
        branch,
        `${branch.name}支部委员会 ${committee.size} 人，应为 3 至 7 人`,
        facts,
      ),
    );
  }
  if (branch.members > BRANCH_MAX_MEMBERS) {
    out.push(
      finding(
        'branchSize',
        branch,
        `${branch.name}有党员 ${branch.members} 名，超过 50 名，可分设党支部或成立党总支`,
        facts,
      ),
    );
  }
  return out;
}

/** RUR-02 for one village: fewer than 3 正式党员 and not a 联合党支部. */
export function checkVillage(village: VillageFacts): OrgCheckFinding[] {
  if (village.fullMembers >= VILLAGE_MIN_FULL_MEMBERS || village.isJointBranch) {
    return [];
  }
  return [
    finding(
      'villageFullMembers',
      village,
      `${village.name}正式党员 ${village.fullMembers} 名，不足 3 名，应与邻近村联合成立党支部`,
      { fullMembers: village.fullMembers },
    ),
  ];
}

/** EDU-08 for one 流动党员: away 6 months or more (the day itself counts) and not transferred. */
export function checkAwayMember(m: AwayMemberFacts, asOf: IsoDate): OrgCheckFinding[] {
  if (!isAwayLongEnoughToTransfer(m.awaySince, asOf)) {
    return [];
  }
  return [
    finding(
      'awayNotTransferred',
      { orgId: m.orgId, name: m.orgName },
      `${m.name}自 ${m.awaySince} 外出已满 6 个月，组织关系仍在${m.orgName}，地点相对固定的应转移组织关系`,
      { name: m.name, awaySince: m.awaySince, asOf },
      m.personId,
    ),
  ];
}

/** Every finding of the four checks, villages first, then branches, then members. */
export function runOrgChecks(
  facts: {
    villages: readonly VillageFacts[];
    branches: readonly BranchSetupFacts[];
    away: readonly AwayMemberFacts[];
  },
  asOf: IsoDate,
): OrgCheckFinding[] {
  return [
    ...facts.villages.flatMap(checkVillage),
    ...facts.branches.flatMap(checkBranch),
    ...facts.away.flatMap((m) => checkAwayMember(m, asOf)),
  ];
}
