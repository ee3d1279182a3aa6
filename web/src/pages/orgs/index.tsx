import { Alert, Card, Col, Empty, Row, Skeleton } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useOrgKinds, useOrgs } from '../../api/queries';
import { canManage, type Org } from '../../api/types';
import { useMe } from '../../auth/session';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { ancestorIds, buildOrgForest } from '../../lib/org-tree';
import { t } from '../../locales';
import { OrgDetail } from './components/org-detail';
import { OrgTreePanel } from './components/org-tree-panel';
import './orgs.css';

export function OrgsPage() {
  const me = useMe();
  const orgs = useOrgs();
  const kinds = useOrgKinds();
  const [searchParams] = useSearchParams();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [expandedIds, setExpandedIds] = useState<number[]>([]);
  const items = useMemo(() => orgs.data ?? [], [orgs.data]);
  const forest = useMemo(() => buildOrgForest(items), [items]);
  const selected = items.find((org) => org.id === selectedId) ?? null;
  const editable = canManage(me.role);

  // First load: select the org named in ?org= (from the workbench) or the scope root, and open
  // the first two levels.
  useEffect(() => {
    if (items.length > 0 && selectedId === null) {
      const root = items[0];
      const wanted = Number(searchParams.get('org'));
      const initial = items.find((org) => org.id === wanted) ?? root;
      const open = items.filter((org) => org.depth <= (root?.depth ?? 0)).map((org) => org.id);
      if (initial) {
        setSelectedId(initial.id);
        open.push(...ancestorIds(items, initial.id));
      }
      setExpandedIds(Array.from(new Set(open)));
    }
  }, [items, selectedId, searchParams]);

  /** Select an org (e.g. one just created) and open the branches leading to it. */
  const reveal = (id: number, list: readonly Org[] = items) => {
    setSelectedId(id);
    setExpandedIds((open) => Array.from(new Set([...open, ...ancestorIds(list, id)])));
  };

  if (orgs.isError) {
    return <QueryError error={orgs.error} onRetry={() => void orgs.refetch()} />;
  }

  return (
    <div>
      <PageHeader title={t('org.page.title')} description={t('org.page.description')} />
      {!editable ? (
        <Alert type="info" showIcon title={t('common.readOnlyHint')} style={{ marginBottom: 16 }} />
      ) : null}
      <Row gutter={16}>
        <Col xs={24} lg={11} xxl={9}>
          <Card title={t('org.tree.title')} styles={{ body: { paddingTop: 12 } }}>
            {orgs.isPending ? (
              <Skeleton active />
            ) : forest.length === 0 ? (
              <Empty description={t('org.tree.empty')} />
            ) : (
              <OrgTreePanel
                orgs={items}
                forest={forest}
                selectedId={selectedId}
                expandedIds={expandedIds}
                onSelect={setSelectedId}
                onExpand={setExpandedIds}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={13} xxl={15}>
          <Card title={t('org.detail.title')}>
            {selected ? (
              <OrgDetail
                org={selected}
                orgs={items}
                kinds={kinds.data ?? []}
                editable={editable}
                isScopeRoot={selected.id === items[0]?.id}
                onCreated={(created, list) => reveal(created.id, list)}
                onRemoved={(removed) => setSelectedId(removed.parentId)}
                onMoved={(moved, list) => reveal(moved.id, list)}
              />
            ) : (
              <Empty description={t('org.detail.pick')} />
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
