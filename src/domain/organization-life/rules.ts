/**
 * The 组织生活 (BR-*) and 学习培训 (EDU-*) rules as data: id, level, Chinese title and explanation,
 * dated citations carrying their verification status, and the settings each reads.
 * The checks themselves are in compliance.ts and study-hours.ts; this is the catalogue.
 */
import type { Citation } from '../rules/citation';
import type { Severity } from '../rules/engine';
import {
  branchWork,
  LECTURE_FREQUENCY_PRACTICE,
  memberEducation,
  TRAINING_PLAN_2019,
  TRAINING_PLAN_2024,
} from './citations';
import type { OrgLifeSettings } from './settings';

export type OrgLifeRuleId =
  | 'BR-04'
  | 'BR-06'
  | 'BR-07'
  | 'BR-08'
  | 'BR-09'
  | 'BR-10'
  | 'BR-11'
  | 'BR-13'
  | 'EDU-05'
  | 'EDU-14'
  | 'EDU-11';

export interface OrgLifeRule {
  id: OrgLifeRuleId;
  module: 'organizationLife' | 'training';
  levels: readonly Severity[];
  /** Short Chinese name, used as the matrix column head. */
  shortTitle: string;
  title: string;
  explanation: string;
  /** First is primary; others are dated versions or the second instrument saying the same. */
  citations: readonly [Citation, ...Citation[]];
  /** Local settings this rule reads (shown with their sources). */
  settings: readonly (keyof OrgLifeSettings)[];
  /** A review list for a person to judge, never an automatic verdict. */
  isReviewList?: boolean;
}

export const ORG_LIFE_RULES: readonly OrgLifeRule[] = [
  {
    id: 'BR-04',
    module: 'organizationLife',
    levels: ['error'],
    shortTitle: '支委会设置',
    title: '正式党员7人以上的党支部应设支部委员会，委员会3至7人',
    explanation:
      '正式党员7人以上的党支部设支部委员会，由3至5人组成、一般不超过7人；不足7人的设书记1名。按评估日（当年已结束则为年末）的正式党员人数和在任委员人数判断。条例该章的条号尚待核实。',
    citations: [branchWork(undefined, 'articleUnverified')],
    settings: [],
  },
  {
    id: 'BR-06',
    module: 'organizationLife',
    levels: ['warning'],
    shortTitle: '党员大会',
    title: '支部党员大会一般每季度召开1次',
    explanation:
      '每个季度至少有1次支部党员大会的记录。季度最后一天仍可召开，过了这一天仍无记录即为缺少。',
    citations: [branchWork(11, 'verified')],
    settings: [],
  },
  {
    id: 'BR-07',
    module: 'organizationLife',
    levels: ['warning'],
    shortTitle: '支委会',
    title: '支委会会议一般每月召开1次（设有支部委员会的党支部）',
    explanation:
      '只对设有支部委员会的党支部要求：从支委会成立后的第一个完整月份起，每月至少1次支委会。未设支委会的党支部不作要求。',
    citations: [branchWork(12, 'verified')],
    settings: [],
  },
  {
    id: 'BR-08',
    module: 'organizationLife',
    levels: ['warning'],
    shortTitle: '党小组会',
    title: '党小组会一般每月召开1次（按党小组分别判断）',
    explanation: '划分了党小组的，每个党小组每月至少1次党小组会。没有党小组的党支部不作要求。',
    citations: [branchWork(13, 'verified')],
    settings: [],
  },
  {
    id: 'BR-09',
    module: 'organizationLife',
    levels: ['warning'],
    shortTitle: '党课',
    title: '按本地规定的频次上党课；支部书记每年至少讲1次党课',
    explanation:
      '党课频次是本地设置（默认每季度1次）：支部工作条例只要求按期组织党课，未规定频次。另查支部书记当年是否至少讲过1次党课（以在任书记为讲课人的党课记录为准）。',
    citations: [branchWork(19, 'articleUnverified'), LECTURE_FREQUENCY_PRACTICE],
    settings: ['lecturePeriod', 'lecturesPerPeriod'],
  },
  {
    id: 'BR-10',
    module: 'organizationLife',
    levels: ['warning'],
    shortTitle: '主题党日',
    title: '党支部每月开展1次主题党日',
    explanation: '每月至少1次主题党日记录。',
    citations: [memberEducation(16), branchWork(20, 'articleUnverified')],
    settings: [],
  },
  {
    id: 'BR-11',
    module: 'organizationLife',
    levels: ['warning'],
    shortTitle: '组织生活会',
    title: '党支部每年至少召开1次组织生活会',
    explanation: '每年至少1次组织生活会，一般安排在第四季度。',
    citations: [memberEducation(17), branchWork(21, 'articleUnverified')],
    settings: [],
  },
  {
    id: 'BR-13',
    module: 'organizationLife',
    levels: ['warning'],
    shortTitle: '民主评议',
    title: '党支部一般每年开展1次民主评议党员',
    explanation: '每年至少1次民主评议党员的记录，可结合组织生活会进行。',
    citations: [memberEducation(18), branchWork(23, 'articleUnverified')],
    settings: [],
  },
  {
    id: 'EDU-05',
    module: 'training',
    levels: ['warning'],
    shortTitle: '党员学时',
    title: '党员每年集中学习培训一般不少于32学时',
    explanation:
      '计入会议（到会）和培训班（出勤）登记的学时。年老体弱、行动不便、重病或失能并已登记免于要求的党员不计入（《中国共产党党员教育管理工作条例》第二十三条）。年内显示差多少学时、还剩几个月；年末仍不足即为缺少。',
    citations: [memberEducation(20), memberEducation(23)],
    settings: ['memberStudyHours'],
  },
  {
    id: 'EDU-14',
    module: 'training',
    levels: ['warning'],
    shortTitle: '书记委员学时',
    title: '支部书记和班子成员每年学习培训不少于56学时且至少参加1次集中培训',
    explanation:
      '当年担任过书记、副书记或委员的，学时要求为56，并至少参加1次集中培训（登记为集中培训的培训班）。该要求出自全国党员教育培训工作规划，2024—2028年规划是否沿用未核实。',
    citations: [TRAINING_PLAN_2024, TRAINING_PLAN_2019],
    settings: ['officerStudyHours', 'officerStudyCheck'],
  },
  {
    id: 'EDU-11',
    module: 'organizationLife',
    levels: ['error'],
    shortTitle: '连续未参加',
    title: '连续6个月不参加组织生活或不交纳党费（自行脱党候选，需人工核查）',
    explanation:
      '只是待核查名单，不是结论：列出连续6个月（设置项）有会议却未到会且未登记请假理由、或未交党费（有党费记录时）的党员。当月支部没有开会的不计入也不中断；请假有理由的视为有正当理由。免于要求的党员不查组织生活，仍查党费。是否按自行脱党处理由党组织按程序认定。',
    citations: [memberEducation(31)],
    settings: ['lapseMonths'],
    isReviewList: true,
  },
];

const BY_ID = new Map(ORG_LIFE_RULES.map((r) => [r.id, r]));

export function orgLifeRule(id: OrgLifeRuleId): OrgLifeRule {
  const rule = BY_ID.get(id);
  if (rule === undefined) {
    throw new Error(`unknown rule ${id}`);
  }
  return rule;
}

/** The citation of `rule` in force on `onDate` (the first one whose window holds it). */
export function citationOn(rule: OrgLifeRule, onDate: string): Citation {
  return (
    rule.citations.find(
      (c) => c.effectiveFrom <= onDate && (c.effectiveTo === null || onDate <= c.effectiveTo),
    ) ?? rule.citations[0]
  );
}
