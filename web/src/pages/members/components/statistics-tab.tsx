import { Card, Col, Row, Statistic, TreeSelect, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useOrgs } from '../../../api/queries';
import { useRosterStatistics, type CountItem } from '../../../api/roster';
import { PageSpinner } from '../../../components/page-spinner';
import { QueryError } from '../../../components/query-error';
import { orgTreeOptions } from './org-tree-data';
import { ChartCard } from './chart';

const one = (items: CountItem[], name = '人数') => ({
  categories: items.map((i) => i.label),
  series: [{ name, values: items.map((i) => i.count) }],
});

export function StatisticsTab() {
  const orgs = useOrgs();
  const [orgId, setOrgId] = useState<number | undefined>(undefined);
  const stats = useRosterStatistics(orgId);
  const forest = useMemo(() => orgTreeOptions(orgs.data ?? []), [orgs.data]);
  if (stats.isError) {
    return <QueryError error={stats.error} onRetry={() => void stats.refetch()} />;
  }
  const s = stats.data;
  if (!s) {
    return <PageSpinner />;
  }
  const st = s.structure;
  const women = st.gender.find((g) => g.label === '女')?.count ?? 0;
  const young = st.ageBands[0]?.count ?? 0;
  const college = st.education
    .filter((e) => ['大专', '本科', '硕士研究生', '博士研究生'].includes(e.label))
    .reduce((n, e) => n + e.count, 0);
  const pct = (n: number) => (st.total === 0 ? '—' : `${((n / st.total) * 100).toFixed(1)}%`);
  return (
    <div>
      <Card style={{ marginBottom: 12 }}>
        <Row gutter={16} align="middle">
          <Col flex="320px">
            <TreeSelect
              aria-label="统计范围"
              style={{ width: '100%' }}
              placeholder="统计范围：管辖范围"
              allowClear
              treeData={forest}
              value={orgId}
              onChange={(v: number | undefined) => setOrgId(v)}
            />
          </Col>
          <Col flex="auto">
            <Typography.Text type="secondary">
              {s.scopeName}，截至 {s.asOf}；含预备党员，不含已转出
            </Typography.Text>
          </Col>
        </Row>
        <Row gutter={16} style={{ marginTop: 16 }}>
          <Col span={4}>
            <Statistic title="党员总数" value={st.total} suffix="名" />
          </Col>
          <Col span={5}>
            <Statistic title="女党员" value={women} suffix={`名（${pct(women)}）`} />
          </Col>
          <Col span={5}>
            <Statistic title="35岁及以下" value={young} suffix={`名（${pct(young)}）`} />
          </Col>
          <Col span={5}>
            <Statistic title="大专及以上" value={college} suffix={`名（${pct(college)}）`} />
          </Col>
          <Col span={5}>
            <Statistic
              title="流动 / 出国（境）/ 失联"
              value={s.away.map((a) => a.count).join(' / ')}
            />
          </Col>
        </Row>
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <ChartCard title="年龄结构" {...one(st.ageBands)} />
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard title="党龄结构" {...one(st.partyYears)} />
        </Col>
        <Col xs={24} lg={8}>
          <ChartCard title="性别" kind="pie" {...one(st.gender)} />
        </Col>
        <Col xs={24} lg={16}>
          <ChartCard title="学历" {...one(st.education)} />
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard title="职业" kind="hbar" {...one(st.occupation)} />
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard title="历年发展党员" {...one(s.admissionsByYear, '入党人数')} />
        </Col>
        <Col span={24}>
          <ChartCard
            title="各村（社区）党员"
            height={320}
            categories={s.perVillage.map((v) => v.name)}
            series={[
              { name: '正式党员', values: s.perVillage.map((v) => v.full) },
              { name: '预备党员', values: s.perVillage.map((v) => v.probationary) },
            ]}
          />
        </Col>
      </Row>
    </div>
  );
}
