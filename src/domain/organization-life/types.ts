/**
 * 组织生活 and 学习培训: the kinds of meeting a branch records and the facts the compliance
 * rules read. Pure data, no I/O.
 */
import type { IsoDate } from '../calendar/date';

/** 三会一课 and the other recorded forms of 组织生活. */
export type MeetingKind =
  | 'branchAssembly'
  | 'committeeMeeting'
  | 'groupMeeting'
  | 'partyLecture'
  | 'themeDay'
  | 'lifeMeeting'
  | 'memberAppraisal';

export const MEETING_KINDS: readonly MeetingKind[] = [
  'branchAssembly',
  'committeeMeeting',
  'groupMeeting',
  'partyLecture',
  'themeDay',
  'lifeMeeting',
  'memberAppraisal',
];

export const MEETING_KIND_LABELS: Readonly<Record<MeetingKind, string>> = {
  branchAssembly: '支部党员大会',
  committeeMeeting: '支委会',
  groupMeeting: '党小组会',
  partyLecture: '党课',
  themeDay: '主题党日',
  lifeMeeting: '组织生活会',
  memberAppraisal: '民主评议党员',
};

export function isMeetingKind(value: string): value is MeetingKind {
  return (MEETING_KINDS as readonly string[]).includes(value);
}

/** A recorded meeting as the rules see it. */
export interface MeetingFact {
  id: number;
  kind: MeetingKind;
  date: IsoDate;
  /** The 党小组 for a 党小组会; null otherwise. */
  groupId: number | null;
  /** Person who presided or gave the 党课; null when not from the roster. */
  presenterId: number | null;
  /** People present, each with the study hours credited. */
  attendees: { personId: number; hours: number }[];
  /** People absent with a recorded reason (请假). */
  excusedIds: number[];
}

/** A period in which the branch had a 支部委员会, with its size. */
export interface CommitteePeriod {
  from: IsoDate;
  /** Last day; null while in office. */
  to: IsoDate | null;
  /** Number of 委员 (书记 and 副书记 included). */
  size: number;
}

/** A person holding a branch office (书记, 副书记, 委员) for a time. */
export interface OfficeTerm {
  personId: number;
  role: OfficerRole;
  from: IsoDate;
  to: IsoDate | null;
}

export type OfficerRole = 'secretary' | 'deputySecretary' | 'committeeMember';

export const OFFICER_ROLE_LABELS: Readonly<Record<OfficerRole, string>> = {
  secretary: '书记',
  deputySecretary: '副书记',
  committeeMember: '委员',
};

/** Study hours credited from a training class session. */
export interface TrainingCredit {
  classId: number;
  date: IsoDate;
  hours: number;
  /** The class is a 集中培训 (EDU-14 asks for at least one a year). */
  centralized: boolean;
}

/** A member of the branch as the study-hour and 自行脱党 checks see them. */
export interface MemberFact {
  personId: number;
  name: string;
  /** 年老体弱、行动不便 etc. (EDU-06): the reason, or null when not exempt. */
  exemptReason: string | null;
  trainingCredits: TrainingCredit[];
  /** Months (YYYY-MM) with 党费 paid, or null when dues are not recorded here. */
  duesPaidMonths: string[] | null;
  /** 入党日期 when known: months ending before it do not count towards EDU-11. */
  since: IsoDate | null;
}

/** Everything the compliance rules read about one branch in one year. */
export interface BranchFacts {
  orgId: number;
  name: string;
  /** 正式党员 on the evaluation day. */
  fullMemberCount: number;
  committees: CommitteePeriod[];
  officers: OfficeTerm[];
  groups: { orgId: number; name: string }[];
  meetings: MeetingFact[];
  members: MemberFact[];
}
