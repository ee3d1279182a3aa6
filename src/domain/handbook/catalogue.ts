/**
 * The handbook (问不倒) built from `allRules()` and the questions: every rule browsable by
 * regulation and by topic (module), with its citations formatted, the local settings that change
 * it and the questions that cite it. Modules that append their catalogue to rule-index.ts
 * appear here with no change.
 */
import { DEFAULT_DUES_SETTINGS, DUES_SETTING_SOURCES, formatYuan } from '../dues/calculate';
import { formatCitation, type Citation, type VerificationStatus } from '../rules/citation';
import type { Severity } from '../rules/engine';
import { DEFAULT_SETTINGS, SETTING_SOURCES, type Settings } from '../rules/settings';
import { RULE_MODULE_LABELS, type RuleInfo, type RuleModule } from '../rule-index';
import type { HandbookQuestion } from './questions';
import type { SearchDocument } from './search';

/** A local setting (地方口径) that changes a rule, with its default and where that comes from. */
export interface RuleSetting {
  key: string;
  label: string;
  defaultValue: string;
  source: string;
}

export interface CitationView {
  text: string;
  instrument: string;
  version: string;
  status: VerificationStatus;
  isLocalPractice: boolean;
}

export interface HandbookRule {
  id: string;
  module: RuleModule;
  moduleLabel: string;
  levels: Severity[];
  title: string;
  explanation: string;
  citations: CitationView[];
  isProvisional: boolean;
  settings: RuleSetting[];
  questionIds: string[];
}

export interface HandbookAnswer {
  id: string;
  topic: RuleModule;
  topicLabel: string;
  question: string;
  answer: string;
  ruleIds: string[];
  citations: CitationView[];
}

export interface InstrumentGroup {
  /** 《…》 with its version, e.g. 《中国共产党发展党员工作细则》（2014）. */
  label: string;
  instrument: string;
  version: string;
  ruleIds: string[];
}

export interface TopicGroup {
  module: RuleModule;
  label: string;
  ruleIds: string[];
  questionIds: string[];
}

export interface Handbook {
  rules: HandbookRule[];
  questions: HandbookAnswer[];
  instruments: InstrumentGroup[];
  topics: TopicGroup[];
}

const SETTING_LABELS: Readonly<Record<keyof Settings, string>> = {
  publicNoticeCheck: '检查发展对象公示',
  publicNoticeWorkdays: '公示最少工作日数',
  strictNoticeCounting: '公示严格口径（开始当日不计入）',
  applicationToActivistMinMonths: '递交申请书到确定积极分子的最短月数',
  enable2026Revision: '启用 2026 年修订版细则（待核实）',
};

/** Which rules each setting changes. */
const SETTING_RULES: Readonly<Record<keyof Settings, (id: string) => boolean>> = {
  publicNoticeCheck: (id) => id === 'DEV-NOTICE',
  publicNoticeWorkdays: (id) => id === 'DEV-NOTICE',
  strictNoticeCounting: (id) => id === 'DEV-NOTICE',
  applicationToActivistMinMonths: (id) => id === 'DEV-04',
  enable2026Revision: (id) => id.startsWith('DEV26-'),
};

function displayValue(value: boolean | number): string {
  return typeof value === 'boolean' ? (value ? '开启' : '关闭') : String(value);
}

/** The local settings that change rule `id`. */
export function settingsOfRule(id: string): RuleSetting[] {
  const out: RuleSetting[] = [];
  for (const key of Object.keys(SETTING_RULES) as (keyof Settings)[]) {
    if (SETTING_RULES[key](id)) {
      out.push({
        key,
        label: SETTING_LABELS[key],
        defaultValue: displayValue(DEFAULT_SETTINGS[key]),
        source: SETTING_SOURCES[key],
      });
    }
  }
  if (id === 'DUES-06') {
    out.push({
      key: 'farmerMonthlyFen',
      label: '农民党员每月党费（元）',
      defaultValue: formatYuan(DEFAULT_DUES_SETTINGS.farmerMonthlyFen),
      source: DUES_SETTING_SOURCES.farmerMonthlyFen,
    });
  }
  return out;
}

export function citationView(c: Citation): CitationView {
  return {
    text: formatCitation(c),
    instrument: c.instrument,
    version: c.version,
    status: c.status,
    isLocalPractice: c.isLocalPractice === true,
  };
}

/**
 * @example buildHandbook(allRules(), HANDBOOK_QUESTIONS).topics[0].label // '发展党员'
 */
export function buildHandbook(
  rules: readonly RuleInfo[],
  questions: readonly HandbookQuestion[],
): Handbook {
  const questionsByRule = new Map<string, string[]>();
  for (const q of questions) {
    for (const id of q.ruleIds) {
      questionsByRule.set(id, [...(questionsByRule.get(id) ?? []), q.id]);
    }
  }
  const handbookRules = rules.map((r): HandbookRule => ({
    id: r.id,
    module: r.module,
    moduleLabel: RULE_MODULE_LABELS[r.module],
    levels: [...r.levels],
    title: r.title,
    explanation: r.explanation,
    citations: r.citations.map(citationView),
    isProvisional: r.isProvisional,
    settings: settingsOfRule(r.id),
    questionIds: questionsByRule.get(r.id) ?? [],
  }));

  const instruments = new Map<string, InstrumentGroup>();
  for (const r of rules) {
    for (const c of r.citations) {
      const label = `《${c.instrument}》（${c.version}）`;
      let group = instruments.get(label);
      if (group === undefined) {
        group = { label, instrument: c.instrument, version: c.version, ruleIds: [] };
        instruments.set(label, group);
      }
      if (!group.ruleIds.includes(r.id)) {
        group.ruleIds.push(r.id);
      }
    }
  }

  const topics: TopicGroup[] = [];
  for (const module of Object.keys(RULE_MODULE_LABELS) as RuleModule[]) {
    const ruleIds = rules.filter((r) => r.module === module).map((r) => r.id);
    const questionIds = questions.filter((q) => q.topic === module).map((q) => q.id);
    if (ruleIds.length > 0 || questionIds.length > 0) {
      topics.push({ module, label: RULE_MODULE_LABELS[module], ruleIds, questionIds });
    }
  }

  return {
    rules: handbookRules,
    questions: questions.map((q) => ({
      id: q.id,
      topic: q.topic,
      topicLabel: RULE_MODULE_LABELS[q.topic],
      question: q.question,
      answer: q.answer,
      ruleIds: [...q.ruleIds],
      citations: q.citations.map(citationView),
    })),
    instruments: [...instruments.values()],
    topics,
  };
}

/** The handbook's rules and answers as search documents. */
export function handbookDocuments(handbook: Handbook): SearchDocument[] {
  return [
    ...handbook.questions.map((q): SearchDocument => ({
      kind: 'question',
      id: q.id,
      title: q.question,
      explanation: q.answer,
      extra: [q.topicLabel, ...q.ruleIds, ...q.citations.map((c) => c.text)].join(' '),
    })),
    ...handbook.rules.map((r): SearchDocument => ({
      kind: 'rule',
      id: r.id,
      title: r.title,
      explanation: r.explanation,
      extra: [r.id, r.id.replace('-', ''), r.moduleLabel, ...r.citations.map((c) => c.text)].join(
        ' ',
      ),
    })),
  ];
}
