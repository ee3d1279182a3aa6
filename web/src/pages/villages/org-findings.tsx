import { Alert, Table, Tag } from 'antd';
import type { OrgCheckFinding } from '../../api/roster';

const FACT_LABELS: Record<string, string> = {
  fullMembers: '正式党员',
  members: '党员',
  committeeSize: '支委会人数',
  name: '姓名',
  awaySince: '外出日期',
  asOf: '检查日',
};

/** The facts of a finding in one line: 正式党员 51；党员 53；支委会人数 未设. */
export function factsText(facts: OrgCheckFinding['facts']): string {
  return Object.entries(facts)
    .map(([k, v]) => `${FACT_LABELS[k] ?? k} ${v === null ? '未设' : String(v)}`)
    .join('；');
}

/** The 组织设置检查 findings as a table: 党组织、检查项、事实、问题、依据. */
export function OrgFindings({
  findings,
  showOrg,
}: {
  findings: readonly OrgCheckFinding[];
  showOrg: boolean;
}) {
  if (findings.length === 0) {
    return <Alert type="success" showIcon title="四项组织设置检查均未发现问题" />;
  }
  return (
    <Table<OrgCheckFinding>
      className="zg-org-findings"
      rowKey={(f) => `${f.check}-${f.orgId}-${f.personId ?? 0}-${f.message}`}
      size="small"
      pagination={false}
      dataSource={[...findings]}
      columns={[
        ...(showOrg ? [{ title: '党组织', dataIndex: 'orgName', width: 150 }] : []),
        {
          title: '检查项',
          dataIndex: 'checkLabel',
          width: 150,
          render: (label: string, f: OrgCheckFinding) => (
            <span style={{ whiteSpace: 'nowrap' }}>
              <Tag color={f.level === 'error' ? 'red' : 'orange'}>{f.ruleId}</Tag>
              {label}
            </span>
          ),
        },
        {
          title: '事实',
          key: 'facts',
          width: 210,
          render: (_: unknown, f: OrgCheckFinding) => factsText(f.facts),
        },
        { title: '问题', dataIndex: 'message' },
        { title: '依据', dataIndex: 'citation', width: 220 },
      ]}
    />
  );
}
