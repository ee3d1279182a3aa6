/**
 * Case files (cases/*.yaml) for the 组织生活 and 学习培训 rules: a branch written briefly (meetings,
 * committee, officers, members), a year, `asOf`, optional settings, and the findings and cell states
 * expected. This module turns a case into `BranchFacts`; the test reads the files.
 */
import type { BranchFacts, MeetingKind, OfficerRole } from './types';

export interface CaseMeeting {
  kind: MeetingKind;
  date: string;
  group?: number;
  presenter?: number;
  /** Person ids present, each credited `hours` (default 0). */
  attendees?: number[];
  hours?: number;
  excused?: number[];
}

export interface CaseMember {
  id: number;
  name?: string;
  exempt?: string;
  training?: { date: string; hours: number; centralized?: boolean; classId?: number }[];
  duesPaid?: string[];
  since?: string;
}

export interface CaseBranch {
  fullMemberCount?: number;
  committees?: { from: string; to?: string; size: number }[];
  officers?: { person: number; role: OfficerRole; from: string; to?: string }[];
  groups?: { id: number; name: string }[];
  meetings?: CaseMeeting[];
  members?: CaseMember[];
}

export interface OrgLifeCase {
  name: string;
  year?: number;
  asOf: string;
  settings?: Record<string, unknown>;
  branch: CaseBranch;
  /** Compare only these rules' findings; defaults to the file's `rules`. */
  only?: string[];
  expected: { rule: string; severity: string; period?: string; person?: number }[];
  /** `RULE PERIOD[ GROUPID]` → expected cell state. */
  cells?: Record<string, string>;
  /** person id → expected study fields. */
  study?: Record<string, Record<string, unknown>>;
}

export interface OrgLifeCaseFile {
  rules: string[];
  cases: OrgLifeCase[];
}

export function caseBranch(b: CaseBranch): BranchFacts {
  return {
    orgId: 1,
    name: '测试党支部',
    fullMemberCount: b.fullMemberCount ?? 5,
    committees: (b.committees ?? []).map((c) => ({ from: c.from, to: c.to ?? null, size: c.size })),
    officers: (b.officers ?? []).map((o) => ({
      personId: o.person,
      role: o.role,
      from: o.from,
      to: o.to ?? null,
    })),
    groups: (b.groups ?? []).map((g) => ({ orgId: g.id, name: g.name })),
    meetings: (b.meetings ?? []).map((m, i) => ({
      id: i + 1,
      kind: m.kind,
      date: String(m.date),
      groupId: m.group ?? null,
      presenterId: m.presenter ?? null,
      attendees: (m.attendees ?? []).map((personId) => ({ personId, hours: m.hours ?? 0 })),
      excusedIds: m.excused ?? [],
    })),
    members: (b.members ?? []).map((m) => ({
      personId: m.id,
      name: m.name ?? `党员${m.id}`,
      exemptReason: m.exempt ?? null,
      trainingCredits: (m.training ?? []).map((t, i) => ({
        classId: t.classId ?? i + 1,
        date: String(t.date),
        hours: t.hours,
        centralized: t.centralized ?? false,
      })),
      duesPaidMonths: m.duesPaid ?? null,
      since: m.since === undefined ? null : String(m.since),
    })),
  };
}
