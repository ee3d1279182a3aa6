/**
 * 补录与补材料 heuristics (reference.md §13, "Backdating heuristics"): signs that a dossier was
 * written up after the fact. They are prompts for the township to look into, not verdicts, so
 * every flag is a warning (or info) and names the facts it used.
 */
import { diffDays, type IsoDate } from '../calendar/date';
import type { WorkdayCalendar } from '../calendar/workdays';
import { STEP_TITLES, type StepKey, type Steps } from '../dossier/types';

export const BACKDATING_KINDS = ['late', 'batch', 'dependency', 'holiday'] as const;
/** 补录 · 集中补录 · 材料日期倒置 · 节假日审批 */
export type BackdatingKind = (typeof BACKDATING_KINDS)[number];

export const BACKDATING_LABELS: Readonly<Record<BackdatingKind, string>> = {
  late: '补录',
  batch: '集中补录',
  dependency: '材料日期倒置',
  holiday: '节假日审批',
};

/** Where these heuristics come from: inspection practice, not an article of a regulation. */
export const BACKDATING_SOURCE = '巡察审查常见问题（核查提示，非法规条文）';

export interface BackdatingSettings {
  /** A step recorded more than this many days after its date is 补录 (default 30). */
  lateEntryDays: number;
  /** This many steps or more recorded in one sitting is 集中补录 (default 4). */
  batchMinSteps: number;
  /** Minutes between two recordings that still count as one sitting (default 60). */
  batchWindowMinutes: number;
}

export const DEFAULT_BACKDATING_SETTINGS: Readonly<BackdatingSettings> = {
  lateEntryDays: 30,
  batchMinSteps: 4,
  batchWindowMinutes: 60,
};

/** What the heuristics need of one stored step. */
export interface RecordedStep {
  step: StepKey;
  /** The step's own date (stepDateOf). */
  date: IsoDate | null;
  /** When it was entered: an ISO instant. */
  recordedAt: string;
  recordedBy: string;
}

export interface BackdatingFlag {
  kind: BackdatingKind;
  severity: 'warning' | 'info';
  step: StepKey;
  message: string;
  source: string;
  facts: Record<string, unknown>;
}

/** The calendar day (in China, UTC+8) of an ISO instant. */
export function chinaDateOf(instant: string): IsoDate {
  const ms = Date.parse(instant);
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * Days between a step's date and the day it was entered; > `lateEntryDays` makes it 补录.
 * @example lateEntryDays('2026-01-01', '2026-03-01T02:00:00Z') // 59
 */
export function lateEntryDays(date: IsoDate, recordedAt: string): number {
  return diffDays(date, chinaDateOf(recordedAt));
}

export function isLateEntry(
  date: IsoDate | null,
  recordedAt: string,
  settings: BackdatingSettings,
): boolean {
  return date !== null && lateEntryDays(date, recordedAt) > settings.lateEntryDays;
}

/** Pairs "this material must not be dated before that one" (reference.md §13). */
const DEPENDENCIES: readonly { step: StepKey; dependsOn: StepKey; what: string }[] = [
  { step: 'preReview', dependsOn: 'politicalReview', what: '预审不能早于政审结论' },
  { step: 'preReview', dependsOn: 'training', what: '预审不能早于集中培训结业' },
  { step: 'preReview', dependsOn: 'committeeReview', what: '预审不能早于支委会审查' },
  { step: 'committeeReview', dependsOn: 'training', what: '支委会审查不能早于培训结业' },
  { step: 'applicationForm', dependsOn: 'preReview', what: '入党志愿书不能早于预审' },
];

function dateOf(steps: Steps, key: StepKey): IsoDate | null {
  const s = steps[key] as { date?: IsoDate; endDate?: IsoDate } | undefined;
  return s === undefined ? null : (s.date ?? s.endDate ?? null);
}

/**
 * Every backdating flag of one dossier: late entries, many steps entered in one sitting,
 * materials dated before what they depend on, and an approval dated on a rest day.
 */
export function backdatingFlags(
  steps: Steps,
  recorded: readonly RecordedStep[],
  settings: BackdatingSettings,
  calendar: WorkdayCalendar,
): BackdatingFlag[] {
  const flags: BackdatingFlag[] = [];
  for (const r of recorded) {
    if (r.date !== null && isLateEntry(r.date, r.recordedAt, settings)) {
      const days = lateEntryDays(r.date, r.recordedAt);
      flags.push({
        kind: 'late',
        severity: 'warning',
        step: r.step,
        message: `“${STEP_TITLES[r.step]}”日期为 ${r.date}，${chinaDateOf(r.recordedAt)} 才录入，相隔 ${days} 天（超过 ${settings.lateEntryDays} 天即为补录）。`,
        source: BACKDATING_SOURCE,
        facts: { date: r.date, recordedAt: r.recordedAt, days, limit: settings.lateEntryDays },
      });
    }
  }
  // 集中补录: a sitting is a run of recordings by one person, each within the window of the last.
  const sorted = [...recorded].sort((a, b) => a.recordedAt.localeCompare(b.recordedAt));
  const windowMs = settings.batchWindowMinutes * 60_000;
  let run: RecordedStep[] = [];
  const flush = (): void => {
    const dates = run.map((r) => r.date).filter((d): d is IsoDate => d !== null);
    dates.sort();
    const first = dates[0];
    const last = dates.at(-1);
    if (run.length >= settings.batchMinSteps && first !== undefined && last !== undefined) {
      const spanDays = diffDays(first, last);
      if (spanDays > settings.lateEntryDays) {
        const head = run[0] as RecordedStep;
        flags.push({
          kind: 'batch',
          severity: 'warning',
          step: head.step,
          message: `${head.recordedBy}于 ${chinaDateOf(head.recordedAt)} 一次录入 ${run.length} 个步骤（${run.map((r) => STEP_TITLES[r.step]).join('、')}），其日期跨越 ${first} 至 ${last}（${spanDays} 天），请核实是否事后补材料。`,
          source: BACKDATING_SOURCE,
          facts: {
            steps: run.map((r) => r.step),
            recordedBy: head.recordedBy,
            from: first,
            to: last,
          },
        });
      }
    }
    run = [];
  };
  for (const r of sorted) {
    const prev = run.at(-1);
    if (
      prev !== undefined &&
      (prev.recordedBy !== r.recordedBy ||
        Date.parse(r.recordedAt) - Date.parse(prev.recordedAt) > windowMs)
    ) {
      flush();
    }
    run.push(r);
  }
  flush();
  for (const dep of DEPENDENCIES) {
    const d = dateOf(steps, dep.step);
    const before = dateOf(steps, dep.dependsOn);
    if (d !== null && before !== null && d < before) {
      flags.push({
        kind: 'dependency',
        severity: 'warning',
        step: dep.step,
        message: `${dep.what}：“${STEP_TITLES[dep.step]}”${d}，“${STEP_TITLES[dep.dependsOn]}”${before}。`,
        source: BACKDATING_SOURCE,
        facts: { step: dep.step, date: d, dependsOn: dep.dependsOn, dependsOnDate: before },
      });
    }
  }
  for (const key of ['approval', 'fullMembershipApproval'] as const) {
    const d = dateOf(steps, key);
    if (d !== null && !calendar.isWorkday(d)) {
      flags.push({
        kind: 'holiday',
        severity: 'info',
        step: key,
        message: `“${STEP_TITLES[key]}”日期 ${d} 是休息日，请核对党委会议记录。`,
        source: BACKDATING_SOURCE,
        facts: { date: d },
      });
    }
  }
  return flags;
}
