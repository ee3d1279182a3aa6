import {
  ApartmentOutlined,
  AuditOutlined,
  ClusterOutlined,
  TeamOutlined,
  UserOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import { Card, Col, Row, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useOrgs } from '../../api/queries';
import { canOpen, type Org } from '../../api/types';
import { useMe } from '../../auth/session';
import { QueryError } from '../../components/query-error';
import { summarizeScope } from '../../lib/org-tree';
import { t, tOr, type MessageKey } from '../../locales';
import { MODULE_LINKS, QuickLinks } from './components/quick-links';

function greetingKey(hour: number): MessageKey {
  if (hour < 12) {
    return 'workbench.greeting.morning';
  }
  if (hour < 18) {
    return 'workbench.greeting.afternoon';
  }
  return 'workbench.greeting.evening';
}

function StatCard({
  title,
  value,
  unit,
  icon,
}: {
  title: string;
  value: number;
  unit: string;
  icon: ReactNode;
}) {
  return (
    <Card>
      <Statistic
        title={title}
        value={value}
        suffix={unit}
        prefix={<span style={{ color: '#c0392b', marginRight: 4 }}>{icon}</span>}
      />
    </Card>
  );
}

export function WorkbenchPage() {
  const me = useMe();
  const navigate = useNavigate();
  const orgs = useOrgs();
  const now = dayjs();
  const summary = useMemo(() => summarizeScope(orgs.data ?? []), [orgs.data]);

  return (
    <div>
      <Card style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('workbench.welcome', { greeting: t(greetingKey(now.hour())), name: me.displayName })}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t('workbench.today', { date: now.format('YYYY年M月D日 dddd') })}
          {'　'}
          {t('workbench.scopeLine', { role: me.roleLabel, scope: me.scopeOrgName })}
        </Typography.Text>
      </Card>

      {orgs.isError ? (
        <QueryError error={orgs.error} onRetry={() => void orgs.refetch()} />
      ) : orgs.isPending ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={12} lg={6}>
              <StatCard
                title={t('workbench.stat.villages')}
                value={summary.villages.length}
                unit={t('workbench.stat.unitOrg')}
                icon={<ApartmentOutlined />}
              />
            </Col>
            <Col xs={12} lg={6}>
              <StatCard
                title={t('workbench.stat.branches')}
                value={summary.branchCount}
                unit={t('workbench.stat.unitOrg')}
                icon={<ClusterOutlined />}
              />
            </Col>
            <Col xs={12} lg={6}>
              <StatCard
                title={t('workbench.stat.partyGroups')}
                value={summary.partyGroupCount}
                unit={t('workbench.stat.unitOrg')}
                icon={<UsergroupAddOutlined />}
              />
            </Col>
            <Col xs={12} lg={6}>
              <StatCard
                title={t('workbench.stat.members')}
                value={summary.memberCount}
                unit={t('workbench.stat.unitPerson')}
                icon={<TeamOutlined />}
              />
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={9}>
              <QuickLinks
                links={[
                  ...MODULE_LINKS,
                  {
                    to: '/admin/orgs',
                    icon: <ClusterOutlined />,
                    title: 'menu.system.orgs',
                    description: 'workbench.link.orgs',
                  },
                  ...(canOpen('accounts', me.role)
                    ? [
                        {
                          to: '/admin/accounts',
                          icon: <UserOutlined />,
                          title: 'menu.system.accounts' as const,
                          description: 'workbench.link.accounts' as const,
                        },
                      ]
                    : []),
                  ...(canOpen('audit', me.role)
                    ? [
                        {
                          to: '/admin/audit',
                          icon: <AuditOutlined />,
                          title: 'menu.system.audit' as const,
                          description: 'workbench.link.audit' as const,
                        },
                      ]
                    : []),
                ]}
              />
            </Col>
            <Col xs={24} xl={15}>
              <Card title={t('workbench.villages.title')} styles={{ body: { padding: 0 } }}>
                <Table<Org>
                  rowKey="id"
                  size="small"
                  dataSource={summary.villages}
                  pagination={
                    summary.villages.length > 20
                      ? { pageSize: 20, showSizeChanger: false, size: 'small' }
                      : false
                  }
                  locale={{ emptyText: t('workbench.villages.empty') }}
                  columns={[
                    {
                      title: t('workbench.villages.name'),
                      dataIndex: 'name',
                      render: (name: string, org) => (
                        <Typography.Link onClick={() => void navigate(`/admin/orgs?org=${org.id}`)}>
                          {name}
                        </Typography.Link>
                      ),
                    },
                    {
                      title: t('workbench.villages.kind'),
                      dataIndex: 'kind',
                      width: 96,
                      render: (_kind: Org['kind'], org) => (
                        <Tag>{tOr(`org.kind.${org.kind}`, org.kindLabel)}</Tag>
                      ),
                    },
                    {
                      title: t('workbench.villages.groups'),
                      width: 96,
                      align: 'right',
                      dataIndex: 'childCount',
                    },
                    {
                      title: t('workbench.villages.members'),
                      dataIndex: 'memberCount',
                      width: 80,
                      align: 'right',
                    },
                  ]}
                />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </div>
  );
}
