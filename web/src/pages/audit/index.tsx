import { Card, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useAuditPage } from '../../api/queries';
import type { AuditEntry } from '../../api/types';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { t, tOr } from '../../locales';

export function AuditPage() {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const audit = useAuditPage(page, pageSize);

  if (audit.isError) {
    return <QueryError error={audit.error} onRetry={() => void audit.refetch()} />;
  }

  return (
    <div>
      <PageHeader title={t('audit.page.title')} description={t('audit.page.description')} />
      <Card>
        <Table<AuditEntry>
          rowKey="seq"
          size="middle"
          loading={audit.isFetching}
          dataSource={audit.data?.items ?? []}
          pagination={{
            current: page,
            pageSize,
            total: audit.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (total) => t('audit.total', { count: total }),
            onChange: (nextPage, nextSize) => {
              setPage(nextSize === pageSize ? nextPage : 1);
              setPageSize(nextSize);
            },
          }}
          columns={[
            { title: t('audit.field.seq'), dataIndex: 'seq', width: 80 },
            {
              title: t('audit.field.at'),
              dataIndex: 'at',
              width: 170,
              render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss'),
            },
            { title: t('audit.field.actor'), dataIndex: 'actorName', width: 120 },
            {
              title: t('audit.field.action'),
              dataIndex: 'actionLabel',
              width: 130,
              render: (label: string) => <Tag>{label}</Tag>,
            },
            {
              title: t('audit.field.entity'),
              key: 'entity',
              width: 130,
              render: (_value: unknown, entry) => (
                <Typography.Text type="secondary">
                  {tOr(`audit.entityType.${entry.entityType}`, entry.entityType)} #{entry.entityId}
                </Typography.Text>
              ),
            },
            { title: t('audit.field.summary'), dataIndex: 'summary' },
          ]}
        />
      </Card>
    </div>
  );
}
