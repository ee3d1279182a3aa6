/**
 * 发展党员 pipeline stages (发展阶段) and which steps belong to the township: pure functions over
 * the interchange-format `Steps`.
 */
import type { IsoDate } from '../calendar/date';
import { STEP_KEYS, type StepKey, type Steps } from '../dossier/types';

/** 申请人 · 积极分子 · 发展对象 · 预备党员 · 已转正, and the two ways a dossier ends early. */
export const STAGES = [
  'applicant',
  'activist',
  'candidate',
  'probationary',
  'full',
  'stopped',
] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Readonly<Record<Stage, string>> = {
  applicant: '申请人',
  activist: '积极分子',
  candidate: '发展对象',
  probationary: '预备党员',
  full: '已转正',
  stopped: '已终止',
};

/**
 * The stage a dossier is in, from the steps present: 确定积极分子 → 积极分子, 确定发展对象 → 发展对象,
 * 上级党委审批 → 预备党员, 转正审批 with 转为正式党员 → 已转正. A failed 政审 or a 取消预备党员资格
 * that was approved ends the dossier (已终止).
 * @example stageOf({ application: { date: '2025-03-01' } }) // 'applicant'
 */
export function stageOf(steps: Steps): Stage {
  const outcome = steps.fullMembershipMeeting?.outcome;
  if (steps.fullMembershipApproval !== undefined) {
    if (outcome === '转为正式党员') {
      return 'full';
    }
    if (outcome === '取消预备党员资格') {
      return 'stopped';
    }
  }
  if (steps.approval !== undefined) {
    return 'probationary';
  }
  if (steps.politicalReview?.result === '不合格') {
    return 'stopped';
  }
  if (steps.candidateSelection !== undefined) {
    return 'candidate';
  }
  if (steps.activistSelection !== undefined) {
    return 'activist';
  }
  return 'applicant';
}

/** Steps only a township (or county) role may record: 备案, 预审, 谈话, 审批 of the 上级党委. */
export const TOWNSHIP_STEPS: readonly StepKey[] = [
  'activistFiling',
  'candidateFiling',
  'preReview',
  'approvalTalk',
  'approval',
  'approvalFiling',
  'fullMembershipApproval',
];

export function isTownshipStep(step: StepKey): boolean {
  return TOWNSHIP_STEPS.includes(step);
}

/**
 * The one date a step record stands for: `date`, or the training's `endDate`, or the last of a
 * review step's `dates`; null when the record has none.
 */
export function stepDateOf(record: unknown): IsoDate | null {
  if (typeof record !== 'object' || record === null) {
    return null;
  }
  const r = record as { date?: unknown; endDate?: unknown; dates?: unknown };
  if (typeof r.date === 'string') {
    return r.date;
  }
  if (typeof r.endDate === 'string') {
    return r.endDate;
  }
  if (Array.isArray(r.dates)) {
    const dates = r.dates.filter((d): d is string => typeof d === 'string').sort();
    return dates.at(-1) ?? null;
  }
  return null;
}

/** The latest date written anywhere in the dossier's steps. */
export function latestStepDate(steps: Steps): IsoDate | null {
  let latest: IsoDate | null = null;
  for (const key of STEP_KEYS) {
    const d = stepDateOf(steps[key]);
    if (d !== null && (latest === null || d > latest)) {
      latest = d;
    }
  }
  return latest;
}
