/**
 * A branch's 三会一课 calendar for a year: every required meeting with the period it belongs to and
 * the last day it can be held (the period's last day), from the same rules and settings as the
 * compliance check. Pure.
 */
import type { IsoDate } from '../calendar/date';
import { halvesOf, monthsOf, quartersOf, yearOf, type Period } from './periods';
import type { OrgLifeRuleId } from './rules';
import type { OrgLifeSettings } from './settings';
import type { CommitteePeriod, MeetingKind } from './types';

export interface PlanItem {
  rule: OrgLifeRuleId;
  kind: MeetingKind;
  /** 党小组 name for a 党小组会, 书记 for the secretary's 党课, else null. */
  subject: string | null;
  period: string;
  periodLabel: string;
  start: IsoDate;
  /** Last day it can be held. */
  due: IsoDate;
  /** How many are needed in the period. */
  count: number;
}

export interface PlanBranch {
  committees: CommitteePeriod[];
  groups: { name: string }[];
}

export function yearPlan(year: number, branch: PlanBranch, settings: OrgLifeSettings): PlanItem[] {
  const items: PlanItem[] = [];
  const add = (
    rule: OrgLifeRuleId,
    kind: MeetingKind,
    p: Period,
    subject: string | null = null,
    count = 1,
  ): void => {
    items.push({
      rule,
      kind,
      subject,
      period: p.key,
      periodLabel: p.label,
      start: p.start,
      due: p.end,
      count,
    });
  };
  const hasCommittee = (day: IsoDate): boolean =>
    branch.committees.some((c) => c.from <= day && (c.to === null || day <= c.to));
  for (const m of monthsOf(year)) {
    add('BR-10', 'themeDay', m);
    if (hasCommittee(m.start)) {
      add('BR-07', 'committeeMeeting', m);
    }
    for (const g of branch.groups) {
      add('BR-08', 'groupMeeting', m, g.name);
    }
  }
  for (const q of quartersOf(year)) {
    add('BR-06', 'branchAssembly', q);
  }
  const lecturePeriods =
    settings.lecturePeriod === 'quarter'
      ? quartersOf(year)
      : settings.lecturePeriod === 'halfYear'
        ? halvesOf(year)
        : [yearOf(year)];
  for (const p of lecturePeriods) {
    add('BR-09', 'partyLecture', p, null, settings.lecturesPerPeriod);
  }
  const whole = yearOf(year);
  add('BR-09', 'partyLecture', whole, '书记讲党课');
  add('BR-11', 'lifeMeeting', whole);
  add('BR-13', 'memberAppraisal', whole);
  return items.sort((a, b) => a.due.localeCompare(b.due) || a.rule.localeCompare(b.rule));
}
