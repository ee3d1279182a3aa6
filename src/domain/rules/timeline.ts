/**
 * When each step may happen: the earliest lawful date and the latest date before a rule is
 * broken. `nextSteps` uses it for an unfinished dossier; `planTimeline` chains it from an
 * application date into the 推算表 cadres keep in Excel.
 */
import { addDays, addMonths, maxDate, type IsoDate } from '../calendar/date';
import type { WorkdayCalendar } from '../calendar/workdays';
import { STEP_KEYS, STEP_TITLES, type StepKey, type Steps } from '../dossier/types';
import type { CheckContext, NextStep } from './engine';
import type { Settings } from './settings';
import { XIZE_2026 } from './citation';
import { eighteenthBirthday } from './xize-2014/rules';

export interface StepWindow {
  earliest: IsoDate | null;
  latest: IsoDate | null;
  /** Rule behind the binding date. */
  rule: string | null;
  /** Chinese note on how the date was found. */
  note: string;
}

interface TimelineEnv {
  steps: Steps;
  settings: Settings;
  calendar: WorkdayCalendar;
  birthDate: IsoDate | null;
  /** Σ 延长预备期 months. */
  extensionMonths: number;
}

function date(steps: Steps, key: StepKey): IsoDate | null {
  const s = steps[key] as { date?: IsoDate; endDate?: IsoDate } | undefined;
  return s === undefined ? null : (s.date ?? s.endDate ?? null);
}

function window(
  earliest: IsoDate | null,
  latest: IsoDate | null,
  rule: string | null,
  note: string,
): StepWindow {
  return { earliest, latest, rule, note };
}

function after(steps: Steps, key: StepKey, rule = 'DEV-ORDER'): StepWindow | null {
  const d = date(steps, key);
  return d === null ? null : window(d, null, rule, `不早于“${STEP_TITLES[key]}”`);
}

/** Window of `step` given the steps already present; null when a prerequisite is missing. */
export function stepWindow(step: StepKey, env: TimelineEnv): StepWindow | null {
  const { steps, settings } = env;
  switch (step) {
    case 'application':
      return env.birthDate === null
        ? window(null, null, null, '')
        : window(eighteenthBirthday(env.birthDate), null, 'DEV-01', '年满十八周岁');
    case 'applicationTalk': {
      const app = steps.application;
      if (app === undefined) {
        return null;
      }
      const received = app.receivedDate ?? app.date;
      return window(app.date, addMonths(received, 1), 'DEV-03', '收到申请书后一个月内');
    }
    case 'activistSelection': {
      const talk = date(steps, 'applicationTalk');
      const app = date(steps, 'application');
      if (talk === null || app === null) {
        return null;
      }
      const months = settings.applicationToActivistMinMonths;
      const wait = addMonths(app, months);
      return months > 0 && wait > talk
        ? window(wait, null, 'DEV-04', `递交申请书满 ${months} 个月（地方口径）`)
        : window(talk, null, 'DEV-ORDER', '谈话之后');
    }
    case 'activistFiling':
    case 'mentors':
      return after(steps, 'activistSelection');
    case 'activistReviews': {
      const start = date(steps, 'activistSelection');
      if (start === null) {
        return null;
      }
      let last = start;
      for (const d of steps.activistReviews?.dates ?? []) {
        last = maxDate(last, d);
      }
      return window(last, addMonths(last, 6), 'DEV-06', '每半年考察一次');
    }
    case 'candidateSelection': {
      const start = date(steps, 'activistSelection');
      return start === null
        ? null
        : window(addMonths(start, 12), null, 'DEV-08', '培养考察一年以上');
    }
    case 'candidateFiling':
    case 'sponsors':
    case 'politicalReview':
    case 'training':
      return after(steps, 'candidateSelection');
    case 'committeeReview': {
      const c = date(steps, 'candidateSelection');
      const p = date(steps, 'politicalReview');
      const t = steps.training?.endDate ?? null;
      if (c === null || p === null || t === null || steps.politicalReview?.result !== '合格') {
        return null;
      }
      return window(maxDate(c, maxDate(p, t)), null, 'DEV-ORDER', '政审结论和培训结业之后');
    }
    case 'preReview':
      return after(steps, 'committeeReview', 'DEV-14');
    case 'applicationForm':
      return after(steps, 'preReview', 'DEV-14');
    case 'admissionMeeting': {
      const form = date(steps, 'applicationForm');
      if (form === null) {
        return null;
      }
      let earliest = form;
      let rule = 'DEV-14';
      let note = '填写入党志愿书之后';
      const trainingEnd = steps.training?.endDate;
      if (trainingEnd !== undefined && trainingEnd > earliest) {
        earliest = trainingEnd;
        rule = 'DEV-12';
        note = '集中培训结束之后';
      }
      const notice = steps.preReview?.publicNotice;
      if (settings.publicNoticeCheck && notice !== undefined) {
        const day = addDays(notice.endDate, 1);
        if (day > earliest) {
          earliest = day;
          rule = 'DEV-NOTICE';
          note = '公示结束之后';
        }
      }
      const pre = date(steps, 'preReview');
      const latest =
        settings.enable2026Revision && pre !== null && pre >= XIZE_2026.effectiveFrom
          ? addMonths(pre, 1)
          : null;
      return window(earliest, latest, latest === null ? rule : 'DEV26-MEETING', note);
    }
    case 'approvalTalk':
      return after(steps, 'admissionMeeting', 'DEV-19');
    case 'approval': {
      const meeting = date(steps, 'admissionMeeting');
      if (meeting === null) {
        return null;
      }
      const talk = date(steps, 'approvalTalk');
      return window(
        talk === null ? meeting : maxDate(meeting, talk),
        addMonths(meeting, 3),
        'DEV-20',
        '支部大会后三个月内（特殊情况不超过六个月）',
      );
    }
    case 'approvalFiling':
    case 'groupAssignment':
      return after(steps, 'approval');
    case 'oath': {
      const approval = date(steps, 'approval');
      const meeting = date(steps, 'admissionMeeting');
      if (approval === null || meeting === null) {
        return null;
      }
      const end = addMonths(meeting, 12 + env.extensionMonths);
      return window(approval, addDays(end, -1), 'DEV-23', '批准之后、预备期满之前');
    }
    case 'probationReviews':
    case 'fullMembershipApplication':
      return after(steps, 'approval');
    case 'fullMembershipMeeting': {
      const meeting = date(steps, 'admissionMeeting');
      if (meeting === null || date(steps, 'approval') === null) {
        return null;
      }
      return window(addMonths(meeting, 12 + env.extensionMonths), null, 'DEV-25', '预备期满之后');
    }
    case 'fullMembershipApproval': {
      const meeting = date(steps, 'fullMembershipMeeting');
      return meeting === null
        ? null
        : window(meeting, addMonths(meeting, 3), 'DEV-26', '转正大会后三个月内');
    }
    case 'archiving':
      return after(steps, 'fullMembershipApproval');
  }
}

const NO_NEXT: NextStep[] = [];

/** Upcoming steps of a dossier: missing steps whose prerequisites are present. */
export function nextSteps(ctx: CheckContext): NextStep[] {
  const { steps } = ctx;
  if (steps.archiving !== undefined || steps.politicalReview?.result === '不合格') {
    return NO_NEXT;
  }
  const outcome = steps.fullMembershipMeeting?.outcome;
  if (outcome === '取消预备党员资格' && steps.fullMembershipApproval !== undefined) {
    return NO_NEXT;
  }
  const env: TimelineEnv = {
    steps,
    settings: ctx.settings,
    calendar: ctx.calendar,
    birthDate: ctx.birthDate,
    extensionMonths: ctx.probationEnd === null ? 0 : extensionTotal(ctx),
  };
  const result: NextStep[] = [];
  for (const key of STEP_KEYS) {
    if (!isUpcoming(key, ctx, outcome)) {
      continue;
    }
    const w = stepWindow(key, env);
    if (w === null) {
      continue;
    }
    const item: NextStep = { step: key, earliest: w.earliest, latest: w.latest };
    if (w.rule !== null) {
      item.rule = w.rule;
    }
    result.push(item);
  }
  return result;
}

function extensionTotal(ctx: CheckContext): number {
  let sum = 0;
  for (const e of ctx.dossier.probationExtensions ?? []) {
    sum += e.months;
  }
  return sum;
}

function isUpcoming(key: StepKey, ctx: CheckContext, outcome: string | undefined): boolean {
  const { steps } = ctx;
  if (key === 'activistReviews') {
    return (
      steps.activistSelection !== undefined &&
      steps.candidateSelection === undefined &&
      !ctx.hasStepFrom('candidateFiling')
    );
  }
  if (key === 'probationReviews') {
    return steps.approval !== undefined && steps.fullMembershipMeeting === undefined;
  }
  if (key === 'fullMembershipMeeting') {
    // After a 延长预备期 decision the branch meets again when the extension ends.
    return steps.fullMembershipMeeting === undefined || outcome === '延长预备期';
  }
  if (key === 'archiving') {
    return steps.archiving === undefined && outcome === '转为正式党员';
  }
  return steps[key] === undefined;
}

/** One row of the 推算表. */
export interface PlanRow {
  step: StepKey;
  /** Chinese step name. */
  title: string;
  earliest: IsoDate | null;
  latest: IsoDate | null;
  rule: string | null;
  note: string;
}

export interface PlanOptions {
  settings: Settings;
  calendar: WorkdayCalendar;
}

/**
 * The earliest compliant date of every step from an application date, each step taking place on
 * its earliest day; 公示 is counted in working days from the 预审 day.
 * @example planTimeline('2025-03-01', { settings, calendar })[6] // { step: 'candidateSelection', earliest: '2026-09-01', ... }
 */
export function planTimeline(applicationDate: IsoDate, options: PlanOptions): PlanRow[] {
  const steps: Record<string, unknown> = {};
  const env: TimelineEnv = {
    steps: steps as Steps,
    settings: options.settings,
    calendar: options.calendar,
    birthDate: null,
    extensionMonths: 0,
  };
  const rows: PlanRow[] = [];
  for (const key of STEP_KEYS) {
    const w =
      key === 'application'
        ? window(applicationDate, null, null, '计划起点')
        : (stepWindow(key, env) ?? window(null, null, null, '前一步骤未能推算'));
    const at = w.earliest;
    let note = w.note;
    if (at !== null) {
      const planned = plannedStep(key, at, options);
      steps[key] = planned.record;
      note = planned.note ?? note;
    }
    rows.push({
      step: key,
      title: STEP_TITLES[key],
      earliest: at,
      latest: w.latest,
      rule: w.rule,
      note,
    });
  }
  return rows;
}

/** The record the planner puts in for `key` on day `at`, and a note when the row needs one. */
function plannedStep(
  key: StepKey,
  at: IsoDate,
  options: PlanOptions,
): { record: Record<string, unknown>; note?: string } {
  if (key === 'activistReviews') {
    const first = addMonths(at, 6);
    const second = addMonths(at, 12);
    return {
      record: { dates: [first, second] },
      note: `至少每半年一次：最迟 ${first}，再最迟 ${second}`,
    };
  }
  if (key === 'training') {
    const end = addDays(at, 2);
    return { record: { startDate: at, endDate: end }, note: `${at} 至 ${end}，不少于三天` };
  }
  if (key === 'politicalReview') {
    return { record: { date: at, result: '合格' } };
  }
  if (key === 'preReview') {
    const n = options.settings.publicNoticeWorkdays;
    const start = options.settings.strictNoticeCounting ? addDays(at, 1) : at;
    const end = options.calendar.nthWorkday(start, n);
    const record = { date: at, publicNotice: { startDate: at, endDate: end } };
    return options.settings.publicNoticeCheck
      ? { record, note: `公示 ${at} 至 ${end}（${n} 个工作日）` }
      : { record };
  }
  if (key === 'probationReviews') {
    return { record: { dates: [] } };
  }
  if (key === 'fullMembershipMeeting') {
    return { record: { date: at, outcome: '转为正式党员' } };
  }
  return { record: { date: at } };
}
