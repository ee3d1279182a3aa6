import { Tag, Typography } from 'antd';
import type { Finding, Stage } from '../../api/recruitment';
import type { Role } from '../../api/types';
import { rt } from '../../locales/zh-CN/recruitment';

export const STAGE_ORDER: readonly Stage[] = [
  'applicant',
  'activist',
  'candidate',
  'probationary',
  'full',
];

const STAGE_COLORS: Record<Stage, string> = {
  applicant: 'default',
  activist: 'blue',
  candidate: 'geekblue',
  probationary: 'orange',
  full: 'green',
  stopped: 'default',
};

export function stageLabel(stage: Stage): string {
  return rt(`recruitment.stage.${stage}`);
}

export function StageTag({ stage }: { stage: Stage }) {
  return <Tag color={STAGE_COLORS[stage]}>{stageLabel(stage)}</Tag>;
}

export const SEVERITY_LABELS = { error: '错误', warning: '提示', info: '说明' } as const;
const SEVERITY_COLORS = { error: 'red', warning: 'gold', info: 'default' } as const;

export function SeverityTag({ severity }: { severity: Finding['severity'] }) {
  return <Tag color={SEVERITY_COLORS[severity]}>{SEVERITY_LABELS[severity]}</Tag>;
}

/** One finding: severity, rule id, message and its citation. */
export function FindingLine({
  finding,
}: {
  finding: Pick<Finding, 'severity' | 'rule' | 'message' | 'citation'>;
}) {
  return (
    <div className="zg-finding" data-rule={finding.rule}>
      <SeverityTag severity={finding.severity} />
      <Typography.Text strong>{finding.rule}</Typography.Text>{' '}
      <Typography.Text>{finding.message}</Typography.Text>
      <div>
        <Typography.Text type="secondary" className="zg-citation">
          出处：{finding.citation}
        </Typography.Text>
      </div>
    </div>
  );
}

export const WRITER_ROLES: readonly Role[] = [
  'countyAdmin',
  'townshipOrganizer',
  'branchSecretary',
];
export const TOWNSHIP_ROLES: readonly Role[] = ['countyAdmin', 'townshipOrganizer'];

export function canWrite(role: Role): boolean {
  return WRITER_ROLES.includes(role);
}
