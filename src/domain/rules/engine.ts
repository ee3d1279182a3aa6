/**
 * The 发展党员 rule engine: `evaluate(dossier, { asOf, settings, calendar })` runs every rule of
 * the active rule sets over the dates written in the dossier and says what the next steps are.
 * Pure and synchronous: no clock, no I/O.
 */
import { addMonths, parseIsoDate, type IsoDate } from '../calendar/date';
import type { WorkdayCalendar } from '../calendar/workdays';
import { STEP_KEYS, type Dossier, type StepKey, type Steps } from '../dossier/types';
import { formatCitation, type Citation } from './citation';
import type { Settings } from './settings';

export type Severity = 'error' | 'warning' | 'info';

/** One finding, in the JSON shape of dossier-format.md §4. */
export interface Finding {
  rule: string;
  severity: Severity;
  step: StepKey | null;
  /** Chinese: what was expected, what was found, the dates used. */
  message: string;
  /** Formatted citation, e.g. 《中国共产党发展党员工作细则》第七条. */
  citation: string;
  /** The facts the check used. */
  facts: Record<string, unknown>;
}

/** An upcoming step: earliest lawful date and latest date before a rule is broken. */
export interface NextStep {
  step: StepKey;
  earliest: IsoDate | null;
  latest: IsoDate | null;
  /** Rule behind `latest` (or `earliest` when there is no latest). */
  rule?: string;
}

export interface Evaluation {
  findings: Finding[];
  next: NextStep[];
}

export type RuleSetId = 'xize-2014' | 'xize-2026';

/** What a check sees: the dossier, derived dates, and `report`. */
export interface CheckContext {
  readonly dossier: Dossier;
  readonly steps: Steps;
  readonly asOf: IsoDate;
  readonly settings: Settings;
  readonly calendar: WorkdayCalendar;
  /** From `birthDate`, else from the ID number. */
  readonly birthDate: IsoDate;
  /** 预备期满: admissionMeeting.date + 12 months + Σ extensions; null before admission. */
  readonly probationEnd: IsoDate | null;
  /** Index in STEP_KEYS of the latest step present; -1 when none. */
  readonly lastStepIndex: number;
  /** True when any step at or after `step` (in flow order) is present. */
  hasStepFrom(step: StepKey): boolean;
  /**
   * Records a finding for the current rule. `onDate` is the date of the event judged (the step
   * date, or the deadline for a missing step): the rule and citation in force that day are used.
   */
  report(
    severity: Severity,
    step: StepKey | null,
    onDate: IsoDate,
    message: string,
    facts: Record<string, unknown>,
  ): void;
}

/** One rule as data. A rule without a citation does not compile. */
export interface Rule {
  /** Stable id from rules.md, never reused. */
  id: string;
  ruleSet: RuleSetId;
  /** Severities this rule can give, strongest first. */
  levels: readonly Severity[];
  /** Chinese title. */
  title: string;
  /** Chinese explanation for cadres. */
  explanation: string;
  /** First is the primary citation; later ones are dated versions (e.g. 2026 numbering). */
  citations: readonly [Citation, ...Citation[]];
  effectiveFrom: IsoDate;
  effectiveTo: IsoDate | null;
  /** Local rules may be switched off by a setting. */
  isEnabled?(settings: Settings): boolean;
  check(ctx: CheckContext): void;
}

export interface EvaluateOptions {
  asOf: IsoDate;
  settings: Settings;
  calendar: WorkdayCalendar;
}

interface CompiledRule {
  rule: Rule;
  formatted: { citation: Citation; text: string }[];
}

const STEP_INDEX: Readonly<Record<StepKey, number>> = Object.fromEntries(
  STEP_KEYS.map((k, i) => [k, i]),
) as Record<StepKey, number>;

export function stepIndex(step: StepKey): number {
  return STEP_INDEX[step];
}

/** Birth date from `birthDate` or, failing that, the ID number (readDossier guarantees one). */
export function birthDateOf(dossier: Dossier): IsoDate {
  if (dossier.birthDate !== undefined) {
    return dossier.birthDate;
  }
  const id = dossier.idNumber ?? '';
  return parseIsoDate(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`) ?? '1900-01-01';
}

/** Sum of recorded 延长预备期 months, optionally leaving out the last `skipLast` entries. */
export function extensionMonths(dossier: Dossier, skipLast = 0): number {
  const list = dossier.probationExtensions;
  if (list === undefined) {
    return 0;
  }
  let sum = 0;
  for (let i = 0; i < list.length - skipLast; i++) {
    sum += list[i]?.months ?? 0;
  }
  return sum;
}

/** 预备期满 (dossier-format.md §3). */
export function probationEndOf(dossier: Dossier): IsoDate | null {
  const meeting = dossier.steps.admissionMeeting;
  return meeting === undefined ? null : addMonths(meeting.date, 12 + extensionMonths(dossier));
}

/**
 * The steps copied into one fixed shape, so every rule reads them through monomorphic property
 * access (parsed JSON objects have a different hidden class for each set of steps present).
 */
class FixedSteps implements Steps {
  application: Steps['application'] = undefined;
  applicationTalk: Steps['applicationTalk'] = undefined;
  activistSelection: Steps['activistSelection'] = undefined;
  activistFiling: Steps['activistFiling'] = undefined;
  mentors: Steps['mentors'] = undefined;
  activistReviews: Steps['activistReviews'] = undefined;
  candidateSelection: Steps['candidateSelection'] = undefined;
  candidateFiling: Steps['candidateFiling'] = undefined;
  sponsors: Steps['sponsors'] = undefined;
  politicalReview: Steps['politicalReview'] = undefined;
  training: Steps['training'] = undefined;
  committeeReview: Steps['committeeReview'] = undefined;
  preReview: Steps['preReview'] = undefined;
  applicationForm: Steps['applicationForm'] = undefined;
  admissionMeeting: Steps['admissionMeeting'] = undefined;
  approvalTalk: Steps['approvalTalk'] = undefined;
  approval: Steps['approval'] = undefined;
  approvalFiling: Steps['approvalFiling'] = undefined;
  groupAssignment: Steps['groupAssignment'] = undefined;
  oath: Steps['oath'] = undefined;
  probationReviews: Steps['probationReviews'] = undefined;
  fullMembershipApplication: Steps['fullMembershipApplication'] = undefined;
  fullMembershipMeeting: Steps['fullMembershipMeeting'] = undefined;
  fullMembershipApproval: Steps['fullMembershipApproval'] = undefined;
  archiving: Steps['archiving'] = undefined;
}

class Context implements CheckContext {
  readonly steps: Steps;
  readonly birthDate: IsoDate;
  readonly probationEnd: IsoDate | null;
  readonly lastStepIndex: number;
  readonly findings: Finding[] = [];
  current: CompiledRule | null = null;

  constructor(
    readonly dossier: Dossier,
    readonly asOf: IsoDate,
    readonly settings: Settings,
    readonly calendar: WorkdayCalendar,
  ) {
    const steps = new FixedSteps();
    let last = -1;
    const raw = dossier.steps as Record<string, unknown>;
    for (const key in raw) {
      const value = raw[key];
      if (value !== undefined) {
        (steps as unknown as Record<string, unknown>)[key] = value;
        const i = STEP_INDEX[key as StepKey];
        if (i > last) {
          last = i;
        }
      }
    }
    this.steps = steps;
    this.birthDate = birthDateOf(dossier);
    this.probationEnd = probationEndOf(dossier);
    this.lastStepIndex = last;
  }

  hasStepFrom(step: StepKey): boolean {
    return this.lastStepIndex >= STEP_INDEX[step];
  }

  report(
    severity: Severity,
    step: StepKey | null,
    onDate: IsoDate,
    message: string,
    facts: Record<string, unknown>,
  ): void {
    const compiled = this.current;
    if (compiled === null) {
      return;
    }
    const { rule } = compiled;
    if (onDate < rule.effectiveFrom || (rule.effectiveTo !== null && onDate > rule.effectiveTo)) {
      return;
    }
    this.findings.push({
      rule: rule.id,
      severity,
      step,
      message,
      citation: citationText(compiled, onDate, this.settings),
      facts,
    });
  }
}

function citationText(compiled: CompiledRule, onDate: IsoDate, settings: Settings): string {
  let text = compiled.formatted[0]?.text ?? '';
  for (let i = 1; i < compiled.formatted.length; i++) {
    const entry = compiled.formatted[i];
    if (entry === undefined) {
      continue;
    }
    const c = entry.citation;
    const inForce =
      c.effectiveFrom <= onDate && (c.effectiveTo === null || onDate <= c.effectiveTo);
    const allowed = c.status !== 'unverified' || settings.enable2026Revision;
    if (inForce && allowed) {
      text = entry.text;
    }
  }
  return text;
}

/** A catalogue ready to evaluate: rules in order, citations formatted once. */
export interface Catalogue {
  readonly rules: readonly Rule[];
  readonly compiled: readonly CompiledRule[];
}

/**
 * Validates rules on construction: unique ids, at least one citation, a known level.
 * Throws with a Chinese message naming the rule.
 */
export function buildCatalogue(rules: readonly Rule[]): Catalogue {
  const seen = new Set<string>();
  const compiled: CompiledRule[] = [];
  for (const rule of rules) {
    if (seen.has(rule.id)) {
      throw new Error(`规则编号重复：${rule.id}`);
    }
    seen.add(rule.id);
    if (rule.citations.length === 0 || rule.levels.length === 0 || rule.title.length === 0) {
      throw new Error(`规则 ${rule.id} 缺少出处、级别或标题`);
    }
    compiled.push({
      rule,
      formatted: rule.citations.map((citation) => ({ citation, text: formatCitation(citation) })),
    });
  }
  return { rules, compiled };
}

export function isRuleActive(rule: Rule, settings: Settings): boolean {
  if (rule.ruleSet === 'xize-2026' && !settings.enable2026Revision) {
    return false;
  }
  return rule.isEnabled === undefined || rule.isEnabled(settings);
}

const activeCache = new WeakMap<Catalogue, WeakMap<Settings, readonly CompiledRule[]>>();

/** The rules switched on by `settings`, computed once per settings object. */
function activeRules(catalogue: Catalogue, settings: Settings): readonly CompiledRule[] {
  let bySettings = activeCache.get(catalogue);
  if (bySettings === undefined) {
    bySettings = new WeakMap();
    activeCache.set(catalogue, bySettings);
  }
  let list = bySettings.get(settings);
  if (list === undefined) {
    list = catalogue.compiled.filter((c) => isRuleActive(c.rule, settings));
    bySettings.set(settings, list);
  }
  return list;
}

/** Runs the rules of `catalogue` over one dossier; findings come in catalogue order. */
export function evaluateWith(
  catalogue: Catalogue,
  dossier: Dossier,
  options: EvaluateOptions,
  nextSteps: (ctx: CheckContext) => NextStep[],
): Evaluation {
  const ctx = new Context(dossier, options.asOf, options.settings, options.calendar);
  for (const compiled of activeRules(catalogue, options.settings)) {
    ctx.current = compiled;
    compiled.rule.check(ctx);
  }
  ctx.current = null;
  return { findings: ctx.findings, next: nextSteps(ctx) };
}
