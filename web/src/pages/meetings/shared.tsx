import { Tag } from 'antd';
import type { ComplianceCell, MeetingKind } from '../../api/meetings';
import { mt } from '../../locales/zh-CN/meetings';

export const KIND_LABELS: Record<MeetingKind, string> = {
  branchAssembly: '支部党员大会',
  committeeMeeting: '支委会',
  groupMeeting: '党小组会',
  partyLecture: '党课',
  themeDay: '主题党日',
  lifeMeeting: '组织生活会',
  memberAppraisal: '民主评议党员',
};

export const KIND_ORDER = Object.keys(KIND_LABELS) as MeetingKind[];

/** The meeting kind each periodic rule counts. */
export const RULE_KIND: Record<string, MeetingKind | undefined> = {
  'BR-06': 'branchAssembly',
  'BR-07': 'committeeMeeting',
  'BR-08': 'groupMeeting',
  'BR-09': 'partyLecture',
  'BR-10': 'themeDay',
  'BR-11': 'lifeMeeting',
  'BR-13': 'memberAppraisal',
};

const COLORS: Record<ComplianceCell['state'], string | undefined> = {
  met: 'success',
  missing: 'error',
  notDue: 'default',
  notRequired: undefined,
};

export function StateTag({
  state,
  compact,
}: {
  state: ComplianceCell['state'];
  compact?: boolean;
}) {
  if (state === 'notRequired') {
    return <span className="zg-ml-dash">—</span>;
  }
  const label = mt(`meetings.state.${state}`);
  return (
    <Tag color={COLORS[state]} className="zg-ml-tag">
      {compact === true ? label.slice(0, state === 'notDue' ? 3 : 2) : label}
    </Tag>
  );
}

export function thisYear(): number {
  return new Date().getFullYear();
}

export function yearOptions(): { value: number; label: string }[] {
  const y = thisYear();
  return [y - 2, y - 1, y].map((v) => ({ value: v, label: `${v}年` }));
}
