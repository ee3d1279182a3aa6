import { PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Popconfirm,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../api/client';
import {
  removeReserve,
  rosterKeys,
  useVillageProfile,
  type CadrePost,
  type VillageProfile,
} from '../../api/roster';
import { useMe } from '../../auth/session';
import { PageHeader } from '../../components/page-header';
import { PageSpinner } from '../../components/page-spinner';
import { QueryError } from '../../components/query-error';
import { ChartCard } from '../members/components/chart';
import { AppointModal, EndPostModal, ReserveModal } from './cadre-forms';
import { OrgFindings } from './org-findings';
import './village.css';

const BODIES = [
  { key: 'partyOrg', label: '村党组织' },
  { key: 'villagersCommittee', label: '村民委员会' },
  { key: 'supervisoryCommittee', label: '村务监督委员会' },
] as const;

/** 村情档案: one village's 两委, indicators, members and checks; prints on A4. */
export function VillagePage() {
  const id = Number(useParams().id);
  const profile = useVillageProfile(id);
  const me = useMe();
  const canEdit = me.role === 'countyAdmin' || me.role === 'townshipOrganizer';
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [appointing, setAppointing] = useState(false);
  const [ending, setEnding] = useState<CadrePost | null>(null);
  const [addingReserve, setAddingReserve] = useState(false);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: rosterKeys.all });
  };
  if (profile.isError) {
    return <QueryError error={profile.error} onRetry={() => void profile.refetch()} />;
  }
  const p = profile.data;
  if (!p) {
    return <PageSpinner />;
  }
  const crossSet = new Set(p.crossAppointedNames);
  const postColumns = [
    { title: '职务', dataIndex: 'titleLabel', width: 90 },
    {
      title: '姓名',
      dataIndex: 'name',
      width: 170,
      render: (name: string, r: CadrePost) => (
        <Space size={4} style={{ whiteSpace: 'nowrap' }}>
          {name}
          {p.isOneShoulder && name === p.secretaryName && r.title !== 'member' ? (
            <Tag color="green">一肩挑</Tag>
          ) : null}
          {crossSet.has(name) ? <Tag color="blue">交叉任职</Tag> : null}
        </Space>
      ),
    },
    { title: '性别', dataIndex: 'gender', width: 60 },
    { title: '年龄', dataIndex: 'age', width: 60 },
    { title: '学历', dataIndex: 'education', width: 80 },
    {
      title: '政治面貌',
      dataIndex: 'isPartyMember',
      width: 90,
      render: (v: boolean) => (v ? '中共党员' : '群众'),
    },
    {
      title: '任期',
      key: 'term',
      width: 200,
      render: (_: unknown, r: CadrePost) => `${r.termStart} 至 ${r.termEnd ?? '—'}`,
    },
    ...(canEdit
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 70,
            className: 'zg-no-print',
            render: (_: unknown, r: CadrePost) => (
              <Button size="small" type="link" onClick={() => setEnding(r)}>
                离任
              </Button>
            ),
          },
        ]
      : []),
  ];
  const st = p.structure;
  return (
    <div className="zg-village">
      <PageHeader
        title={`村情档案：${p.name}`}
        description={`${p.kindLabel}，党员 ${p.counts.members} 名（正式 ${p.counts.full}，预备 ${p.counts.probationary}）`}
        extra={
          <Space className="zg-no-print">
            <Link to="/members?tab=villages">返回列表</Link>
            <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
              打印
            </Button>
          </Space>
        }
      />
      <Card
        title="两委班子"
        style={{ marginBottom: 12 }}
        extra={
          canEdit ? (
            <Button
              className="zg-no-print"
              icon={<PlusOutlined />}
              onClick={() => setAppointing(true)}
            >
              任命职务
            </Button>
          ) : null
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 4 }} style={{ marginBottom: 12 }}>
          <Descriptions.Item label="书记">{p.secretaryName ?? '空缺'}</Descriptions.Item>
          <Descriptions.Item label="村委会主任">{p.directorName ?? '空缺'}</Descriptions.Item>
          <Descriptions.Item label="书记、主任“一肩挑”">
            {p.isOneShoulder ? <Tag color="green">是</Tag> : <Tag color="orange">否</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label="本届任期届满">{p.termEnd ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="下次选举日期">
            {p.nextElectionDate ?? '换届选举中未安排'}
          </Descriptions.Item>
          <Descriptions.Item label="两委成员">{p.twoCommitteesSize} 人</Descriptions.Item>
          <Descriptions.Item label="交叉任职" span={2}>
            {p.crossAppointedNames.length} 人：{p.crossAppointedNames.join('、') || '无'}
          </Descriptions.Item>
        </Descriptions>
        {BODIES.map((b) => {
          const rows = p.posts.filter((x) => x.body === b.key);
          return (
            <div key={b.key} style={{ marginBottom: 12 }}>
              <strong>{b.label}</strong>
              {rows.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未登记" />
              ) : (
                <Table<CadrePost>
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={rows}
                  columns={postColumns}
                />
              )}
            </div>
          );
        })}
      </Card>
      <Row gutter={12}>
        <Col xs={24} lg={9}>
          <Card title="党员与发展情况" style={{ marginBottom: 12 }}>
            <div className="zg-village-grid">
              <Statistic title="正式党员" value={p.counts.full} />
              <Statistic title="预备党员" value={p.counts.probationary} />
              <Statistic title="党支部" value={p.counts.branches} />
              <Statistic title="流动党员" value={p.counts.mobile} />
              <Statistic title="出国（境）" value={p.counts.abroad} />
              <Statistic title="失联" value={p.counts.lostContact} />
              <Statistic title="发展对象" value={p.pipeline.candidate} />
              <Statistic title="入党积极分子" value={p.pipeline.activist} />
              <Statistic title="入党申请人" value={p.pipeline.applicant} />
            </div>
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <Card
            title="后备干部"
            style={{ marginBottom: 12 }}
            extra={
              canEdit ? (
                <Button
                  className="zg-no-print"
                  icon={<PlusOutlined />}
                  onClick={() => setAddingReserve(true)}
                >
                  列为后备干部
                </Button>
              ) : null
            }
          >
            {p.reserves.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未登记后备干部" />
            ) : (
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={p.reserves}
                columns={[
                  { title: '姓名', dataIndex: 'name', width: 72 },
                  { title: '年龄', dataIndex: 'age', width: 56 },
                  { title: '学历', dataIndex: 'education', width: 64 },
                  {
                    title: '成熟度',
                    dataIndex: 'readinessLabel',
                    width: 76,
                    render: (v: string) => (
                      <Tag color={v === '成熟' ? 'green' : 'default'}>{v}</Tag>
                    ),
                  },
                  { title: '培养方向', dataIndex: 'targetPost', width: 110 },
                  { title: '说明', dataIndex: 'notes', render: (v: string | null) => v ?? '—' },
                  ...(canEdit
                    ? [
                        {
                          title: '操作',
                          key: 'actions',
                          width: 64,
                          className: 'zg-no-print',
                          render: (_: unknown, r: VillageProfile['reserves'][number]) => (
                            <Popconfirm
                              title={`将${r.name}移出后备干部？`}
                              okText="移出"
                              cancelText="取消"
                              onConfirm={async () => {
                                try {
                                  await removeReserve(r.id);
                                  void message.success(`已将${r.name}移出后备干部`);
                                  refresh();
                                } catch (e) {
                                  void message.error(errorMessage(e));
                                }
                              }}
                            >
                              <Button size="small" type="link" danger>
                                移出
                              </Button>
                            </Popconfirm>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            )}
          </Card>
        </Col>
      </Row>
      <Card title="组织设置检查" style={{ marginBottom: 12 }}>
        <OrgFindings findings={p.findings} showOrg />
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={12}>
          <ChartCard
            title="年龄结构"
            height={220}
            categories={st.ageBands.map((x) => x.label)}
            series={[{ name: '人数', values: st.ageBands.map((x) => x.count) }]}
          />
        </Col>
        <Col xs={24} md={12}>
          <ChartCard
            title="党龄结构"
            height={220}
            categories={st.partyYears.map((x) => x.label)}
            series={[{ name: '人数', values: st.partyYears.map((x) => x.count) }]}
          />
        </Col>
        <Col xs={24} md={12}>
          <ChartCard
            title="学历"
            height={220}
            categories={st.education.map((x) => x.label)}
            series={[{ name: '人数', values: st.education.map((x) => x.count) }]}
          />
        </Col>
        <Col xs={24} md={12}>
          <ChartCard
            title="性别"
            kind="pie"
            height={220}
            categories={st.gender.map((x) => x.label)}
            series={[{ name: '人数', values: st.gender.map((x) => x.count) }]}
          />
        </Col>
      </Row>
      <AppointModal
        open={appointing}
        village={p}
        onClose={() => setAppointing(false)}
        onDone={() => {
          setAppointing(false);
          void message.success('已任命');
          refresh();
        }}
      />
      <EndPostModal
        post={ending}
        onClose={() => setEnding(null)}
        onDone={() => {
          setEnding(null);
          void message.success('已办理离任');
          refresh();
        }}
      />
      <ReserveModal
        open={addingReserve}
        village={p}
        onClose={() => setAddingReserve(false)}
        onDone={() => {
          setAddingReserve(false);
          void message.success('已列为后备干部');
          refresh();
        }}
      />
    </div>
  );
}
