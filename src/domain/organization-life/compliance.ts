/**
 * Compliance of one branch in one year: for every rule and period a cell (met, missing, not yet
 * due, not required) with the meetings behind it, and findings for what is missing. Pure: the
 * caller passes `asOf` and the settings. A period is missing only after its last day has passed.
 */
import { formatCitation } from '../rules/citation';
import { finding, type ComplianceOptions, type OrgLifeFinding } from './findings';
import { halvesOf, inPeriod, monthsOf, quartersOf, yearOf, type Period } from './periods';
import { orgLifeRule, type OrgLifeRuleId } from './rules';
import { evaluateStudyHours, type PersonStudy } from './study-hours';
import { MEETING_KIND_LABELS, type BranchFacts, type MeetingFact, type MeetingKind } from './types';

export type CellState = 'met' | 'missing' | 'notDue' | 'notRequired';

export const CELL_STATE_LABELS: Readonly<Record<CellState, string>> = {
  met: '已开展',
  missing: '缺少',
  notDue: '未到期',
  notRequired: '不作要求',
};

export interface ComplianceCell {
  rule: OrgLifeRuleId;
  /** Period key: `2026-03`, `2026-Q2`, `2026-H1` or `2026`. */
  period: string;
  /** What within the branch the cell is about: a 党小组's name, 书记 (BR-09), or null. */
  subject: string | null;
  groupId: number | null;
  state: CellState;
  /** Meetings that count towards the cell. */
  meetingIds: number[];
  /** How many were needed and found. */
  required: number;
  found: number;
  /** Why a cell is not required, when it is not. */
  note?: string;
}

export interface BranchCompliance {
  orgId: number;
  name: string;
  year: number;
  asOf: string;
  cells: ComplianceCell[];
  findings: OrgLifeFinding[];
  study: PersonStudy[];
}

function stateOf(found: number, required: number, period: Period, asOf: string): CellState {
  if (found >= required) {
    return 'met';
  }
  return asOf > period.end ? 'missing' : 'notDue';
}

/** The day the branch is judged on for standing facts: asOf, or the year's last day once past. */
function judgeDay(year: number, asOf: string): string {
  const end = `${year}-12-31`;
  return asOf < end ? asOf : end;
}

function committeeOn(facts: BranchFacts, date: string): { size: number } | null {
  return facts.committees.find((c) => c.from <= date && (c.to === null || date <= c.to)) ?? null;
}

export function evaluateBranch(facts: BranchFacts, options: ComplianceOptions): BranchCompliance {
  const { year, asOf, settings } = options;
  const cells: ComplianceCell[] = [];
  const findings: OrgLifeFinding[] = [];
  const meetings = facts.meetings.filter((m) => m.date <= asOf);
  const ofKind = (kind: MeetingKind, p: Period, groupId: number | null = null): MeetingFact[] =>
    meetings.filter(
      (m) => m.kind === kind && inPeriod(m.date, p) && (groupId === null || m.groupId === groupId),
    );

  const periodic = (
    rule: OrgLifeRuleId,
    kind: MeetingKind,
    periods: Period[],
    opts: {
      required?: number;
      groupId?: number;
      subject?: string;
      applies?: (p: Period) => string | null;
      citationText?: string;
    } = {},
  ): void => {
    const required = opts.required ?? 1;
    for (const p of periods) {
      const notRequiredWhy = opts.applies?.(p) ?? null;
      const list = ofKind(kind, p, opts.groupId ?? null);
      const base = {
        rule,
        period: p.key,
        subject: opts.subject ?? null,
        groupId: opts.groupId ?? null,
        meetingIds: list.map((m) => m.id),
        required,
        found: list.length,
      };
      if (notRequiredWhy !== null) {
        cells.push({ ...base, state: 'notRequired', required: 0, note: notRequiredWhy });
        continue;
      }
      const state = stateOf(list.length, required, p, asOf);
      cells.push({ ...base, state });
      if (state === 'missing') {
        const where = opts.subject === undefined ? '' : `（${opts.subject}）`;
        const f = finding(rule, 'warning', p.end, {
          orgId: facts.orgId,
          personId: null,
          period: p.key,
          message: `${facts.name}${where}${year}年${p.label}应至少召开${required}次${MEETING_KIND_LABELS[kind]}，实有${list.length}次（${p.start}至${p.end}）`,
          facts: { period: p.key, start: p.start, end: p.end, required, found: list.length },
        });
        if (opts.citationText !== undefined) {
          f.citation = opts.citationText;
        }
        findings.push(f);
      }
    }
  };

  // BR-04: committee set up when there are 7 or more 正式党员; 3–7 members.
  {
    const day = judgeDay(year, asOf);
    const committee = committeeOn(facts, day);
    const problems: string[] = [];
    if (facts.fullMemberCount >= 7 && committee === null) {
      problems.push(`正式党员${facts.fullMemberCount}人（7人以上），${day}未设支部委员会`);
    }
    if (committee !== null && (committee.size < 3 || committee.size > 7)) {
      problems.push(`支部委员会${committee.size}人，应为3至7人（${day}）`);
    }
    cells.push({
      rule: 'BR-04',
      period: String(year),
      subject: null,
      groupId: null,
      meetingIds: [],
      required: 0,
      found: 0,
      state: problems.length === 0 ? 'met' : 'missing',
    });
    for (const message of problems) {
      findings.push(
        finding('BR-04', 'error', day, {
          orgId: facts.orgId,
          personId: null,
          period: String(year),
          message: `${facts.name}：${message}`,
          facts: {
            fullMemberCount: facts.fullMemberCount,
            committeeSize: committee?.size ?? null,
            on: day,
          },
        }),
      );
    }
  }

  const months = monthsOf(year);
  const quarters = quartersOf(year);
  const wholeYear = yearOf(year);

  periodic('BR-06', 'branchAssembly', quarters);
  periodic('BR-07', 'committeeMeeting', months, {
    applies: (p) => (committeeOn(facts, p.start) === null ? '该月初未设支部委员会' : null),
  });
  for (const group of facts.groups) {
    periodic('BR-08', 'groupMeeting', months, { groupId: group.orgId, subject: group.name });
  }
  const lecturePeriods =
    settings.lecturePeriod === 'quarter'
      ? quarters
      : settings.lecturePeriod === 'halfYear'
        ? halvesOf(year)
        : [wholeYear];
  periodic('BR-09', 'partyLecture', lecturePeriods, {
    required: settings.lecturesPerPeriod,
    citationText: formatCitationOfLocal(),
  });
  // BR-09: the secretary gave at least one 党课 in the year.
  {
    const secretaries = facts.officers.filter(
      (o) =>
        o.role === 'secretary' &&
        o.from <= wholeYear.end &&
        (o.to === null || o.to >= wholeYear.start),
    );
    const byASecretary = ofKind('partyLecture', wholeYear).filter((m) =>
      secretaries.some(
        (s) =>
          s.personId === m.presenterId && s.from <= m.date && (s.to === null || m.date <= s.to),
      ),
    );
    const base = {
      rule: 'BR-09' as const,
      period: `${year}-secretary`,
      subject: '书记讲党课',
      groupId: null,
      meetingIds: byASecretary.map((m) => m.id),
      required: 1,
      found: byASecretary.length,
    };
    if (secretaries.length === 0) {
      cells.push({ ...base, state: 'notRequired', required: 0, note: '未登记支部书记，无法判断' });
    } else {
      const state = stateOf(byASecretary.length, 1, wholeYear, asOf);
      cells.push({ ...base, state });
      if (state === 'missing') {
        findings.push(
          finding('BR-09', 'warning', wholeYear.end, {
            orgId: facts.orgId,
            personId: secretaries[0]?.personId ?? null,
            period: `${year}-secretary`,
            message: `${facts.name}：${year}年支部书记未讲党课（应至少1次）`,
            facts: { year, secretaries: secretaries.map((s) => s.personId) },
          }),
        );
      }
    }
  }
  periodic('BR-10', 'themeDay', months);
  periodic('BR-11', 'lifeMeeting', [wholeYear]);
  periodic('BR-13', 'memberAppraisal', [wholeYear]);

  const study = evaluateStudyHours(facts, options);
  findings.push(...study.findings);
  return {
    orgId: facts.orgId,
    name: facts.name,
    year,
    asOf,
    cells,
    findings,
    study: study.people,
  };
}

function formatCitationOfLocal(): string {
  const rule = orgLifeRule('BR-09');
  return rule.citations.map((c) => formatCitation(c)).join('；');
}

export type { ComplianceOptions, OrgLifeFinding };
