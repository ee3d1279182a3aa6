import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Segmented, Space, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { useOrgChecks } from '../../../api/roster';
import { PageSpinner } from '../../../components/page-spinner';
import { QueryError } from '../../../components/query-error';
import { OrgFindings } from '../../villages/org-findings';
import './checks.css';

/** 组织设置检查: every finding of the four checks in the caller's scope; prints and exports. */
export function ChecksTab() {
  const report = useOrgChecks(undefined);
  const [check, setCheck] = useState<string>('all');
  if (report.isError) {
    return <QueryError error={report.error} onRetry={() => void report.refetch()} />;
  }
  const r = report.data;
  if (!r) {
    return <PageSpinner />;
  }
  const shown = check === 'all' ? r.findings : r.findings.filter((f) => f.check === check);
  return (
    <div className="zg-org-checks">
      <Card
        title={`${r.scopeName}组织设置检查`}
        extra={
          <Space className="zg-no-print">
            <Button icon={<DownloadOutlined />} href="/api/roster/checks/export">
              导出 Excel
            </Button>
            <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
              打印
            </Button>
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">
          检查日 {r.asOf}
          。支部委员会取各党支部现任的书记、副书记、委员（有委员即视为设有支委会，人数按人计）；
          党员人数不含已转出；联合党支部按名称中的“联合”识别。
        </Typography.Paragraph>
        <div className="zg-org-checks-summary">
          {r.summary.map((s) => (
            <Statistic key={s.check} title={s.label} value={s.count} suffix="项" />
          ))}
        </div>
        <Segmented
          className="zg-no-print"
          style={{ margin: '12px 0' }}
          value={check}
          onChange={(v) => setCheck(String(v))}
          options={[
            { value: 'all', label: `全部（${r.findings.length}）` },
            ...r.summary.map((s) => ({ value: s.check, label: `${s.label}（${s.count}）` })),
          ]}
        />
        <OrgFindings findings={shown} showOrg />
      </Card>
    </div>
  );
}
