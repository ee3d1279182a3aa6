/**
 * The handbook (问不倒) use cases shared by the routes and the CLI: the catalogue with worked
 * examples, search, and the calculators. Nothing here touches the database; the catalogue and
 * its search index are built once per process from the rule index.
 */
import { addDays, parseIsoDate, type IsoDate } from '../../domain/calendar/date';
import { createWorkdayCalendar, type WorkdayCalendar } from '../../domain/calendar/workdays';
import {
  calculateDues,
  DEFAULT_DUES_SETTINGS,
  DUES_CATEGORIES,
  farmerAmountProblem,
  formatYuan,
  parseIncome,
  type DuesCategory,
} from '../../domain/dues/calculate';
import {
  buildHandbook,
  citationView,
  handbookDocuments,
  type CitationView,
  type Handbook,
  type HandbookAnswer,
  type HandbookRule,
} from '../../domain/handbook/catalogue';
import { HANDBOOK_QUESTIONS } from '../../domain/handbook/questions';
import {
  buildSearchIndex,
  searchHandbook,
  type SearchHit,
  type SearchIndex,
} from '../../domain/handbook/search';
import { membershipAge, type MembershipAge } from '../../domain/membership-age/membership-age';
import { allRules } from '../../domain/rule-index';
import { DEFAULT_SETTINGS } from '../../domain/rules/settings';
import { planTimeline, type PlanRow } from '../../domain/rules/timeline';
import { AppError } from '../errors';
import { loadWorkedExamples, type WorkedExample } from './worked-examples';

interface Loaded {
  handbook: Handbook;
  index: SearchIndex;
  examples: Map<string, WorkedExample[]>;
  calendar: WorkdayCalendar;
}

let loaded: Loaded | null = null;

/** The handbook, its search index and examples; built on first use. */
export function handbookData(): Loaded {
  if (loaded === null) {
    const handbook = buildHandbook(allRules(), HANDBOOK_QUESTIONS);
    loaded = {
      handbook,
      index: buildSearchIndex(handbookDocuments(handbook)),
      examples: loadWorkedExamples(),
      calendar: createWorkdayCalendar(),
    };
  }
  return loaded;
}

export interface RuleDetail extends HandbookRule {
  examples: WorkedExample[];
  questions: HandbookAnswer[];
}

export function getRuleDetail(id: string): RuleDetail {
  const { handbook, examples } = handbookData();
  const rule = handbook.rules.find((r) => r.id === id);
  if (rule === undefined) {
    throw new AppError('ERR_NOT_FOUND', `没有编号为 ${id} 的规则`, 'id');
  }
  return {
    ...rule,
    examples: examples.get(id) ?? [],
    questions: handbook.questions.filter((q) => rule.questionIds.includes(q.id)),
  };
}

export interface QuestionDetail extends HandbookAnswer {
  rules: { id: string; title: string }[];
}

export function getQuestionDetail(id: string): QuestionDetail {
  const { handbook } = handbookData();
  const question = handbook.questions.find((q) => q.id === id);
  if (question === undefined) {
    throw new AppError('ERR_NOT_FOUND', `没有编号为 ${id} 的问题`, 'id');
  }
  return {
    ...question,
    rules: question.ruleIds.map((rid) => ({
      id: rid,
      title: handbook.rules.find((r) => r.id === rid)?.title ?? rid,
    })),
  };
}

export interface SearchView {
  query: string;
  terms: string[];
  variants: string[];
  hits: SearchHit[];
}

export function search(query: string, limit = 20): SearchView {
  const outcome = searchHandbook(handbookData().index, query, limit);
  if (!outcome.ok) {
    throw new AppError('ERR_HANDBOOK_QUERY_INVALID', outcome.message, 'q');
  }
  return { query, terms: outcome.terms, variants: outcome.variants, hits: outcome.hits };
}

function inputError(message: string, field: string): AppError {
  return new AppError('ERR_CALCULATOR_INPUT_INVALID', message, field);
}

function requireDate(value: string, field: string, label: string): IsoDate {
  const date = parseIsoDate(value.trim());
  if (date === null) {
    throw inputError(`${label}不是有效日期（应写作 YYYY-MM-DD，且该日存在）：${value}`, field);
  }
  return date;
}

function ruleRef(id: string): { id: string; title: string; citations: CitationView[] } {
  const rule = handbookData().handbook.rules.find((r) => r.id === id);
  return { id, title: rule?.title ?? id, citations: rule?.citations ?? [] };
}

export interface DuesView {
  category: DuesCategory;
  /** 元, two decimals, e.g. '5000.01'; null when none was needed. */
  income: string | null;
  /** 元, two decimals, e.g. '75.00'. */
  monthly: string;
  monthlyFen: number;
  rate: string | null;
  basis: string;
  rule: string;
  ruleTitle: string;
  citation: string;
  citations: CitationView[];
  notes: string[];
}

export function calculateDuesView(input: {
  income?: string | undefined;
  category?: string | undefined;
  farmerAmount?: string | undefined;
}): DuesView {
  const category = (input.category ?? '在职').trim() as DuesCategory;
  if (!DUES_CATEGORIES.includes(category)) {
    throw inputError(
      `党员类别应为 ${DUES_CATEGORIES.join('、')} 之一：${input.category ?? ''}`,
      'category',
    );
  }
  let incomeFen: number | null = null;
  const needsIncome = category === '在职' || category === '离退休';
  if (needsIncome || (input.income !== undefined && input.income.trim() !== '')) {
    const parsed = parseIncome(input.income ?? '');
    if (!parsed.ok) {
      throw inputError(parsed.message, 'income');
    }
    incomeFen = parsed.fen;
  }
  const settings = { ...DEFAULT_DUES_SETTINGS };
  if (input.farmerAmount !== undefined && input.farmerAmount.trim() !== '') {
    const parsed = parseIncome(input.farmerAmount);
    const problem = parsed.ok ? farmerAmountProblem(parsed.fen) : parsed.message;
    if (!parsed.ok || problem !== null) {
      throw inputError(problem ?? '农民党员党费标准无效', 'farmerAmount');
    }
    settings.farmerMonthlyFen = parsed.fen;
  }
  const result = calculateDues(category, incomeFen, settings);
  const citations = result.rule.citations.map(citationView);
  return {
    category,
    income: incomeFen === null ? null : formatYuan(incomeFen),
    monthly: formatYuan(result.monthlyFen),
    monthlyFen: result.monthlyFen,
    rate: result.rate,
    basis: result.basis,
    rule: result.rule.id,
    ruleTitle: result.rule.title,
    citation: citations[0]?.text ?? '',
    citations,
    notes: result.notes,
  };
}

export interface MembershipAgeView extends MembershipAge {
  admissionMeetingDate: IsoDate;
  asOf: IsoDate;
  ruleRefs: { id: string; title: string; citations: CitationView[] }[];
}

export function calculateMembershipAge(input: {
  admissionMeetingDate: string;
  extensionMonths?: string | undefined;
  asOf: string;
}): MembershipAgeView {
  const admission = requireDate(input.admissionMeetingDate, 'admissionMeetingDate', '支部大会日期');
  const asOf = requireDate(input.asOf, 'asOf', '计算日期');
  const text = (input.extensionMonths ?? '').trim();
  const extensions: number[] = [];
  if (text !== '' && text !== '0') {
    for (const part of text.split(/[,，、\s]+/)) {
      if (!/^\d{1,2}$/.test(part)) {
        throw inputError(`延长预备期应填写月数（整数，如 6 或 12）：${part}`, 'extensionMonths');
      }
      extensions.push(Number(part));
    }
  }
  if (asOf < admission) {
    throw inputError(`计算日期 ${asOf} 早于支部大会日期 ${admission}`, 'asOf');
  }
  const result = membershipAge({
    admissionMeetingDate: admission,
    extensionMonths: extensions,
    asOf,
  });
  return {
    ...result,
    admissionMeetingDate: admission,
    asOf,
    ruleRefs: result.rules.map(ruleRef),
  };
}

export interface WorkdaysView {
  mode: 'add' | 'count' | 'notice';
  start: IsoDate;
  end: IsoDate;
  /** add/notice: the N asked for; count: the working days found (start and end inclusive). */
  workdays: number;
  /** notice: the first day the next step may take place. */
  nextDay: IsoDate | null;
  explanation: string;
  /** Years in the range without a 节假日 table: counted Monday–Friday only. */
  warnings: string[];
  ruleRefs: { id: string; title: string; citations: CitationView[] }[];
}

function yearWarnings(calendar: WorkdayCalendar, from: IsoDate, to: IsoDate): string[] {
  const out: string[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
    if (!calendar.hasData(y)) {
      out.push(
        `${y} 年没有节假日安排数据（国务院办公厅通知一般在上一年 11 月发布），只按周一至周五计算，结果仅供参考，请核对当年放假安排`,
      );
    }
  }
  return out;
}

const MAX_WORKDAYS = 1000;

/**
 * Working days: `add` gives the N-th working day counted from `start` (start counts when it is
 * a working day); `count` counts from `start` to `end`, both included; `notice` is a 公示 of N
 * working days from `start` (default 5) and the first day after it.
 */
export function calculateWorkdays(input: {
  mode: string;
  start: string;
  end?: string | undefined;
  days?: string | undefined;
}): WorkdaysView {
  const { calendar } = handbookData();
  const start = requireDate(input.start, 'start', '开始日期');
  const noticeRefs = [ruleRef('DEV-NOTICE')];
  if (input.mode === 'count') {
    const end = requireDate(input.end ?? '', 'end', '结束日期');
    if (end < start) {
      throw inputError(`结束日期 ${end} 早于开始日期 ${start}`, 'end');
    }
    const n = calendar.countWorkdays(start, end);
    return {
      mode: 'count',
      start,
      end,
      workdays: n,
      nextDay: null,
      explanation: `${start} 至 ${end}（首尾两日都计入）共有 ${n} 个工作日`,
      warnings: yearWarnings(calendar, start, end),
      ruleRefs: noticeRefs,
    };
  }
  if (input.mode !== 'add' && input.mode !== 'notice') {
    throw inputError(`计算方式应为 add、count 或 notice：${input.mode}`, 'mode');
  }
  const daysText = (input.days ?? (input.mode === 'notice' ? '5' : '')).trim();
  if (!/^\d{1,4}$/.test(daysText) || Number(daysText) < 1 || Number(daysText) > MAX_WORKDAYS) {
    throw inputError(`工作日数应为 1 至 ${MAX_WORKDAYS} 的整数：${input.days ?? ''}`, 'days');
  }
  const n = Number(daysText);
  const end = calendar.nthWorkday(start, n);
  const nextDay = input.mode === 'notice' ? addDays(end, 1) : null;
  return {
    mode: input.mode,
    start,
    end,
    workdays: n,
    nextDay,
    explanation:
      input.mode === 'notice'
        ? `${start} 开始公示 ${n} 个工作日（首尾两日都计入），${end} 结束，下一步骤最早 ${nextDay ?? ''}`
        : `从 ${start} 起（当天是工作日则计为第 1 天）的第 ${n} 个工作日是 ${end}`,
    warnings: yearWarnings(calendar, start, end),
    ruleRefs: noticeRefs,
  };
}

export interface PlanView {
  from: IsoDate;
  steps: PlanRow[];
  ruleRefs: { id: string; title: string }[];
}

/** The 发展党员 推算表 with the national defaults and the pinned holiday tables. */
export function calculatePlan(input: { from: string }): PlanView {
  const from = requireDate(input.from, 'from', '递交入党申请书日期');
  const steps = planTimeline(from, {
    settings: DEFAULT_SETTINGS,
    calendar: handbookData().calendar,
  });
  const ids = [...new Set(steps.map((s) => s.rule).filter((r): r is string => r !== null))];
  return { from, steps, ruleRefs: ids.map((id) => ({ id, title: ruleRef(id).title })) };
}

export type { CitationView, HandbookAnswer, HandbookRule, SearchHit, WorkedExample };
