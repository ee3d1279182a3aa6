/**
 * The handbook (问不倒) use cases shared by the routes and the CLI: the catalogue with worked
 * examples, search, and the calculators. Nothing here touches the database; the catalogue and
 * its search index are built once per process from the rule index.
 */
import { addDays, addMonths, parseIsoDate, type IsoDate } from '../../domain/calendar/date';
import { planElection } from '../../domain/elections/plan';
import { moreThanHalf, thresholdFor } from '../../domain/elections/tally';
import { defaultTermEnd, ON_TIME_WINDOW_DAYS } from '../../domain/elections/term';
import type { ElectionKind, ElectionRound } from '../../domain/elections/types';
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

/**
 * A rule's id, title and citations; with `on`, the citations in force that day come first (a rule
 * with dated versions, such as ELC-07 before and after 2020-07-13).
 */
function ruleRef(
  id: string,
  on?: IsoDate,
): { id: string; title: string; citations: CitationView[] } {
  const rule = handbookData().handbook.rules.find((r) => r.id === id);
  const info = on === undefined ? undefined : allRules().find((r) => r.id === id);
  if (rule === undefined || info === undefined || on === undefined) {
    return { id, title: rule?.title ?? id, citations: rule?.citations ?? [] };
  }
  const inForce = (i: number) => {
    const c = info.citations[i];
    return (
      c !== undefined && c.effectiveFrom <= on && (c.effectiveTo === null || on <= c.effectiveTo)
    );
  };
  const order = rule.citations
    .map((_, i) => i)
    .sort((a, b) => Number(inForce(b)) - Number(inForce(a)));
  return { id, title: rule.title, citations: order.map((i) => rule.citations[i] as CitationView) };
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
    ruleRefs: result.rules.map((id) => ruleRef(id)),
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

function requireCount(value: string | undefined, field: string, label: string, min = 0): number {
  const text = (value ?? '').trim();
  if (!/^\d{1,6}$/.test(text) || Number(text) < min) {
    throw inputError(`${label}应为不小于 ${min} 的整数：${value ?? ''}`, field);
  }
  return Number(text);
}

export interface ElectionThresholdsView {
  kind: ElectionKind;
  date: IsoDate;
  expectedVoters: number;
  presentVoters: number;
  seats: number;
  /** ELC-05 (党组织) or VC-06 (村民委员会): the smallest turnout that makes the election valid. */
  minPresent: number;
  isQuorate: boolean;
  /** ELC-07 / VC-06: the votes a candidate needs, and what they are counted against. */
  minVotes: number;
  votesBasis: string;
  /** ELC-04 (委员) or VC-06 (村委会): the fewest candidates on the ballot. */
  minCandidates: number;
  explanation: string[];
  ruleRefs: { id: string; title: string; citations: CitationView[] }[];
}

/**
 * Given 应到, 实到 and 应选: the turnout that makes the meeting able to elect, the votes needed to
 * be elected (2020 rule from 2020-07-13, the 1990 practice before) and the fewest candidates.
 */
export function calculateElectionThresholds(input: {
  kind?: string | undefined;
  expected?: string | undefined;
  present?: string | undefined;
  seats?: string | undefined;
  date?: string | undefined;
}): ElectionThresholdsView {
  const kind = (input.kind ?? '党组织委员会').trim() as ElectionKind;
  if (kind !== '党组织委员会' && kind !== '村民委员会') {
    throw inputError(`选举类型应为 党组织委员会 或 村民委员会：${input.kind ?? ''}`, 'kind');
  }
  const expected = requireCount(input.expected, 'expected', '应到人数', 1);
  const present = requireCount(input.present, 'present', '实到人数');
  const seats = requireCount(input.seats, 'seats', '应选人数', 1);
  if (present > expected) {
    throw inputError(`实到人数 ${present} 多于应到人数 ${expected}`, 'present');
  }
  const date = requireDate(input.date ?? '', 'date', '选举日期');
  const round: ElectionRound = {
    id: 'calculator',
    kind,
    date,
    seats,
    expectedVoters: expected,
    presentVoters: present,
    ballotsIssued: present,
    ballotsReturned: present,
    candidates: [],
    round: '正式选举',
  };
  const threshold = thresholdFor(round);
  if (kind === '村民委员会') {
    const minPresent = moreThanHalf(expected);
    return {
      kind,
      date,
      expectedVoters: expected,
      presentVoters: present,
      seats,
      minPresent,
      isQuorate: present >= minPresent,
      minVotes: threshold.minVotes,
      votesBasis: threshold.basis,
      minCandidates: seats + 1,
      explanation: [
        `登记选民 ${expected} 人，须有 ${minPresent} 人以上投票（过半数）选举才有效；现 ${present} 人投票，${present >= minPresent ? '有效' : '无效'}`,
        `候选人获得参加投票村民过半数的选票始得当选：${present} 人投票时至少 ${threshold.minVotes} 票`,
        `候选人名额应多于应选名额：应选 ${seats} 人，至少 ${seats + 1} 名候选人`,
      ],
      ruleRefs: [ruleRef('VC-06', date)],
    };
  }
  const minPresent = Math.floor((4 * expected) / 5) + 1;
  const minCandidates = seats + Math.ceil(seats / 5);
  return {
    kind,
    date,
    expectedVoters: expected,
    presentVoters: present,
    seats,
    minPresent,
    isQuorate: present >= minPresent,
    minVotes: threshold.minVotes,
    votesBasis: threshold.basis,
    minCandidates,
    explanation: [
      `应到 ${expected} 人，有选举权的到会人数须超过五分之四，即至少 ${minPresent} 人；现到 ${present} 人，${present >= minPresent ? '可以进行选举' : '不能进行选举'}`,
      `当选须获得赞成票${threshold.basis}：${threshold.base} 人的半数以上，即至少 ${threshold.minVotes} 票`,
      `委员候选人差额不少于应选人数的 20%：应选 ${seats} 人，至少 ${minCandidates} 名候选人`,
    ],
    ruleRefs: ['ELC-05', 'ELC-07', 'ELC-04'].map((id) => ruleRef(id, date)),
  };
}

export interface TermDatesView {
  termStart: IsoDate;
  years: number;
  termEnd: IsoDate;
  /** ELC-01: an election from this day on is 按期 (the 90-day reminder window). */
  reminderFrom: IsoDate;
  /** ELC-01: the latest day with an approved delay (one year). */
  latestWithApproval: IsoDate;
  steps: { key: string; title: string; dueDate: IsoDate; source: string; isStatutory: boolean }[];
  ruleRefs: { id: string; title: string; citations: CitationView[] }[];
}

/** 换届 dates from a term start: term end, the reminder window, the delay limit and the plan. */
export function calculateTermDates(input: {
  termStart?: string | undefined;
  years?: string | undefined;
}): TermDatesView {
  const termStart = requireDate(input.termStart ?? '', 'termStart', '本届任期开始日期');
  const years = requireCount(input.years ?? '5', 'years', '任期年数', 1);
  if (years > 5) {
    throw inputError(`任期年数应为 1 至 5：${input.years ?? ''}`, 'years');
  }
  const termEnd = defaultTermEnd(termStart, years);
  return {
    termStart,
    years,
    termEnd,
    reminderFrom: addDays(termEnd, -ON_TIME_WINDOW_DAYS),
    latestWithApproval: addMonths(termEnd, 12),
    steps: planElection(termEnd, ['党组织委员会', '村民委员会']).map((s) => ({
      key: s.key,
      title: s.title,
      dueDate: s.dueDate,
      source: s.source,
      isStatutory: s.isStatutory,
    })),
    ruleRefs: [ruleRef('ELC-01')],
  };
}
