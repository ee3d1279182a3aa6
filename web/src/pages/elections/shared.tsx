import { Tag, Tooltip, Typography } from 'antd';
import type { TermView } from '../../api/elections';
import { et } from '../../locales/zh-CN/elections';

type Finding = TermView['evaluation']['findings'][number];

const STATUS_COLOR: Record<TermView['evaluation']['status'], string> = {
  expired: 'red',
  due6: 'orange',
  due12: 'gold',
  current: 'green',
  renewed: 'blue',
};

export function StatusTag({ status }: { status: TermView['evaluation']['status'] }) {
  return <Tag color={STATUS_COLOR[status]}>{et(`elections.status.${status}`)}</Tag>;
}

const SEVERITY_COLOR = { error: 'red', warning: 'orange', info: 'default' } as const;

/** One finding: rule, level, message and its citation (with 条号待核实 where it applies). */
export function FindingLine({ finding }: { finding: Finding }) {
  return (
    <div className="zg-election-finding">
      <Tag color={SEVERITY_COLOR[finding.severity]}>
        {et(`elections.severity.${finding.severity}`)} {finding.rule}
      </Tag>
      <span>{finding.message}</span>
      <Tooltip title={finding.citation}>
        <Typography.Text type="secondary" className="zg-election-citation">
          依据：{finding.citation}
        </Typography.Text>
      </Tooltip>
    </div>
  );
}

/** Today's date where the browser runs, YYYY-MM-DD. */
export function todayIso(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
