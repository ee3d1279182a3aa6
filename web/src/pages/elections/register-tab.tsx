import { Card, Col, Empty, Row, Skeleton, Statistic, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTermRegister, type TermView, type VillageTerms } from '../../api/elections';
import { QueryError } from '../../components/query-error';
import { et } from '../../locales/zh-CN/elections';
import { FindingLine, StatusTag } from './shared';

interface Row {
  key: string;
  village: VillageTerms;
  term: TermView;
  first: boolean;
  span: number;
}

const SUMMARY = ['expired', 'due6', 'due12', 'current', 'renewed'] as const;

/** The township view for 同步换届: every village's two bodies, their status and ELC-01. */
export function RegisterTab() {
  const register = useTermRegister();
  const rows = useMemo<Row[]>(
    () =>
      (register.data?.items ?? []).flatMap((village) =>
        village.terms.map((term, i) => ({
          key: `${village.orgId}-${term.bodyKind}`,
          village,
          term,
          first: i === 0,
          span: village.terms.length,
        })),
      ),
    [register.data],
  );
  if (register.isError) {
    return <QueryError error={register.error} onRetry={() => void register.refetch()} />;
  }
  if (register.isPending) {
    return <Skeleton active />;
  }
  const summary = register.data.summary;
  return (
    <div>
      <Row gutter={12} style={{ marginBottom: 16 }}>
        {SUMMARY.map((s) => (
          <Col key={s} xs={12} md={4}>
            <Card size="small">
              <Statistic title={et(`elections.status.${s}`)} value={summary[s] ?? 0} />
            </Card>
          </Col>
        ))}
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic
              title={et('elections.summary.errors')}
              value={summary.errors ?? 0}
              styles={{ content: { color: (summary.errors ?? 0) > 0 ? '#cf1322' : undefined } }}
            />
          </Card>
        </Col>
      </Row>
      {rows.length === 0 ? (
        <Empty />
      ) : (
        <Table<Row>
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={rows}
          columns={[
            {
              title: et('elections.col.village'),
              key: 'village',
              onCell: (r) => ({ rowSpan: r.first ? r.span : 0 }),
              render: (_, r) => <strong>{r.village.orgName}</strong>,
            },
            { title: et('elections.col.body'), key: 'body', render: (_, r) => r.term.bodyKind },
            {
              title: et('elections.col.term'),
              key: 'term',
              render: (_, r) => (
                <span>
                  {r.term.termStart} 至 {r.term.termEnd}
                  <br />
                  <Typography.Text type="secondary">
                    {r.term.evaluation.daysLeft >= 0
                      ? et('elections.daysLeft', { n: r.term.evaluation.daysLeft })
                      : et('elections.daysOver', { n: -r.term.evaluation.daysLeft })}
                  </Typography.Text>
                </span>
              ),
            },
            { title: et('elections.col.size'), key: 'size', render: (_, r) => r.term.bodySize },
            {
              title: et('elections.col.members'),
              key: 'members',
              render: (_, r) =>
                r.term.members.length === 0 ? (
                  <Typography.Text type="secondary">{et('elections.noMembers')}</Typography.Text>
                ) : (
                  r.term.members.map((m) => `${m.title} ${m.name}`).join('、')
                ),
            },
            {
              title: et('elections.col.status'),
              key: 'status',
              render: (_, r) => <StatusTag status={r.term.evaluation.status} />,
            },
            {
              title: et('elections.col.findings'),
              key: 'findings',
              width: '32%',
              render: (_, r) =>
                r.term.evaluation.findings.map((f, i) => <FindingLine key={i} finding={f} />),
            },
            {
              title: et('elections.col.plan'),
              key: 'plan',
              onCell: (r) => ({ rowSpan: r.first ? r.span : 0 }),
              render: (_, r) =>
                r.village.plan === null ? (
                  <Typography.Text type="secondary">{et('elections.noPlan')}</Typography.Text>
                ) : (
                  et('elections.planProgress', {
                    done: r.village.plan.done,
                    total: r.village.plan.steps.length,
                    date: r.village.plan.electionDate,
                  })
                ),
            },
          ]}
        />
      )}
    </div>
  );
}
