import { DownloadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Collapse,
  Descriptions,
  Drawer,
  Empty,
  List,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import {
  download,
  useCompliance,
  useMeetings,
  type BranchRow,
  type ComplianceCell,
  type ComplianceReport,
} from '../../api/meetings';
import { useOrgs } from '../../api/queries';
import { QueryError } from '../../components/query-error';
import { mt } from '../../locales/zh-CN/meetings';
import { KIND_LABELS, RULE_KIND, StateTag, yearOptions } from './shared';

interface MatrixRow {
  key: string;
  branch: BranchRow;
  firstOfBranch: boolean;
  branchRows: number;
  rule: string;
  subject: string | null;
  cells: Map<string, ComplianceCell>;
}

interface Drill {
  branch: BranchRow;
  cell: ComplianceCell;
  label: string;
  start: string;
  end: string;
}

function periodColumns(report: ComplianceReport) {
  const usesHalves = report.branches.some((b) => b.cells.some((c) => c.period.endsWith('-H1')));
  return [
    ...report.periods.months,
    ...report.periods.quarters,
    ...(usesHalves ? report.periods.halves : []),
    report.periods.year,
  ];
}

function buildRows(report: ComplianceReport): MatrixRow[] {
  const rows: MatrixRow[] = [];
  for (const b of report.branches) {
    const groups = new Map<string, MatrixRow>();
    for (const c of b.cells) {
      const key = `${b.orgId}|${c.rule}|${c.subject ?? ''}`;
      let row = groups.get(key);
      if (row === undefined) {
        row = {
          key,
          branch: b,
          firstOfBranch: false,
          branchRows: 0,
          rule: c.rule,
          subject: c.subject,
          cells: new Map(),
        };
        groups.set(key, row);
      }
      row.cells.set(c.period.endsWith('-secretary') ? String(report.year) : c.period, c);
    }
    const list = [...groups.values()];
    list.forEach((r, i) => {
      r.firstOfBranch = i === 0;
      r.branchRows = list.length;
    });
    rows.push(...list);
  }
  return rows;
}

function DrillDrawer({ drill, onClose }: { drill: Drill | null; onClose: () => void }) {
  const kind = drill === null ? undefined : RULE_KIND[drill.cell.rule];
  const meetings = useMeetings(
    { orgId: drill?.branch.orgId, from: drill?.start, to: drill?.end, kind },
    drill !== null && kind !== undefined,
  );
  const ids = new Set(drill?.cell.meetingIds ?? []);
  const items = (meetings.data ?? []).filter((m) => ids.has(m.id));
  return (
    <Drawer
      open={drill !== null}
      onClose={onClose}
      width={520}
      title={
        drill === null
          ? ''
          : mt('meetings.drill.title', {
              branch: drill.branch.name,
              rule: `${drill.cell.rule}${drill.cell.subject ? ` ${drill.cell.subject}` : ''}`,
              period: drill.label,
            })
      }
    >
      {drill !== null ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <StateTag state={drill.cell.state} />
          <Typography.Text type="secondary">
            {drill.start} 至 {drill.end}：应 {drill.cell.required} 次，实有 {drill.cell.found} 次
            {drill.cell.note ? `（${drill.cell.note}）` : ''}
          </Typography.Text>
          {drill.branch.findings
            .filter((f) => f.rule === drill.cell.rule && f.period === drill.cell.period)
            .map((f) => (
              <Alert
                key={f.message}
                type="warning"
                showIcon
                message={f.message}
                description={f.citation}
              />
            ))}
          {items.length === 0 ? (
            <Empty description={mt('meetings.drill.none')} />
          ) : (
            <List
              dataSource={items}
              renderItem={(m) => (
                <List.Item>
                  <List.Item.Meta
                    title={`${m.date} ${KIND_LABELS[m.kind]}${m.groupName ? `（${m.groupName}）` : ''}`}
                    description={`${m.topic} · ${m.presenterName} · ${mt('meetings.record.count', { present: m.presentCount, absent: m.absentCount })}`}
                  />
                </List.Item>
              )}
            />
          )}
        </Space>
      ) : null}
    </Drawer>
  );
}

export function ComplianceTab({ year, onYear }: { year: number; onYear: (y: number) => void }) {
  const [orgId, setOrgId] = useState<number | undefined>(undefined);
  const report = useCompliance(year, orgId);
  const orgs = useOrgs();
  const [drill, setDrill] = useState<Drill | null>(null);
  const data = report.data;
  const rows = useMemo(() => (data ? buildRows(data) : []), [data]);
  if (report.error) {
    return <QueryError error={report.error} />;
  }
  const periods = data ? periodColumns(data) : [];
  const ruleTitle = (id: string) => data?.rules.find((r) => r.id === id)?.shortTitle ?? id;
  const columns: ColumnsType<MatrixRow> = [
    {
      title: '党支部',
      key: 'branch',
      fixed: 'left',
      width: 130,
      onCell: (r) => ({ rowSpan: r.firstOfBranch ? r.branchRows : 0 }),
      render: (_, r) => r.branch.name,
    },
    {
      title: '要求',
      key: 'rule',
      fixed: 'left',
      width: 150,
      render: (_, r) => (
        <span title={data?.rules.find((x) => x.id === r.rule)?.title}>
          {ruleTitle(r.rule)}
          {r.subject ? <Typography.Text type="secondary">（{r.subject}）</Typography.Text> : null}
        </span>
      ),
    },
    ...periods.map((p) => ({
      title: p.label,
      key: p.key,
      align: 'center' as const,
      width: p.kind === 'month' ? 44 : 56,
      render: (_: unknown, r: MatrixRow) => {
        const c = r.cells.get(p.key);
        if (c === undefined) {
          return null;
        }
        return (
          <span
            role="button"
            tabIndex={0}
            aria-label={`${r.branch.name} ${ruleTitle(r.rule)} ${p.label} ${mt(`meetings.state.${c.state}`)}`}
            onClick={() =>
              setDrill({ branch: r.branch, cell: c, label: p.label, start: p.start, end: p.end })
            }
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                setDrill({ branch: r.branch, cell: c, label: p.label, start: p.start, end: p.end });
              }
            }}
          >
            <StateTag state={c.state} compact />
          </span>
        );
      },
    })),
  ];
  const exportUrl = `/api/compliance/export?year=${year}${orgId ? `&orgId=${orgId}` : ''}`;
  const orgOptions = (orgs.data ?? [])
    .filter((o) => o.kind !== 'partyGroup' && o.kind !== 'countyDepartment')
    .map((o) => ({ value: o.id, label: `${'　'.repeat(Math.max(0, o.depth - 1))}${o.name}` }));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          aria-label={mt('meetings.year')}
          value={year}
          options={yearOptions()}
          onChange={onYear}
          style={{ width: 110 }}
        />
        <Select
          aria-label={mt('meetings.org')}
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={mt('meetings.org.all')}
          value={orgId}
          onChange={(v: number | undefined) => setOrgId(v)}
          options={orgOptions}
          style={{ width: 220 }}
        />
        {data ? (
          <Typography.Text type="secondary">
            {mt('meetings.asOf', { date: data.asOf })}
          </Typography.Text>
        ) : null}
        <Button icon={<DownloadOutlined />} onClick={() => download(exportUrl)}>
          {mt('meetings.export')}
        </Button>
        {orgs.data?.find((o) => o.id === orgId)?.kind === 'branch' ? (
          <Button
            icon={<DownloadOutlined />}
            onClick={() => download(`/api/meetings/branches/${orgId ?? 0}/plan?year=${year}`)}
          >
            {mt('meetings.plan')}
          </Button>
        ) : null}
        {orgs.data?.find((o) => o.id === orgId)?.kind === 'branch' ? (
          <Button
            icon={<DownloadOutlined />}
            onClick={() => download(`/api/meetings/branches/${orgId ?? 0}/plan/docx?year=${year}`)}
          >
            {mt('meetings.planDocx')}
          </Button>
        ) : null}
      </Space>
      <Typography.Text type="secondary">{mt('meetings.legend')}</Typography.Text>
      {data && data.rollups.length > 0 ? (
        <Card size="small" title={mt('meetings.rollup.title')}>
          {data.rollups.map((r) => (
            <div key={r.orgId} style={{ marginBottom: 8 }}>
              <Typography.Text strong>
                {r.name}（{r.branchCount} 个党支部）
              </Typography.Text>
              <div className="zg-ml-rollup">
                {r.rules.map((x) => (
                  <span key={x.rule}>
                    {ruleTitle(x.rule)}：
                    {mt('meetings.rollup.missing', {
                      missing: x.branchesMissing,
                      total: r.branchCount,
                    })}
                  </span>
                ))}
              </div>
              <Typography.Text type="secondary">
                {mt('meetings.rollup.study', { ...r.study })}
              </Typography.Text>
            </div>
          ))}
        </Card>
      ) : null}
      <Table<MatrixRow>
        className="zg-ml-matrix"
        size="small"
        bordered
        loading={report.isFetching}
        rowKey="key"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content', y: 560 }}
      />
      {data ? (
        <Collapse
          size="small"
          items={[
            {
              key: 'settings',
              label: mt('meetings.settings.title'),
              children: (
                <Descriptions size="small" column={1} bordered>
                  {data.settings.map((s) => (
                    <Descriptions.Item key={s.key} label={`${s.key}：${s.value}`}>
                      {s.source}
                    </Descriptions.Item>
                  ))}
                </Descriptions>
              ),
            },
            {
              key: 'rules',
              label: mt('meetings.rules.title'),
              children: (
                <List
                  size="small"
                  dataSource={data.rules}
                  renderItem={(r) => (
                    <List.Item>
                      <List.Item.Meta
                        title={`${r.id} ${r.title}`}
                        description={`${r.explanation} 依据：${r.citations.join('；')}`}
                      />
                    </List.Item>
                  )}
                />
              ),
            },
          ]}
        />
      ) : null}
      <DrillDrawer drill={drill} onClose={() => setDrill(null)} />
    </Space>
  );
}
