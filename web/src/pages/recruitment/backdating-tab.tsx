import { Card, Empty, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useBackdatingReport, type BackdatingReport } from '../../api/recruitment';
import { QueryError } from '../../components/query-error';
import { rt } from '../../locales/zh-CN/recruitment';
import { SettingsCard } from './settings-card';

const KIND_COLORS: Record<string, string> = {
  late: 'purple',
  batch: 'magenta',
  dependency: 'gold',
  holiday: 'default',
  flagged: 'volcano',
};

export function BackdatingTab() {
  const report = useBackdatingReport();
  const navigate = useNavigate();
  if (report.isError) {
    return <QueryError error={report.error} onRetry={() => void report.refetch()} />;
  }
  if (report.isPending) {
    return <Skeleton active />;
  }
  type Item = BackdatingReport['branches'][number]['items'][number];
  if (report.data.branches.length === 0) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <SettingsCard />
        <Empty description={rt('recruitment.backdating.empty')} />
      </Space>
    );
  }
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <SettingsCard />
      <Typography.Text type="secondary">
        补录、集中补录、材料日期倒置和节假日审批是核查提示（依据巡察审查常见问题），不是违规结论；“标记问题”是带错误保存的步骤及其原因。
      </Typography.Text>
      {report.data.branches.map((b) => (
        <Card key={b.orgId} size="small" title={`${b.orgName}（${b.items.length} 项）`}>
          <Table<Item>
            size="small"
            rowKey={(i, k) => `${i.dossierId}-${i.kind}-${i.step}-${String(k)}`}
            pagination={false}
            dataSource={b.items}
            onRow={(i) => ({
              onClick: () => void navigate(`/recruitment/dossiers/${i.dossierId}`),
              style: { cursor: 'pointer' },
            })}
            columns={[
              {
                title: '类型',
                dataIndex: 'kindLabel',
                width: 110,
                render: (label: string, i) => <Tag color={KIND_COLORS[i.kind]}>{label}</Tag>,
              },
              { title: '姓名', dataIndex: 'name', width: 80 },
              { title: '步骤', dataIndex: 'title', width: 160 },
              { title: '情况', dataIndex: 'message' },
              { title: '原因', dataIndex: 'reason', width: 200 },
            ]}
          />
        </Card>
      ))}
    </Space>
  );
}
