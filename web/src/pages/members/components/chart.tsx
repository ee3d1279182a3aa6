import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCoreImport from 'echarts-for-react/lib/core';

echarts.use([BarChart, PieChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);

// echarts-for-react/lib/core is CommonJS (`exports.default`): after bundling the default
// import can be the module object, so take its `default` when there is one.
const ReactEChartsCore =
  (ReactEChartsCoreImport as unknown as { default?: typeof ReactEChartsCoreImport }).default ??
  ReactEChartsCoreImport;

export interface Series {
  name: string;
  values: number[];
}

/** Downloads a chart's table as CSV (UTF-8 with BOM, so Excel opens the Chinese right). */
export function downloadCsv(fileName: string, header: string[], rows: (string | number)[][]) {
  const escape = (v: string | number) => {
    const s = String(v);
    return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  const text = [header, ...rows].map((r) => r.map(escape).join(',')).join('\r\n');
  const blob = new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  URL.revokeObjectURL(url);
}

export function ChartCard({
  title,
  categories,
  series,
  kind = 'bar',
  height = 260,
}: {
  title: string;
  categories: string[];
  series: Series[];
  kind?: 'bar' | 'pie' | 'hbar';
  height?: number;
}) {
  const option =
    kind === 'pie'
      ? {
          tooltip: { trigger: 'item', formatter: '{b}：{c}人（{d}%）' },
          legend: { bottom: 0 },
          series: [
            {
              type: 'pie',
              radius: ['35%', '65%'],
              label: { formatter: '{b}\n{c}人' },
              data: categories.map((c, i) => ({ name: c, value: series[0]?.values[i] ?? 0 })),
            },
          ],
        }
      : {
          tooltip: { trigger: 'axis' },
          legend: series.length > 1 ? { bottom: 0 } : undefined,
          grid: {
            left: kind === 'hbar' ? 110 : 40,
            right: 24,
            top: 16,
            bottom: series.length > 1 ? 48 : 32,
          },
          [kind === 'hbar' ? 'yAxis' : 'xAxis']: {
            type: 'category',
            data: categories,
            axisLabel: { interval: 0 },
            ...(kind === 'hbar' ? { inverse: true } : {}),
          },
          [kind === 'hbar' ? 'xAxis' : 'yAxis']: { type: 'value', minInterval: 1 },
          series: series.map((s) => ({
            type: 'bar',
            name: s.name,
            stack: series.length > 1 ? 'total' : undefined,
            data: s.values,
            label: { show: series.length === 1, position: kind === 'hbar' ? 'right' : 'top' },
          })),
        };
  return (
    <Card
      size="small"
      title={title}
      className="zg-chart-card"
      extra={
        <Button
          size="small"
          type="text"
          icon={<DownloadOutlined />}
          aria-label={`导出${title}表格`}
          onClick={() =>
            downloadCsv(
              `${title}.csv`,
              ['项目', ...series.map((s) => s.name)],
              categories.map((c, i) => [c, ...series.map((s) => s.values[i] ?? 0)]),
            )
          }
        >
          导出表格
        </Button>
      }
    >
      <ReactEChartsCore echarts={echarts} option={option} style={{ height }} notMerge />
    </Card>
  );
}
