import { App, Button, Dropdown, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { errorMessage } from '../../api/client';
import { useCompliance, useExemption, type PersonStudy } from '../../api/meetings';
import { useMe } from '../../auth/session';
import { QueryError } from '../../components/query-error';
import { mt } from '../../locales/zh-CN/meetings';

interface Row extends PersonStudy {
  branch: string;
}

function StateCell({ p }: { p: PersonStudy }) {
  switch (p.state) {
    case 'met':
      return <Tag color="success">已达到</Tag>;
    case 'exempt':
      return <Tag>免于要求：{p.exemptReason}</Tag>;
    case 'behind':
      return (
        <Tag color="warning">
          {mt('training.hours.behind', { hours: p.shortfall, months: p.monthsLeft })}
          {p.rule === 'EDU-14' && p.centralizedCount === 0
            ? `，${mt('training.hours.noCentralized')}`
            : ''}
        </Tag>
      );
    case 'missing':
      return (
        <Tag color="error">
          {mt('training.hours.missing', { hours: p.shortfall })}
          {p.rule === 'EDU-14' && p.centralizedCount === 0
            ? `，${mt('training.hours.noCentralized')}`
            : ''}
        </Tag>
      );
  }
}

const EXEMPT_REASONS = ['年老体弱、行动不便', '重病', '失能'];
const WRITE_ROLES = ['countyAdmin', 'townshipOrganizer', 'branchSecretary'];

function ExemptAction({ p }: { p: PersonStudy }) {
  const { message } = App.useApp();
  const exemption = useExemption();
  const run = async (reason: string | null) => {
    try {
      await exemption.mutateAsync({ personId: p.personId, reason });
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  if (p.state === 'exempt') {
    return (
      <Button size="small" loading={exemption.isPending} onClick={() => void run(null)}>
        取消免于要求
      </Button>
    );
  }
  return (
    <Dropdown
      menu={{
        items: EXEMPT_REASONS.map((r) => ({ key: r, label: r })),
        onClick: ({ key }) => void run(key),
      }}
    >
      <Button size="small" loading={exemption.isPending}>
        登记免于要求
      </Button>
    </Dropdown>
  );
}

export function HoursTab({ year }: { year: number }) {
  const me = useMe();
  const canWrite = WRITE_ROLES.includes(me.role);
  const report = useCompliance(year);
  const [onlyBehind, setOnlyBehind] = useState(false);
  const [branch, setBranch] = useState<string | undefined>(undefined);
  const rows = useMemo<Row[]>(
    () =>
      (report.data?.branches ?? []).flatMap((b) => b.study.map((p) => ({ ...p, branch: b.name }))),
    [report.data],
  );
  if (report.error) {
    return <QueryError error={report.error} />;
  }
  const shown = rows.filter(
    (r) =>
      (branch === undefined || r.branch === branch) &&
      (!onlyBehind || r.state === 'behind' || r.state === 'missing'),
  );
  const summary = (report.data?.branches ?? []).map((b) => ({
    name: b.name,
    people: b.study.length,
    met: b.study.filter((p) => p.state === 'met').length,
    behind: b.study.filter((p) => p.state === 'behind').length,
    missing: b.study.filter((p) => p.state === 'missing').length,
    exempt: b.study.filter((p) => p.state === 'exempt').length,
  }));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        党员每年集中学习培训一般不少于32学时（《中国共产党党员教育管理工作条例》第二十条）；支部书记和委员56学时且至少1次集中培训（全国党员教育培训工作规划，现行规划的数字未核实）。年老体弱、行动不便等已登记的党员不计入。
      </Typography.Text>
      <Table
        size="small"
        rowKey="name"
        title={() => mt('training.hours.branchSummary')}
        loading={report.isLoading}
        dataSource={summary}
        pagination={false}
        scroll={{ y: 240 }}
        columns={[
          { title: '党支部', dataIndex: 'name' },
          { title: '人数', dataIndex: 'people', width: 70 },
          { title: '已达到', dataIndex: 'met', width: 80 },
          { title: '尚差', dataIndex: 'behind', width: 70 },
          { title: '未达到', dataIndex: 'missing', width: 80 },
          { title: '免于要求', dataIndex: 'exempt', width: 90 },
        ]}
      />
      <Space wrap>
        <Select
          aria-label="党支部"
          allowClear
          showSearch
          placeholder="全部党支部"
          value={branch}
          onChange={(v: string | undefined) => setBranch(v)}
          options={summary.map((s) => ({ value: s.name, label: s.name }))}
          style={{ width: 220 }}
        />
        <Space>
          <Switch
            checked={onlyBehind}
            onChange={setOnlyBehind}
            aria-label={mt('training.hours.onlyBehind')}
          />
          {mt('training.hours.onlyBehind')}
        </Space>
      </Space>
      <Table<Row>
        size="small"
        rowKey={(r) => `${r.branch}-${r.personId}`}
        loading={report.isLoading}
        dataSource={shown}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { title: '党支部', dataIndex: 'branch', width: 160 },
          { title: '姓名', dataIndex: 'name', width: 90 },
          {
            title: mt('training.hours.requirement'),
            key: 'req',
            width: 130,
            render: (_, p) => (p.rule === 'EDU-14' ? '书记/委员 56' : '党员 32'),
          },
          { title: mt('training.hours.meeting'), dataIndex: 'meetingHours', width: 90 },
          { title: mt('training.hours.training'), dataIndex: 'trainingHours', width: 90 },
          { title: mt('training.hours.total'), dataIndex: 'totalHours', width: 70 },
          {
            title: mt('training.hours.state'),
            key: 'state',
            render: (_, p) => <StateCell p={p} />,
          },
          ...(canWrite
            ? [
                {
                  title: '年老体弱等（EDU-06）',
                  key: 'exempt',
                  width: 150,
                  render: (_: unknown, p: Row) => <ExemptAction p={p} />,
                },
              ]
            : []),
        ]}
      />
    </Space>
  );
}
