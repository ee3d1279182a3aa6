import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  Input,
  Row,
  Select,
  Space,
  Statistic,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { usePipeline, type PipelineItem, type Stage } from '../../api/recruitment';
import { useMe } from '../../auth/session';
import { QueryError } from '../../components/query-error';
import { rt } from '../../locales/zh-CN/recruitment';
import { CreateDossierModal } from './create-dossier-modal';
import { ImportModal } from './import-modal';
import { canWrite, SeverityTag, STAGE_ORDER, stageLabel, StageTag } from './shared';

export function PipelineTab() {
  const me = useMe();
  const navigate = useNavigate();
  const [orgId, setOrgId] = useState<number | undefined>();
  const [stage, setStage] = useState<Stage | undefined>();
  const [q, setQ] = useState('');
  const [problemsOnly, setProblemsOnly] = useState(false);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const pipeline = usePipeline({ orgId, stage, q, problemsOnly });

  if (pipeline.isError) {
    return <QueryError error={pipeline.error} onRetry={() => void pipeline.refetch()} />;
  }
  const data = pipeline.data;
  const branches = data?.branches ?? [];

  return (
    <div>
      <Row gutter={12} style={{ marginBottom: 16 }}>
        {STAGE_ORDER.map((s) => (
          <Col key={s} xs={12} md={4}>
            <Card
              size="small"
              hoverable
              onClick={() => setStage(stage === s ? undefined : s)}
              style={stage === s ? { borderColor: '#c0392b' } : undefined}
              data-testid={`stage-total-${s}`}
            >
              <Statistic title={stageLabel(s)} value={data?.totals[s] ?? 0} suffix="人" />
            </Card>
          </Col>
        ))}
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic
              title={rt('recruitment.list.overdue')}
              value={data?.items.filter((i) => i.overdue).length ?? 0}
              styles={{ content: { color: '#c0392b' } }}
              suffix="人"
            />
          </Card>
        </Col>
      </Row>

      <Card
        size="small"
        style={{ marginBottom: 16 }}
        title={rt('recruitment.byBranch')}
        styles={{ body: { padding: 0 } }}
      >
        <Table
          size="small"
          rowKey="orgId"
          pagination={false}
          scroll={{ y: 240 }}
          dataSource={branches.filter((b) => b.total > 0 || orgId === b.orgId)}
          onRow={(b) => ({ onClick: () => setOrgId(orgId === b.orgId ? undefined : b.orgId) })}
          rowClassName={(b) => (b.orgId === orgId ? 'ant-table-row-selected' : '')}
          columns={[
            { title: '党支部', dataIndex: 'orgName' },
            ...STAGE_ORDER.map((s) => ({
              title: stageLabel(s),
              key: s,
              width: 90,
              align: 'right' as const,
              render: (_: unknown, b: (typeof branches)[number]) => b.counts[s] || '',
            })),
            { title: '合计', dataIndex: 'total', width: 80, align: 'right' as const },
          ]}
        />
      </Card>

      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          style={{ width: 220 }}
          allowClear
          placeholder={rt('recruitment.filter.branch')}
          value={orgId}
          onChange={(v: number | undefined) => setOrgId(v)}
          showSearch={{ optionFilterProp: 'label' }}
          options={branches.map((b) => ({ value: b.orgId, label: b.orgName }))}
          aria-label="党支部"
        />
        <Select
          style={{ width: 140 }}
          allowClear
          placeholder={rt('recruitment.filter.stage')}
          value={stage}
          onChange={(v: Stage | undefined) => setStage(v)}
          options={STAGE_ORDER.map((s) => ({ value: s, label: stageLabel(s) }))}
          aria-label="阶段"
        />
        <Input.Search
          allowClear
          placeholder={rt('recruitment.filter.search')}
          onSearch={(v) => setQ(v)}
          style={{ width: 220 }}
        />
        <Space>
          <Switch checked={problemsOnly} onChange={setProblemsOnly} aria-label="只看有问题的" />
          <span>{rt('recruitment.filter.problemsOnly')}</span>
        </Space>
        {canWrite(me.role) ? (
          <>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {rt('recruitment.create')}
            </Button>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              导入 Excel
            </Button>
          </>
        ) : null}
        <Button icon={<DownloadOutlined />} href="/api/recruitment/export.xlsx">
          导出 Excel
        </Button>
      </Space>

      <Table<PipelineItem>
        rowKey="id"
        size="middle"
        loading={pipeline.isPending}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        onRow={(item) => ({
          onClick: () => void navigate(`/recruitment/dossiers/${item.id}`),
          style: { cursor: 'pointer' },
        })}
        columns={[
          { title: rt('recruitment.list.code'), dataIndex: 'code', width: 120 },
          {
            title: rt('recruitment.list.name'),
            dataIndex: 'name',
            width: 90,
            render: (name: string, item) => (
              <a href={`/recruitment/dossiers/${item.id}`} onClick={(e) => e.preventDefault()}>
                {name}
              </a>
            ),
          },
          { title: rt('recruitment.list.branch'), dataIndex: 'orgName', width: 160 },
          {
            title: rt('recruitment.list.stage'),
            dataIndex: 'stage',
            width: 100,
            render: (s: Stage) => <StageTag stage={s} />,
          },
          { title: rt('recruitment.list.latest'), dataIndex: 'latestDate', width: 120 },
          {
            title: rt('recruitment.list.next'),
            key: 'next',
            width: 230,
            render: (_: unknown, item) =>
              item.next === null ? (
                <Typography.Text type="secondary">—</Typography.Text>
              ) : (
                <div>
                  <div>{item.next.title}</div>
                  <Typography.Text type={item.overdue ? 'danger' : 'secondary'}>
                    {item.next.latest
                      ? `最迟 ${item.next.latest}`
                      : item.next.earliest
                        ? `${item.next.earliest} 起可办`
                        : ''}
                  </Typography.Text>
                </div>
              ),
          },
          {
            title: rt('recruitment.list.findings'),
            key: 'findings',
            render: (_: unknown, item) => (
              <Space size={[4, 4]} wrap>
                {item.overdue ? <Tag color="red">{rt('recruitment.list.overdue')}</Tag> : null}
                {item.flagged ? <Tag color="volcano">{rt('recruitment.list.flagged')}</Tag> : null}
                {item.lateEntries > 0 ? (
                  <Tag color="purple">
                    {rt('recruitment.list.late')} {item.lateEntries}
                  </Tag>
                ) : null}
                {item.findings.slice(0, 3).map((f, i) => (
                  <span key={i} title={`${f.message}（${f.citation}）`}>
                    <SeverityTag severity={f.severity} />
                    {f.rule}
                  </span>
                ))}
              </Space>
            ),
          },
        ]}
      />
      {importing ? <ImportModal onClose={() => setImporting(false)} /> : null}
      {creating ? (
        <CreateDossierModal
          open
          branches={branches}
          defaultOrgId={orgId}
          onClose={() => setCreating(false)}
          onCreated={(id) => void navigate(`/recruitment/dossiers/${id}`)}
        />
      ) : null}
    </div>
  );
}
