import { buildOrgForest, type OrgNode } from '../../../lib/org-tree';
import type { Org } from '../../../api/types';

export interface OrgTreeOption {
  value: number;
  title: string;
  children: OrgTreeOption[];
}

function toOptions(nodes: OrgNode[]): OrgTreeOption[] {
  return nodes.map((n) => ({
    value: n.org.id,
    title: n.org.name,
    children: toOptions(n.children),
  }));
}

/** The org forest as TreeSelect options. */
export function orgTreeOptions(orgs: readonly Org[]): OrgTreeOption[] {
  return toOptions(buildOrgForest(orgs));
}
