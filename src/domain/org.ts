/**
 * 组织 (organization) kinds and how they nest: 县委组织部 › 乡镇党委 › 村/社区党组织
 * (党委/党总支/党支部) › 党小组.
 */

export type OrgKind =
  | 'countyDepartment'
  | 'townshipCommittee'
  | 'partyCommittee'
  | 'generalBranch'
  | 'branch'
  | 'partyGroup';

export const ORG_KINDS: readonly OrgKind[] = [
  'countyDepartment',
  'townshipCommittee',
  'partyCommittee',
  'generalBranch',
  'branch',
  'partyGroup',
];

export const ORG_KIND_LABELS: Readonly<Record<OrgKind, string>> = {
  countyDepartment: '县委组织部',
  townshipCommittee: '乡镇党委',
  partyCommittee: '党委',
  generalBranch: '党总支',
  branch: '党支部',
  partyGroup: '党小组',
};

/** Which kinds may be created directly under which. */
export const ALLOWED_CHILDREN: Readonly<Record<OrgKind, readonly OrgKind[]>> = {
  countyDepartment: ['townshipCommittee'],
  townshipCommittee: ['partyCommittee', 'generalBranch', 'branch'],
  partyCommittee: ['generalBranch', 'branch'],
  generalBranch: ['branch'],
  branch: ['partyGroup'],
  partyGroup: [],
};

export function canContain(parent: OrgKind, child: OrgKind): boolean {
  return ALLOWED_CHILDREN[parent].includes(child);
}

export const ORG_NAME_MAX_LENGTH = 50;

/** True when `path` lies in the subtree rooted at `rootPath` (the root included). */
export function isWithinPath(path: string, rootPath: string): boolean {
  return path.startsWith(rootPath);
}

export function isOrgKind(value: string): value is OrgKind {
  return (ORG_KINDS as readonly string[]).includes(value);
}
