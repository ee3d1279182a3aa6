import { PrinterOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
} from 'antd';
import { Link, useParams } from 'react-router';
import { useVillageProfile, type CadrePost } from '../../api/roster';
import { PageHeader } from '../../components/page-header';
import { PageSpinner } from '../../components/page-spinner';
import { QueryError } from '../../components/query-error';
import { ChartCard } from '../members/components/chart';
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
      render: (name: string) => (
        <Space size={4} style={{ whiteSpace: 'nowrap' }}>
          {name}
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
      render: (_: unknown, r: CadrePost) => `${r.termStart} 至 ${r.termEnd ?? '—'}`,
    },
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
      <Card title="两委班子" style={{ marginBottom: 12 }}>
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
        <Col xs={24} md={12}>
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
        <Col xs={24} md={12}>
          <Card title="后备干部" style={{ marginBottom: 12 }}>
            {p.reserves.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未登记后备干部" />
            ) : (
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={p.reserves}
                columns={[
                  { title: '姓名', dataIndex: 'name', width: 80 },
                  { title: '年龄', dataIndex: 'age', width: 60 },
                  { title: '学历', dataIndex: 'education', width: 70 },
                  {
                    title: '成熟度',
                    dataIndex: 'readinessLabel',
                    width: 80,
                    render: (v: string) => (
                      <Tag color={v === '成熟' ? 'green' : 'default'}>{v}</Tag>
                    ),
                  },
                  { title: '培养方向', dataIndex: 'targetPost', width: 110 },
                  { title: '说明', dataIndex: 'notes' },
                ]}
              />
            )}
          </Card>
        </Col>
      </Row>
      <Card title="组织检查" style={{ marginBottom: 12 }}>
        {p.findings.length === 0 ? (
          <Alert type="success" showIcon title="未发现问题" />
        ) : (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {p.findings.map((f, i) => (
              <Alert
                key={i}
                type="warning"
                showIcon
                title={f.message}
                description={`${f.ruleId} ${f.citation}`}
              />
            ))}
          </Space>
        )}
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
    </div>
  );
}
