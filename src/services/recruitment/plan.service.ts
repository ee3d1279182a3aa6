/**
 * 年度发展计划: a quota per branch and year, progress against it (new 预备党员 approved that year),
 * those on the way (发展对象), and the structure of the new members.
 */
import type { IsoDate } from '../../domain/calendar/date';
import { memberStructure, type MemberStructure } from '../../domain/recruitment/plan';
import { comparePaths, getOrgInScope, requireAdmin } from '../org.service';
import { appendAudit } from '../audit.service';
import { isoNow, type Actor, type ServiceContext } from '../context';
import { AppError } from '../errors';
import { loadDossiers } from './load';

export interface BranchPlan {
  orgId: number;
  orgName: string;
  quota: number | null;
  /** 预备党员 approved (上级党委审批) in the year. */
  admitted: number;
  /** 发展对象 now: the next year's likely admissions. */
  candidates: number;
}

export interface AnnualPlan {
  year: number;
  branches: BranchPlan[];
  quotaTotal: number;
  admittedTotal: number;
  structure: MemberStructure;
}

export async function getAnnualPlan(
  ctx: ServiceContext,
  actor: Actor,
  year: number,
): Promise<AnnualPlan> {
  const branches = await ctx.db
    .selectFrom('org')
    .select(['id', 'name', 'path'])
    .where('path', 'like', `${actor.scopePath}%`)
    .where('kind', '=', 'branch')
    .execute();
  branches.sort((a, b) => comparePaths(a.path, b.path));
  const quotas = await ctx.db
    .selectFrom('recruitmentQuota as q')
    .innerJoin('org as o', 'o.id', 'q.orgId')
    .select(['q.orgId', 'q.quota'])
    .where('o.path', 'like', `${actor.scopePath}%`)
    .where('q.year', '=', year)
    .execute();
  const quotaOf = new Map(quotas.map((q) => [q.orgId, Number(q.quota)]));
  const dossiers = await loadDossiers(ctx, { scopePath: actor.scopePath });
  const admitted = new Map<number, number>();
  const candidates = new Map<number, number>();
  const members = [];
  for (const d of dossiers) {
    const approval = d.entries.find((e) => e.step === 'approval')?.date ?? null;
    if (approval !== null && approval.startsWith(`${year}-`)) {
      admitted.set(d.orgId, (admitted.get(d.orgId) ?? 0) + 1);
      members.push({
        birthDate: d.birthDate,
        gender: d.gender,
        education: d.education,
        occupation: d.occupation,
        admittedOn: approval as IsoDate,
      });
    }
    if (d.stage === 'candidate') {
      candidates.set(d.orgId, (candidates.get(d.orgId) ?? 0) + 1);
    }
  }
  const rows = branches.map((b) => ({
    orgId: b.id,
    orgName: b.name,
    quota: quotaOf.get(b.id) ?? null,
    admitted: admitted.get(b.id) ?? 0,
    candidates: candidates.get(b.id) ?? 0,
  }));
  return {
    year,
    branches: rows,
    quotaTotal: rows.reduce((s, r) => s + (r.quota ?? 0), 0),
    admittedTotal: rows.reduce((s, r) => s + r.admitted, 0),
    structure: memberStructure(members),
  };
}

export async function setQuota(
  ctx: ServiceContext,
  actor: Actor,
  input: { orgId: number; year: number; quota: number },
): Promise<void> {
  requireAdmin(actor);
  const org = await getOrgInScope(ctx, actor, input.orgId);
  if (org.kind !== 'branch') {
    throw new AppError(
      'ERR_RECRUITMENT_ORG_NOT_BRANCH',
      `年度发展计划按党支部下达：“${org.name}”不是党支部`,
      'orgId',
    );
  }
  await ctx.db.transaction().execute(async (trx) => {
    const at = isoNow(ctx);
    const before = await trx
      .selectFrom('recruitmentQuota')
      .select(['id', 'quota'])
      .where('orgId', '=', org.id)
      .where('year', '=', input.year)
      .executeTakeFirst();
    if (before === undefined) {
      await trx
        .insertInto('recruitmentQuota')
        .values({
          orgId: org.id,
          year: input.year,
          quota: input.quota,
          areaCode: org.areaCode,
          updatedAt: at,
        })
        .execute();
    } else {
      await trx
        .updateTable('recruitmentQuota')
        .set({ quota: input.quota, updatedAt: at })
        .where('id', '=', before.id)
        .execute();
    }
    await appendAudit(trx, actor, at, {
      action: 'recruitment.setQuota',
      entityType: 'org',
      entityId: org.id,
      areaCode: org.areaCode,
      orgPath: org.path,
      before: before === undefined ? undefined : { year: input.year, quota: Number(before.quota) },
      after: { year: input.year, quota: input.quota, branch: org.name },
    });
  });
}
