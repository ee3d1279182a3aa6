/**
 * 组织设置检查 across a subtree: loads the facts the four checks need (正式/预备党员 per 党支部 and
 * village, current 村党组织 posts of each 党支部, 流动党员 with the day they left) in a handful of
 * queries and runs the pure checks of src/domain/roster/org-checks.ts. Used by the township
 * report (web and .xlsx) and by each village profile.
 */
import type { IsoDate } from '../../domain/calendar/date';
import {
  isJointBranchName,
  ORG_CHECK_LABELS,
  runOrgChecks,
  type AwayMemberFacts,
  type BranchSetupFacts,
  type OrgCheckFinding,
  type OrgCheckKind,
  type VillageFacts,
} from '../../domain/roster/org-checks';
import type { CadreTitle } from '../../domain/roster/types';
import type { ExpressionBuilder } from 'kysely';
import type { Database, OrgRow } from '../../db/schema';
import type { Actor, ServiceContext } from '../context';
import { reportRoot } from '../org.service';
import { chinaToday } from './member.service';

const VILLAGE_KINDS = ['partyCommittee', 'generalBranch', 'branch'];

/** Every finding of the four checks for the orgs under `path` (the org at `path` included), errors first. */
export async function orgCheckFindings(
  ctx: ServiceContext,
  path: string,
  asOf: IsoDate,
): Promise<OrgCheckFinding[]> {
  const orgs = await ctx.db
    .selectFrom('org')
    .selectAll()
    .where('path', 'like', `${path}%`)
    .execute();
  // Village-level orgs sit directly under a 乡镇党委, which may lie above `path`.
  const parentIds = [
    ...new Set(orgs.map((o) => o.parentId).filter((id): id is number => id !== null)),
  ];
  const parentKinds = new Map<number, string>(
    parentIds.length === 0
      ? []
      : (
          await ctx.db
            .selectFrom('org')
            .select(['id', 'kind'])
            .where('id', 'in', parentIds)
            .execute()
        ).map((o) => [o.id, o.kind]),
  );
  const villages = orgs.filter(
    (o) =>
      VILLAGE_KINDS.includes(o.kind) &&
      o.parentId !== null &&
      parentKinds.get(o.parentId) === 'townshipCommittee',
  );
  const branches = orgs.filter((o) => o.kind === 'branch');
  const inScope = (eb: ExpressionBuilder<Database, 'partyMembership'>) =>
    eb(
      'partyMembership.orgId',
      'in',
      eb.selectFrom('org').select('org.id').where('org.path', 'like', `${path}%`),
    );
  // Counted in SQL: only the 流动党员 are needed by name.
  const counts = await ctx.db
    .selectFrom('partyMembership')
    .select(['orgId', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where(inScope)
    .where('status', 'in', ['full', 'probationary'])
    .where((eb) => eb.or([eb('awayKind', 'is', null), eb('awayKind', '<>', 'transferredOut')]))
    .groupBy(['orgId', 'status'])
    .execute();
  const mobile = await ctx.db
    .selectFrom('partyMembership')
    .innerJoin('person', 'person.id', 'partyMembership.personId')
    .select([
      'partyMembership.orgId',
      'partyMembership.personId',
      'person.name',
      'partyMembership.awaySince',
    ])
    .where(inScope)
    .where('partyMembership.status', 'in', ['full', 'probationary'])
    .where('partyMembership.awayKind', '=', 'mobile')
    .where('partyMembership.awaySince', 'is not', null)
    .orderBy('partyMembership.orgId')
    .orderBy('partyMembership.id')
    .execute();
  const posts =
    branches.length === 0
      ? []
      : await ctx.db
          .selectFrom('cadrePost as c')
          .innerJoin('org as o', 'o.id', 'c.orgId')
          .select(['c.orgId', 'c.personId', 'c.title'])
          .where('o.path', 'like', `${path}%`)
          .where('o.kind', '=', 'branch')
          .where('c.body', '=', 'partyOrg')
          .where('c.endedOn', 'is', null)
          .where('c.termStart', '<=', asOf)
          .execute();

  // Counts per org once; an org's subtree then sums over the (few) orgs below it.
  const perOrg = new Map<number, { full: number; members: number }>();
  for (const c of counts) {
    const row = perOrg.get(c.orgId) ?? { full: 0, members: 0 };
    row.members += Number(c.n);
    if (c.status === 'full') {
      row.full += Number(c.n);
    }
    perOrg.set(c.orgId, row);
  }
  const under = (org: OrgRow) => {
    const total = { full: 0, members: 0 };
    for (const o of orgs) {
      const c = perOrg.get(o.id);
      if (c !== undefined && o.path.startsWith(org.path)) {
        total.full += c.full;
        total.members += c.members;
      }
    }
    return total;
  };
  const villageFacts: VillageFacts[] = villages.map((v) => ({
    orgId: v.id,
    name: v.name,
    fullMembers: under(v).full,
    isJointBranch: v.kind === 'branch' && isJointBranchName(v.name),
  }));
  const branchFacts: BranchSetupFacts[] = branches.map((b) => {
    const counts = under(b);
    return {
      orgId: b.id,
      name: b.name,
      fullMembers: counts.full,
      members: counts.members,
      officers: posts
        .filter((p) => p.orgId === b.id)
        .map((p) => ({ personId: p.personId, title: p.title as CadreTitle })),
    };
  });
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const away: AwayMemberFacts[] = mobile.map((m) => ({
    orgId: m.orgId,
    orgName: orgName.get(m.orgId) ?? '',
    personId: m.personId,
    name: m.name,
    awaySince: m.awaySince as string,
  }));
  // Errors (BR-04) first; otherwise the checks' own order (villages, branches, members).
  return runOrgChecks({ villages: villageFacts, branches: branchFacts, away }, asOf).sort((a, b) =>
    a.level === b.level ? 0 : a.level === 'error' ? -1 : 1,
  );
}

export interface OrgCheckReport {
  scopeName: string;
  asOf: string;
  /** How many findings each check has, in the order of ORG_CHECK_LABELS. */
  summary: { check: OrgCheckKind; label: string; count: number }[];
  findings: (OrgCheckFinding & { checkLabel: string })[];
}

/** The township report 组织设置检查: every finding in the actor's scope (or under `orgId`). */
export async function orgCheckReport(
  ctx: ServiceContext,
  actor: Actor,
  orgId?: number,
): Promise<OrgCheckReport> {
  const root = await reportRoot(ctx, actor, orgId);
  const path = root.path;
  const asOf = chinaToday(ctx);
  const findings = await orgCheckFindings(ctx, path, asOf);
  const checks = Object.keys(ORG_CHECK_LABELS) as OrgCheckKind[];
  return {
    scopeName: root.name,
    asOf,
    summary: checks.map((check) => ({
      check,
      label: ORG_CHECK_LABELS[check],
      count: findings.filter((f) => f.check === check).length,
    })),
    findings: findings.map((f) => ({ ...f, checkLabel: ORG_CHECK_LABELS[f.check] })),
  };
}

const FACT_LABELS: Record<string, string> = {
  fullMembers: '正式党员',
  members: '党员',
  committeeSize: '支委会人数',
  name: '姓名',
  awaySince: '外出日期',
  asOf: '检查日',
};

/** The facts of a finding as one line: 正式党员 7；支委会人数 未设. */
export function factsText(facts: OrgCheckFinding['facts']): string {
  return Object.entries(facts)
    .map(([k, v]) => `${FACT_LABELS[k] ?? k} ${v === null ? '未设' : String(v)}`)
    .join('；');
}

/** The report as a workbook: one row per finding (组织、检查项、规则、事实、问题、依据). */
export async function orgCheckReportXlsx(report: OrgCheckReport): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('组织设置检查', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1 },
  });
  sheet.addRow([`${report.scopeName}组织设置检查（检查日 ${report.asOf}）`]);
  sheet.mergeCells(1, 1, 1, 7);
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.addRow(['序号', '党组织', '检查项', '规则', '事实', '问题', '依据']);
  sheet.getRow(2).font = { bold: true };
  report.findings.forEach((f, i) => {
    sheet.addRow([
      i + 1,
      f.orgName,
      f.checkLabel,
      `${f.ruleId}${f.level === 'error' ? '（错误）' : '（提醒）'}`,
      factsText(f.facts),
      f.message,
      f.citation,
    ]);
  });
  if (report.findings.length === 0) {
    sheet.addRow(['', '未发现问题']);
  }
  [6, 22, 16, 14, 36, 60, 44].forEach((w, i) => {
    sheet.getColumn(i + 1).width = w;
  });
  for (const c of [5, 6, 7]) {
    sheet.getColumn(c).alignment = { wrapText: true, vertical: 'top' };
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
