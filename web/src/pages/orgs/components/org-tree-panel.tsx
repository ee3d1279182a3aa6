import { Input, Tag, Tree, Typography } from 'antd';
import type { TreeDataNode as DataNode } from 'antd';
import { useMemo, useState } from 'react';
import type { Org } from '../../../api/types';
import type { OrgNode } from '../../../lib/org-tree';
import { ancestorIds } from '../../../lib/org-tree';
import { t, tOr } from '../../../locales';

const KIND_COLORS: Record<Org['kind'], string> = {
  countyDepartment: 'magenta',
  townshipCommittee: 'red',
  partyCommittee: 'volcano',
  generalBranch: 'orange',
  branch: 'gold',
  partyGroup: 'default',
};

const VIRTUAL_THRESHOLD = 300;

function OrgTitle({ org }: { org: Org }) {
  return (
    <span className="zg-org-title" data-org-id={org.id}>
      <span className="zg-org-name">{org.name}</span>
      <Tag color={KIND_COLORS[org.kind]} style={{ marginInline: 8 }}>
        {tOr(`org.kind.${org.kind}`, org.kindLabel)}
      </Tag>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('org.tree.memberCount', { count: org.memberCount })}
      </Typography.Text>
    </span>
  );
}

function toTreeData(forest: readonly OrgNode[], visible: Set<number> | null): DataNode[] {
  return forest
    .filter((node) => !visible || visible.has(node.org.id))
    .map((node) => ({
      key: node.org.id,
      title: <OrgTitle org={node.org} />,
      isLeaf: node.children.length === 0,
      children: toTreeData(node.children, visible),
    }));
}

export function OrgTreePanel({
  orgs,
  forest,
  selectedId,
  expandedIds,
  onSelect,
  onExpand,
}: {
  orgs: readonly Org[];
  forest: readonly OrgNode[];
  selectedId: number | null;
  expandedIds: number[];
  onSelect: (id: number) => void;
  onExpand: (ids: number[]) => void;
}) {
  const [search, setSearch] = useState('');
  const keyword = search.trim();

  // While searching, show the matching orgs and the branches leading to them, all opened.
  const visible = useMemo(() => {
    if (!keyword) {
      return null;
    }
    const ids = new Set<number>();
    for (const org of orgs) {
      if (org.name.includes(keyword)) {
        ids.add(org.id);
        for (const id of ancestorIds(orgs, org.id)) {
          ids.add(id);
        }
      }
    }
    return ids;
  }, [orgs, keyword]);

  const treeData = useMemo(() => toTreeData(forest, visible), [forest, visible]);

  return (
    <div>
      <Input.Search
        allowClear
        placeholder={t('org.tree.search')}
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        style={{ marginBottom: 12 }}
      />
      {visible && visible.size === 0 ? (
        <Typography.Text type="secondary">{t('org.tree.empty')}</Typography.Text>
      ) : (
        <Tree
          blockNode
          showLine
          treeData={treeData}
          selectedKeys={selectedId === null ? [] : [selectedId]}
          expandedKeys={visible ? Array.from(visible) : expandedIds}
          onExpand={(keys) => onExpand(keys.map(Number))}
          onSelect={(keys) => {
            const key = keys[0];
            if (key !== undefined) {
              onSelect(Number(key));
            }
          }}
          // A county scope has hundreds of orgs: switch to a virtual list with a fixed height.
          {...(orgs.length > VIRTUAL_THRESHOLD
            ? { height: 640 }
            : { style: { maxHeight: 'calc(100vh - 300px)', minHeight: 320, overflow: 'auto' } })}
        />
      )}
    </div>
  );
}
