/**
 * A township's 轮训 plan for a year: from each branch's people and their study hours so far
 * (EDU-05 32 hours, EDU-14 56 hours with one 集中培训), who still has to be trained, how many hours
 * remain for each group, and suggested classes for the quarters left. Pure. States and counts only:
 * people are listed by branch and roster order, never ranked by hours.
 */
import type { IsoDate } from '../calendar/date';
import { quartersOf } from './periods';
import type { PersonStudy } from './study-hours';

/** 书记和班子成员 (EDU-14) or 党员 (EDU-05). */
export type TraineeGroup = 'officer' | 'member';

export const TRAINEE_GROUP_LABELS: Readonly<Record<TraineeGroup, string>> = {
  officer: '书记和支部委员',
  member: '党员',
};

export interface PlanBranchStudy {
  name: string;
  people: PersonStudy[];
}

/** One person who still needs hours or a 集中培训. */
export interface PlanTrainee {
  branchName: string;
  personId: number;
  name: string;
  group: TraineeGroup;
  requiredHours: number;
  totalHours: number;
  remainingHours: number;
  needsCentralized: boolean;
}

export interface PlanGroupSummary {
  group: TraineeGroup;
  requiredHours: number;
  /** People held to the requirement (exempt members left out). */
  people: number;
  exempt: number;
  met: number;
  /** People who still need hours or a 集中培训. */
  toTrain: number;
  /** Hours still missing, summed over the group. */
  remainingHours: number;
  needsCentralized: number;
}

export interface SuggestedClass {
  quarter: string;
  quarterLabel: string;
  start: IsoDate;
  end: IsoDate;
  group: TraineeGroup;
  title: string;
  centralized: boolean;
  /** People the class is for. */
  trainees: number;
  /** Suggested length, so that everyone can reach the requirement over the quarters left. */
  hours: number;
}

export interface TrainingPlan {
  year: number;
  asOf: IsoDate;
  quartersLeft: number;
  groups: PlanGroupSummary[];
  trainees: PlanTrainee[];
  classes: SuggestedClass[];
}

const round1 = (n: number): number => Math.round(n * 10) / 10;
/** Up to the next half hour. */
const halfUp = (n: number): number => Math.ceil(n * 2) / 2;

export function trainingPlan(
  year: number,
  asOf: IsoDate,
  branches: PlanBranchStudy[],
): TrainingPlan {
  const trainees: PlanTrainee[] = [];
  const groups: PlanGroupSummary[] = (['officer', 'member'] as const).map((group) => ({
    group,
    requiredHours: 0,
    people: 0,
    exempt: 0,
    met: 0,
    toTrain: 0,
    remainingHours: 0,
    needsCentralized: 0,
  }));
  const summary = (g: TraineeGroup): PlanGroupSummary =>
    groups.find((x) => x.group === g) as PlanGroupSummary;
  for (const b of branches) {
    for (const p of b.people) {
      const group: TraineeGroup = p.rule === 'EDU-14' ? 'officer' : 'member';
      const s = summary(group);
      if (p.state === 'exempt') {
        s.exempt += 1;
        continue;
      }
      s.people += 1;
      s.requiredHours = Math.max(s.requiredHours, p.requiredHours);
      const remainingHours = round1(Math.max(0, p.requiredHours - p.totalHours));
      const needsCentralized = group === 'officer' && p.centralizedCount === 0;
      if (remainingHours === 0 && !needsCentralized) {
        s.met += 1;
        continue;
      }
      s.toTrain += 1;
      s.remainingHours = round1(s.remainingHours + remainingHours);
      if (needsCentralized) {
        s.needsCentralized += 1;
      }
      trainees.push({
        branchName: b.name,
        personId: p.personId,
        name: p.name,
        group,
        requiredHours: p.requiredHours,
        totalHours: p.totalHours,
        remainingHours,
        needsCentralized,
      });
    }
  }
  const quarters = quartersOf(year).filter((q) => q.end >= asOf);
  const classes: SuggestedClass[] = [];
  quarters.forEach((q, i) => {
    for (const g of groups) {
      const mine = trainees.filter((t) => t.group === g.group);
      const maxRemaining = Math.max(0, ...mine.map((t) => t.remainingHours));
      const needHours = mine.filter((t) => t.remainingHours > 0).length;
      const needCentral = i === 0 ? mine.filter((t) => t.needsCentralized).length : 0;
      const people = Math.max(needHours, needCentral);
      if (people === 0) {
        continue;
      }
      const hours = halfUp(maxRemaining / quarters.length);
      const centralized = g.group === 'officer';
      classes.push({
        quarter: q.key,
        quarterLabel: q.label,
        start: q.start,
        end: q.end,
        group: g.group,
        title: `${year}年${q.label}${TRAINEE_GROUP_LABELS[g.group]}${centralized ? '集中轮训班' : '轮训班'}`,
        centralized,
        trainees: people,
        hours: hours === 0 ? 1 : hours,
      });
    }
  });
  return { year, asOf, quartersLeft: quarters.length, groups, trainees, classes };
}
