/**
 * 学时 per person and year (EDU-05, EDU-14 with the EDU-06 exemption) and the 自行脱党 review list
 * (EDU-11). Hours come from meetings attended and training sessions attended, up to `asOf`.
 */
import { splitDate } from '../calendar/date';
import { finding, type ComplianceOptions, type OrgLifeFinding } from './findings';
import { monthsOf } from './periods';
import type { BranchFacts, MemberFact } from './types';

export type StudyState = 'met' | 'behind' | 'missing' | 'exempt';

export const STUDY_STATE_LABELS: Readonly<Record<StudyState, string>> = {
  met: '已达到',
  behind: '尚差',
  missing: '未达到',
  exempt: '免于要求',
};

export interface PersonStudy {
  personId: number;
  name: string;
  /** Held an office (书记、副书记、委员) at some time in the year: EDU-14 applies. */
  isOfficer: boolean;
  exemptReason: string | null;
  meetingHours: number;
  trainingHours: number;
  totalHours: number;
  /** Hours required (0 when exempt). */
  requiredHours: number;
  /** 集中培训 classes attended (EDU-14 asks for one). */
  centralizedCount: number;
  state: StudyState;
  /** Hours still missing (0 when met or exempt). */
  shortfall: number;
  /** Months left in the year counting the current one (0 once the year is over). */
  monthsLeft: number;
  rule: 'EDU-05' | 'EDU-14';
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

export function evaluateStudyHours(
  facts: BranchFacts,
  { year, asOf, settings }: ComplianceOptions,
): { people: PersonStudy[]; findings: OrgLifeFinding[] } {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const over = asOf > end;
  const monthsLeft = over ? 0 : asOf < start ? 12 : 12 - splitDate(asOf)[1] + 1;
  const meetingHours = new Map<number, number>();
  for (const m of facts.meetings) {
    if (m.date < start || m.date > end || m.date > asOf) {
      continue;
    }
    for (const a of m.attendees) {
      meetingHours.set(a.personId, (meetingHours.get(a.personId) ?? 0) + a.hours);
    }
  }
  const officers = new Set(
    facts.officers
      .filter((o) => o.from <= end && (o.to === null || o.to >= start))
      .map((o) => o.personId),
  );
  const people: PersonStudy[] = [];
  const findings: OrgLifeFinding[] = [];
  for (const member of facts.members) {
    const credits = member.trainingCredits.filter(
      (c) => c.date >= start && c.date <= end && c.date <= asOf,
    );
    const trainingHours = round1(credits.reduce((s, c) => s + c.hours, 0));
    const fromMeetings = round1(meetingHours.get(member.personId) ?? 0);
    const total = round1(trainingHours + fromMeetings);
    const centralizedCount = new Set(credits.filter((c) => c.centralized).map((c) => c.classId))
      .size;
    const isOfficer = officers.has(member.personId) && settings.officerStudyCheck;
    const rule = isOfficer ? ('EDU-14' as const) : ('EDU-05' as const);
    const exempt = member.exemptReason !== null;
    const requiredHours = exempt
      ? 0
      : isOfficer
        ? settings.officerStudyHours
        : settings.memberStudyHours;
    const needsCentralized = isOfficer && !exempt;
    const met = total >= requiredHours && (!needsCentralized || centralizedCount >= 1);
    const shortfall = exempt ? 0 : round1(Math.max(0, requiredHours - total));
    const state: StudyState = exempt ? 'exempt' : met ? 'met' : over ? 'missing' : 'behind';
    people.push({
      personId: member.personId,
      name: member.name,
      isOfficer: officers.has(member.personId),
      exemptReason: member.exemptReason,
      meetingHours: fromMeetings,
      trainingHours,
      totalHours: total,
      requiredHours,
      centralizedCount,
      state,
      shortfall,
      monthsLeft,
      rule,
    });
    if (state === 'missing') {
      const noCentral = needsCentralized && centralizedCount === 0 ? '，且未参加集中培训' : '';
      findings.push(
        finding(rule, 'warning', end, {
          orgId: facts.orgId,
          personId: member.personId,
          period: String(year),
          message: `${member.name}${year}年集中学习培训${total}学时，应不少于${requiredHours}学时（差${shortfall}学时）${noCentral}`,
          facts: { year, totalHours: total, requiredHours, shortfall, centralizedCount },
        }),
      );
    }
  }
  findings.push(...lapseFindings(facts, year, asOf, settings.lapseMonths));
  return { people, findings };
}

type MonthMark = 'counts' | 'resets' | 'neutral';

function longestRun(marks: { month: string; mark: MonthMark }[]): string[] {
  let best: string[] = [];
  let run: string[] = [];
  for (const { month, mark } of marks) {
    if (mark === 'counts') {
      run.push(month);
      if (run.length > best.length) {
        best = [...run];
      }
    } else if (mark === 'resets') {
      run = [];
    }
  }
  return best;
}

/** EDU-11 over the months of `year` that have ended by `asOf`. */
function lapseFindings(
  facts: BranchFacts,
  year: number,
  asOf: string,
  lapseMonths: number,
): OrgLifeFinding[] {
  const months = monthsOf(year).filter((p) => p.end < asOf);
  const out: OrgLifeFinding[] = [];
  const byMonth = new Map<string, typeof facts.meetings>();
  for (const m of facts.meetings) {
    const key = m.date.slice(0, 7);
    byMonth.set(key, [...(byMonth.get(key) ?? []), m]);
  }
  for (const member of facts.members) {
    const mine = months.filter((p) => member.since === null || p.end >= member.since);
    const life = mine.map((p) => ({ month: p.key, mark: lifeMark(member, byMonth.get(p.key)) }));
    const lifeRun = member.exemptReason === null ? longestRun(life) : [];
    const dues = member.duesPaidMonths;
    const duesRun =
      dues === null
        ? []
        : longestRun(
            mine.map((p) => ({
              month: p.key,
              mark: dues.includes(p.key) ? ('resets' as const) : ('counts' as const),
            })),
          );
    for (const [run, what] of [
      [lifeRun, '未参加组织生活且未登记请假理由'],
      [duesRun, '未交纳党费'],
    ] as const) {
      if (run.length >= lapseMonths) {
        const first = run[0] ?? '';
        const last = run[run.length - 1] ?? '';
        out.push(
          finding('EDU-11', 'error', `${last}-01`, {
            orgId: facts.orgId,
            personId: member.personId,
            period: `${first}~${last}`,
            message: `${member.name}：${first}至${last}连续${run.length}个月${what}，列入待核查名单（是否属自行脱党须由党组织核实认定）`,
            facts: { months: run, kind: what === '未交纳党费' ? 'dues' : 'organizationLife' },
          }),
        );
      }
    }
  }
  return out;
}

function lifeMark(member: MemberFact, meetings: BranchFacts['meetings'] | undefined): MonthMark {
  if (meetings === undefined || meetings.length === 0) {
    return 'neutral';
  }
  const id = member.personId;
  if (
    meetings.some((m) => m.attendees.some((a) => a.personId === id) || m.excusedIds.includes(id))
  ) {
    return 'resets';
  }
  return 'counts';
}
