import { Card, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { useVillages, type VillageSummary } from '../../../api/roster';
import { QueryError } from '../../../components/query-error';

export function VillagesTab() {
  const villages = useVillages();
  if (villages.isError) {
    return <QueryError error={villages.error} onRetry={() => void villages.refetch()} />;
  }
  return (
    <Card>
      <Table<VillageSummary>
        rowKey="id"
        size="middle"
        loading={villages.isFetching}
        dataSource={villages.data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          {
            title: '村（社区）党组织',
            dataIndex: 'name',
            render: (name: string, v) => <Link to={`/villages/${v.id}`}>{name}</Link>,
          },
          { title: '类型', dataIndex: 'kindLabel', width: 90 },
          { title: '党员数', dataIndex: 'members', width: 90 },
          {
            title: '书记',
            dataIndex: 'secretaryName',
            width: 100,
            render: (v: string | null) => v ?? <Tag color="red">空缺</Tag>,
          },
          {
            title: '书记、主任“一肩挑”',
            dataIndex: 'isOneShoulder',
            width: 150,
            render: (v: boolean) =>
              v ? <Tag color="green">是</Tag> : <Tag color="orange">否</Tag>,
          },
          {
            title: '本届任期届满',
            dataIndex: 'termEnd',
            width: 130,
            render: (v: string | null) => v ?? '—',
          },
          { title: '不在本地', dataIndex: 'awayCount', width: 100 },
        ]}
      />
    </Card>
  );
}
