import { useQueryClient } from '@tanstack/react-query';
import { App, Card, Col, InputNumber, Row, Select, Space, Statistic, Table } from 'antd';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCoreImport from 'echarts-for-react/lib/core';
import { useState } from 'react';
import { api, errorMessage, unwrap } from '../../api/client';
import { useAnnualPlan, type AnnualPlan } from '../../api/recruitment';
import { useMe } from '../../auth/session';
import { QueryError } from '../../components/query-error';
import { TOWNSHIP_ROLES } from './shared';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

// The CommonJS build's default export can arrive as the module object after bundling.
const ReactEChartsCore =
  (ReactEChartsCoreImport as unknown as { default?: typeof ReactEChartsCoreImport }).default ??
  ReactEChartsCoreImport;

const RED = '#c0392b';

function pieOption(title: string, data: Record<string, number>) {
  return {
    tooltip: { trigger: 'item', formatter: '{b}：{c} 人（{d}%）' },
    legend: { bottom: 0, type: 'scroll' },
    series: [
      {
        name: title,
        type: 'pie',
        radius: ['35%', '65%'],
        center: ['50%', '42%'],
        label: { formatter: '{b} {c}' },
        data: Object.entries(data).map(([name, value]) => ({ name, value })),
      },
    ],
  };
}

export function PlanTab() {
  const me = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(new Date().getFullYear());
  const plan = useAnnualPlan(year);
  const editable = TOWNSHIP_ROLES.includes(me.role);
  if (plan.isError) {
    return <QueryError error={plan.error} onRetry={() => void plan.refetch()} />;
  }
  const data = plan.data;
  const branches = (data?.branches ?? []).filter(
    (b) => b.quota !== null || b.admitted > 0 || b.candidates > 0,
  );
  const s = data?.structure;

  const saveQuota = async (orgId: number, quota: number | null) => {
    if (quota === null) {
      return;
    }
    try {
      await unwrap(
        api.PUT('/api/recruitment/plan/{orgId}/{year}', {
          params: { path: { orgId, year } },
          body: { quota },
        }),
      );
      message.success('已保存计划数');
      await queryClient.invalidateQueries({ queryKey: ['recruitment', 'plan', year] });
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const bar = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 32, bottom: 90 },
    xAxis: {
      type: 'category',
      data: branches.map((b) => b.orgName),
      axisLabel: { rotate: 40, interval: 0 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: '计划数',
        type: 'bar',
        data: branches.map((b) => b.quota ?? 0),
        itemStyle: { color: '#d9d9d9' },
      },
      {
        name: '已发展',
        type: 'bar',
        data: branches.map((b) => b.admitted),
        itemStyle: { color: RED },
      },
      {
        name: '发展对象',
        type: 'bar',
        data: branches.map((b) => b.candidates),
        itemStyle: { color: '#e67e22' },
      },
    ],
  };

  type Branch = AnnualPlan['branches'][number];
  return (
    <div>
      <Space style={{ marginBottom: 12 }}>
        <span>年度</span>
        <Select
          value={year}
          onChange={setYear}
          style={{ width: 110 }}
          options={[0, 1, 2, 3].map((k) => {
            const y = new Date().getFullYear() - k;
            return { value: y, label: `${y} 年` };
          })}
          aria-label="年度"
        />
      </Space>
      <Row gutter={12} style={{ marginBottom: 16 }}>
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic title="计划发展" value={data?.quotaTotal ?? 0} suffix="人" />
          </Card>
        </Col>
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic title="已发展（审批）" value={data?.admittedTotal ?? 0} suffix="人" />
          </Card>
        </Col>
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic
              title="完成率"
              value={
                data && data.quotaTotal > 0
                  ? Math.round((100 * data.admittedTotal) / data.quotaTotal)
                  : 0
              }
              suffix="%"
            />
          </Card>
        </Col>
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic title="35岁及以下" value={s?.youth ?? 0} suffix={`/ ${s?.total ?? 0}`} />
          </Card>
        </Col>
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic title="女性" value={s?.female ?? 0} suffix={`/ ${s?.total ?? 0}`} />
          </Card>
        </Col>
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic title="大专及以上" value={s?.college ?? 0} suffix={`/ ${s?.total ?? 0}`} />
          </Card>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card size="small" title="各支部计划与完成" style={{ marginBottom: 16 }}>
            <ReactEChartsCore echarts={echarts} option={bar} style={{ height: 340 }} notMerge />
          </Card>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Card size="small" title="学历" style={{ marginBottom: 16 }}>
            <ReactEChartsCore
              echarts={echarts}
              option={pieOption('学历', s?.byEducation ?? {})}
              style={{ height: 340 }}
              notMerge
            />
          </Card>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Card size="small" title="职业" style={{ marginBottom: 16 }}>
            <ReactEChartsCore
              echarts={echarts}
              option={pieOption('职业', s?.byOccupation ?? {})}
              style={{ height: 340 }}
              notMerge
            />
          </Card>
        </Col>
      </Row>
      <Table<Branch>
        size="small"
        rowKey="orgId"
        loading={plan.isPending}
        dataSource={data?.branches ?? []}
        pagination={false}
        columns={[
          { title: '党支部', dataIndex: 'orgName' },
          {
            title: '计划数',
            dataIndex: 'quota',
            width: 140,
            render: (q: number | null, b) =>
              editable ? (
                <InputNumber
                  min={0}
                  max={999}
                  defaultValue={q ?? undefined}
                  placeholder="未下达"
                  onBlur={(e) => {
                    const v = e.target.value === '' ? null : Number(e.target.value);
                    if (v !== q) {
                      void saveQuota(b.orgId, v);
                    }
                  }}
                  aria-label={`${b.orgName}计划数`}
                />
              ) : (
                (q ?? '未下达')
              ),
          },
          { title: '已发展', dataIndex: 'admitted', width: 100 },
          { title: '发展对象', dataIndex: 'candidates', width: 100 },
        ]}
      />
    </div>
  );
}
