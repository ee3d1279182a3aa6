/**
 * The instruments the 组织生活 and 学习培训 rules cite (reference.md §0 items 4 and 7, §5, §7, §12),
 * each with the verification status reference.md gives it.
 */
import type { Citation, VerificationStatus } from '../rules/citation';

/** 《中国共产党支部工作条例（试行）》, dated by the 12371 publication (reference.md §5). */
const BRANCH_WORK = {
  instrument: '中国共产党支部工作条例（试行）',
  version: '2018',
  effectiveFrom: '2018-11-25',
  effectiveTo: null,
} as const;

/** 《中国共产党党员教育管理工作条例》, full text read (reference.md §7, J1). */
const MEMBER_EDUCATION = {
  instrument: '中国共产党党员教育管理工作条例',
  version: '2019',
  effectiveFrom: '2019-05-06',
  effectiveTo: null,
} as const;

export function branchWork(article: number | undefined, status: VerificationStatus): Citation {
  return article === undefined ? { ...BRANCH_WORK, status } : { ...BRANCH_WORK, article, status };
}

export function memberEducation(article: number): Citation {
  return { ...MEMBER_EDUCATION, article, status: 'verified' };
}

/**
 * 56 学时 and at least one 集中培训 for 基层党组织书记和班子成员: from the 2019—2023 规划, read only in an
 * English rendering (🟡); whether the 2024—2028 规划 keeps the figures is ❌ (reference.md §0 item 4).
 */
export const TRAINING_PLAN_2019: Citation = {
  instrument: '2019—2023年全国党员教育培训工作规划',
  version: '2019—2023',
  effectiveFrom: '2019-01-01',
  effectiveTo: '2023-12-31',
  status: 'articleUnverified',
};

export const TRAINING_PLAN_2024: Citation = {
  instrument: '2024—2028年全国党员教育培训工作规划',
  version: '2024—2028（待核实）',
  effectiveFrom: '2024-01-01',
  effectiveTo: null,
  status: 'unverified',
};

/** 党课 per quarter: common practice, not traced to a central document (reference.md §0 item 7, §12). */
export const LECTURE_FREQUENCY_PRACTICE: Citation = {
  instrument: '党课频次（地方口径，常见为每季度至少1次）',
  version: '本地设置',
  effectiveFrom: '2018-11-25',
  effectiveTo: null,
  status: 'unverified',
  isLocalPractice: true,
};
