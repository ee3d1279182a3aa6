/**
 * 发展党员 across the scope: the pipeline (counts by stage per branch, the list with next steps and
 * findings, overdue first), the township calendar of due steps, and the backdating report.
 */
import { addDays, type IsoDate } from '../../domain/calendar/date';
import { STEP_TITLES, type StepKey } from '../../domain/dossier/types';
import { BACKDATING_LABELS, type BackdatingFlag } from '../../domain/recruitment/backdating';
import { latestStepDate, STAGE_LABELS, STAGES, type Stage } from '../../domain/recruitment/stage';
import type { Finding, NextStep } from '../../domain/rules/engine';
import { comparePaths } from '../org.service';
import type { Actor, ServiceContext } from '../context';
import { evaluateInScope, todayOf, type EvaluatedDossier } from './dossier.service';

export interface NextStepView {
  step: StepKey;
  title: string;
  earliest: IsoDate | null;
  latest: IsoDate | null;
  rule: string | null;
}

export interface DossierListItem {
  id: number;
  code: string;
  name: string;
  gender: string;
  orgId: number;
  orgName: string;
  stage: Stage;
  stageLabel: string;
  latestDate: IsoDate | null;
  next: NextStepView | null;
  overdue: boolean;
  errorCount: number;
  warningCount: number;
  findings: Pick<Finding, 'rule' | 'severity' | 'step' | 'message' | 'citation'>[];
  flagged: boolean;
  lateEntries: number;
  backdatingFlags: number;
}

export interface BranchCounts {
  orgId: number;
  orgName: string;
  counts: Record<Stage, number>;
  total: number;
}

export interface PipelineFilter {
  orgId?: number | undefined;
  stage?: Stage | undefined;
  /** Name or 档案编号 contains. */
  q?: string | undefined;
  /** Only dossiers with an error finding, an overdue step or a flag. */
  problemsOnly?: boolean | undefined;
}

export interface Pipeline {
  asOf: IsoDate;
  branches: BranchCounts[];
  totals: Record<Stage, number>;
  items: DossierListItem[];
}

function nextView(n: NextStep): NextStepView {
  return {
    step: n.step,
    title: STEP_TITLES[n.step],
    earliest: n.earliest,
    latest: n.latest,
    rule: n.rule ?? null,
  };
}

/** The most pressing next step: the one with the soonest deadline, else the first. */
export function mostPressing(next: readonly NextStep[]): NextStep | null {
  let best: NextStep | null = null;
  for (const n of next) {
    if (n.latest !== null && (best === null || best.latest === null || n.latest < best.latest)) {
      best = n;
    }
  }
  return best ?? next[0] ?? null;
}

function emptyCounts(): Record<Stage, number> {
  return Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
}

export function listItemOf(e: EvaluatedDossier, asOf: IsoDate): DossierListItem {
  const findings = e.evaluation.findings;
  const next = mostPressing(e.evaluation.next);
  const overdue =
    e.evaluation.next.some((n) => n.latest !== null && n.latest < asOf) ||
    findings.some(
      (f) => f.severity === 'error' && f.step !== null && e.dossier?.steps[f.step] === undefined,
    );
  return {
    id: e.loaded.id,
    code: e.loaded.code,
    name: e.loaded.name,
    gender: e.loaded.gender,
    orgId: e.loaded.orgId,
    orgName: e.loaded.orgName,
    stage: e.stage,
    stageLabel: STAGE_LABELS[e.stage],
    latestDate: e.dossier === null ? null : latestStepDate(e.dossier.steps),
    next: next === null ? null : nextView(next),
    overdue,
    errorCount: findings.filter((f) => f.severity === 'error').length,
    warningCount: findings.filter((f) => f.severity === 'warning').length,
    findings: findings
      .filter((f) => f.severity !== 'info')
      .map(({ rule, severity, step, message, citation }) => ({
        rule,
        severity,
        step,
        message,
        citation,
      })),
    flagged: e.loaded.entries.some((x) => x.flagReason !== null),
    lateEntries: e.loaded.entries.filter((x) => x.lateEntry).length,
    backdatingFlags: e.flags.length,
  };
}

export async function getPipeline(
  ctx: ServiceContext,
  actor: Actor,
  filter: PipelineFilter = {},
): Promise<Pipeline> {
  const asOf = todayOf(ctx);
  const evaluated = await evaluateInScope(ctx, actor, {});
  const branches = await ctx.db
    .selectFrom('org')
    .select(['id', 'name', 'path'])
    .where('path', 'like', `${actor.scopePath}%`)
    .where('kind', '=', 'branch')
    .execute();
  branches.sort((a, b) => comparePaths(a.path, b.path));
  const byBranch = new Map<number, BranchCounts>(
    branches.map((b) => [b.id, { orgId: b.id, orgName: b.name, counts: emptyCounts(), total: 0 }]),
  );
  const totals = emptyCounts();
  const q = filter.q?.trim() ?? '';
  const items: DossierListItem[] = [];
  for (const e of evaluated) {
    const item = listItemOf(e, asOf);
    const counts = byBranch.get(item.orgId);
    if (filter.stage === undefined || filter.stage === item.stage) {
      if (counts !== undefined) {
        counts.counts[item.stage] += 1;
        counts.total += 1;
      }
      if (filter.orgId === undefined || filter.orgId === item.orgId) {
        totals[item.stage] += 1;
      }
    }
    if (filter.orgId !== undefined && item.orgId !== filter.orgId) {
      continue;
    }
    if (filter.stage !== undefined && item.stage !== filter.stage) {
      continue;
    }
    if (q !== '' && !item.name.includes(q) && !item.code.includes(q)) {
      continue;
    }
    if (
      filter.problemsOnly === true &&
      !(item.overdue || item.errorCount > 0 || item.flagged || item.backdatingFlags > 0)
    ) {
      continue;
    }
    items.push(item);
  }
  items.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      b.errorCount - a.errorCount ||
      (a.next?.latest ?? '9999').localeCompare(b.next?.latest ?? '9999') ||
      a.code.localeCompare(b.code),
  );
  return { asOf, branches: [...byBranch.values()], totals, items };
}

// ---------------------------------------------------------------- calendar

export type DueKind = 'overdue' | 'due' | 'opens';

export const DUE_KIND_LABELS: Readonly<Record<DueKind, string>> = {
  overdue: '已逾期',
  due: '到期',
  opens: '可办理',
};

export interface CalendarItem {
  dossierId: number;
  code: string;
  name: string;
  orgId: number;
  orgName: string;
  stageLabel: string;
  step: StepKey;
  title: string;
  earliest: IsoDate | null;
  latest: IsoDate | null;
  rule: string | null;
  kind: DueKind;
  /** The date the item is sorted and shown by: the deadline, or the first lawful day. */
  on: IsoDate;
}

/**
 * Next steps across the scope: overdue ones, those due (deadline) within `days`, and those that
 * become possible (first lawful day) within `days`. Overdue first, then by date.
 */
export async function getCalendar(
  ctx: ServiceContext,
  actor: Actor,
  days: number,
  orgId?: number,
): Promise<{ asOf: IsoDate; until: IsoDate; items: CalendarItem[] }> {
  const asOf = todayOf(ctx);
  const until = addDays(asOf, days);
  const evaluated = await evaluateInScope(ctx, actor, orgId === undefined ? {} : { orgId });
  const items: CalendarItem[] = [];
  for (const e of evaluated) {
    for (const n of e.evaluation.next) {
      let kind: DueKind | null = null;
      let on: IsoDate | null = null;
      if (n.latest !== null && n.latest < asOf) {
        kind = 'overdue';
        on = n.latest;
      } else if (n.latest !== null && n.latest <= until) {
        kind = 'due';
        on = n.latest;
      } else if (n.earliest !== null && n.earliest >= asOf && n.earliest <= until) {
        kind = 'opens';
        on = n.earliest;
      }
      if (kind === null || on === null) {
        continue;
      }
      items.push({
        dossierId: e.loaded.id,
        code: e.loaded.code,
        name: e.loaded.name,
        orgId: e.loaded.orgId,
        orgName: e.loaded.orgName,
        stageLabel: STAGE_LABELS[e.stage],
        step: n.step,
        title: STEP_TITLES[n.step],
        earliest: n.earliest,
        latest: n.latest,
        rule: n.rule ?? null,
        kind,
        on,
      });
    }
  }
  items.sort(
    (a, b) =>
      Number(b.kind === 'overdue') - Number(a.kind === 'overdue') ||
      a.on.localeCompare(b.on) ||
      a.code.localeCompare(b.code),
  );
  return { asOf, until, items };
}

// ---------------------------------------------------------------- backdating report

export interface ReportItem {
  dossierId: number;
  code: string;
  name: string;
  kind: BackdatingFlag['kind'] | 'flagged';
  kindLabel: string;
  severity: 'error' | 'warning' | 'info';
  step: StepKey;
  title: string;
  message: string;
  source: string;
  /** The reason given when it was entered (补录原因 or 标记问题原因). */
  reason: string | null;
}

export interface BranchReport {
  orgId: number;
  orgName: string;
  items: ReportItem[];
}

/** Per branch: every 补录, 集中补录, 材料日期倒置 and 节假日审批 flag, and every 标记问题 save. */
export async function getBackdatingReport(
  ctx: ServiceContext,
  actor: Actor,
): Promise<{ asOf: IsoDate; branches: BranchReport[] }> {
  const evaluated = await evaluateInScope(ctx, actor, {});
  const byBranch = new Map<number, BranchReport>();
  for (const e of evaluated) {
    const entries = new Map(e.loaded.entries.map((x) => [x.step, x]));
    const items: ReportItem[] = e.flags.map((f) => ({
      dossierId: e.loaded.id,
      code: e.loaded.code,
      name: e.loaded.name,
      kind: f.kind,
      kindLabel: BACKDATING_LABELS[f.kind],
      severity: f.severity,
      step: f.step,
      title: STEP_TITLES[f.step],
      message: f.message,
      source: f.source,
      reason: f.kind === 'late' ? (entries.get(f.step)?.lateReason ?? null) : null,
    }));
    for (const x of e.loaded.entries) {
      if (x.flagReason !== null) {
        const first = x.flagFindings[0];
        items.push({
          dossierId: e.loaded.id,
          code: e.loaded.code,
          name: e.loaded.name,
          kind: 'flagged',
          kindLabel: '标记问题',
          severity: 'error',
          step: x.step,
          title: STEP_TITLES[x.step],
          message: first === undefined ? '保存时有错误级问题' : first.message,
          source: first?.citation ?? '',
          reason: x.flagReason,
        });
      }
    }
    if (items.length === 0) {
      continue;
    }
    const branch = byBranch.get(e.loaded.orgId) ?? {
      orgId: e.loaded.orgId,
      orgName: e.loaded.orgName,
      items: [],
    };
    branch.items.push(...items);
    byBranch.set(e.loaded.orgId, branch);
  }
  return {
    asOf: todayOf(ctx),
    branches: [...byBranch.values()].sort((a, b) => b.items.length - a.items.length),
  };
}
