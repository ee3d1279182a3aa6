import { Alert, Card, Empty, List, Space, Typography } from 'antd';
import { useCompliance } from '../../api/meetings';
import { QueryError } from '../../components/query-error';
import { mt } from '../../locales/zh-CN/meetings';

export function ReviewTab({ year }: { year: number }) {
  const report = useCompliance(year);
  if (report.error) {
    return <QueryError error={report.error} />;
  }
  const branches = report.data?.branches ?? [];
  const lapse = branches.flatMap((b) =>
    b.findings.filter((f) => f.rule === 'EDU-11').map((f) => ({ ...f, branch: b.name })),
  );
  const committee = branches.flatMap((b) =>
    b.findings.filter((f) => f.rule === 'BR-04').map((f) => ({ ...f, branch: b.name })),
  );
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={mt('meetings.review.lapse')} loading={report.isLoading}>
        {lapse.length === 0 ? (
          <Empty description={mt('meetings.review.none')} />
        ) : (
          <List
            size="small"
            dataSource={lapse}
            renderItem={(f) => (
              <List.Item>
                <List.Item.Meta
                  title={`${f.branch}：${f.message}`}
                  description={<Typography.Text type="secondary">{f.citation}</Typography.Text>}
                />
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card size="small" title={mt('meetings.review.committee')} loading={report.isLoading}>
        {committee.length === 0 ? (
          <Empty description={mt('meetings.review.none')} />
        ) : (
          committee.map((f) => (
            <Alert
              key={f.message}
              type="error"
              showIcon
              message={f.message}
              description={f.citation}
              style={{ marginBottom: 8 }}
            />
          ))
        )}
      </Card>
    </Space>
  );
}
