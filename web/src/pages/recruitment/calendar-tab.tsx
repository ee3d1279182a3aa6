import { DownloadOutlined } from '@ant-design/icons';
import { Button, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useCalendar, type CalendarData } from '../../api/recruitment';
import { QueryError } from '../../components/query-error';
import { rt } from '../../locales/zh-CN/recruitment';

const KIND = {
  overdue: { label: '已逾期', color: 'red' },
  due: { label: '到期', color: 'orange' },
  opens: { label: '可办理', color: 'blue' },
} as const;

export function CalendarTab() {
  const [days, setDays] = useState(30);
  const navigate = useNavigate();
  const calendar = useCalendar(days);
  if (calendar.isError) {
    return <QueryError error={calendar.error} onRetry={() => void calendar.refetch()} />;
  }
  type Item = CalendarData['items'][number];
  return (
    <div>
      <Space style={{ marginBottom: 12 }} wrap>
        <Segmented
          value={days}
          onChange={(v) => setDays(Number(v))}
          options={[30, 60, 90].map((n) => ({
            value: n,
            label: rt('recruitment.calendar.days', { days: n }),
          }))}
        />
        <Typography.Text type="secondary">
          {calendar.data
            ? `${calendar.data.asOf} 至 ${calendar.data.until}，共 ${calendar.data.items.length} 项`
            : ''}
        </Typography.Text>
        <Button icon={<DownloadOutlined />} href={`/api/recruitment/calendar.xlsx?days=${days}`}>
          {rt('recruitment.calendar.export')}
        </Button>
      </Space>
      <Table<Item>
        rowKey={(i) => `${i.dossierId}-${i.step}`}
        size="middle"
        loading={calendar.isPending}
        dataSource={calendar.data?.items ?? []}
        pagination={{ pageSize: 25, showSizeChanger: false }}
        onRow={(i) => ({
          onClick: () => void navigate(`/recruitment/dossiers/${i.dossierId}`),
          style: { cursor: 'pointer' },
        })}
        columns={[
          {
            title: '状态',
            dataIndex: 'kind',
            width: 90,
            render: (k: Item['kind']) => <Tag color={KIND[k].color}>{KIND[k].label}</Tag>,
          },
          { title: '日期', dataIndex: 'on', width: 110 },
          { title: '步骤', dataIndex: 'title' },
          { title: '姓名', dataIndex: 'name', width: 90 },
          { title: '阶段', dataIndex: 'stageLabel', width: 90 },
          { title: '党支部', dataIndex: 'orgName' },
          {
            title: '合规日期',
            key: 'window',
            render: (_: unknown, i) => `${i.earliest ?? '—'} 至 ${i.latest ?? '不限'}`,
          },
          { title: '规则', dataIndex: 'rule', width: 110 },
        ]}
      />
    </div>
  );
}
