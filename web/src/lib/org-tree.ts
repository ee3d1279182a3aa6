import type { Org } from '../api/types';

export interface OrgNode {
  org: Org;
  children: OrgNode[];
}

/** Builds the forest of a flat, path-ordered org list (roots: orgs whose parent is not listed). */
export function buildOrgForest(orgs: readonly Org[]): OrgNode[] {
  const nodes = new Map<number, OrgNode>();
  for (const org of orgs) {
    nodes.set(org.id, { org, children: [] });
  }
  const roots: OrgNode[] = [];
  for (const org of orgs) {
    const node = nodes.get(org.id);
    const parent = org.parentId === null ? undefined : nodes.get(org.parentId);
    if (!node) {
      continue;
    }
    if (parent) {
      parent.children.push(node);
    } else {
      roots.push(node);
    }
  }
  return roots;
}

/** Ids of an org and everything under it. */
export function subtreeIds(orgs: readonly Org[], rootId: number): Set<number> {
  const ids = new Set<number>([rootId]);
  // The list is ordered by path, so a parent always comes before its children.
  for (const org of orgs) {
    if (org.parentId !== null && ids.has(org.parentId)) {
      ids.add(org.id);
    }
  }
  return ids;
}

/** Ids of the ancestors of an org inside the list, nearest last. */
export function ancestorIds(orgs: readonly Org[], id: number): number[] {
  const byId = new Map(orgs.map((org) => [org.id, org]));
  const result: number[] = [];
  let current = byId.get(id);
  while (current && current.parentId !== null) {
    const parent = byId.get(current.parentId);
    if (!parent) {
      break;
    }
    result.unshift(parent.id);
    current = parent;
  }
  return result;
}

export interface TreeSelectNode {
  value: number;
  title: string;
  disabled?: boolean;
  children: TreeSelectNode[];
}

/** Tree data for an antd TreeSelect; `isDisabled` greys out orgs that cannot be chosen. */
export function toTreeSelectData(
  forest: readonly OrgNode[],
  isDisabled: (org: Org) => boolean = () => false,
): TreeSelectNode[] {
  return forest.map((node) => ({
    value: node.org.id,
    title: node.org.name,
    disabled: isDisabled(node.org),
    children: toTreeSelectData(node.children, isDisabled),
  }));
}

const VILLAGE_LEVEL_KINDS = new Set<Org['kind']>(['partyCommittee', 'generalBranch', 'branch']);

export interface ScopeSummary {
  villages: Org[];
  branchCount: number;
  partyGroupCount: number;
  memberCount: number;
}

/**
 * Summary numbers for the workbench. A 村（社区）党组织 is a 党委/党总支/党支部 directly under a
 * 乡镇党委; when the scope itself is one (a 村书记's account), it counts as the one village.
 */
export function summarizeScope(orgs: readonly Org[]): ScopeSummary {
  const byId = new Map(orgs.map((org) => [org.id, org]));
  const villages = orgs.filter((org) => {
    if (!VILLAGE_LEVEL_KINDS.has(org.kind)) {
      return false;
    }
    const parent = org.parentId === null ? undefined : byId.get(org.parentId);
    return parent ? parent.kind === 'townshipCommittee' : orgs[0]?.id === org.id;
  });
  return {
    villages,
    branchCount: orgs.filter((org) => org.kind === 'branch').length,
    partyGroupCount: orgs.filter((org) => org.kind === 'partyGroup').length,
    // memberCount is the total of an org's whole subtree, so the scope total is the roots' sum.
    memberCount: orgs
      .filter((org) => org.parentId === null || !byId.has(org.parentId))
      .reduce((sum, org) => sum + org.memberCount, 0),
  };
}
