/**
 * 换届选举 use cases: the term register of every village-level body in scope, election plans and
 * their progress, candidate checks, and the rounds counted. Every change runs in one transaction
 * with its audit entry. A recorded round that completes the election starts the new term.
 */
import type { Transaction } from 'kysely';
import { addMonths, formatDate, type IsoDate } from '../../domain/calendar/date';
import {
  checkCandidate,
  checkElectedWomen,
  checkSlate,
  negativeItemsFor,
  type CandidateCheck,
  type ElectedMember,
  type NegativeListItem,
  type Residence,
} from '../../domain/elections/candidates';
import {
  checkRoundPosts,
  NO_ROUND_POSTS,
  postOf,
  SINGLE_HOLDER_POSTS,
  type RoundPost,
  type RoundPosts,
} from '../../domain/elections/posts';
import {
  checkPlan,
  planElection,
  PLAN_STEPS,
  type PlanProgress,
  type PlanStepKey,
  type PlannedStep,
} from '../../domain/elections/plan';
import { readRound } from '../../domain/elections/read-round';
import { tally } from '../../domain/elections/tally';
import {
  BODY_KINDS,
  defaultTermEnd,
  evaluateTerm,
  type BodyKind,
  type TermEvaluation,
} from '../../domain/elections/term';
import type { ElectionFinding, ElectionRound, TallyResult } from '../../domain/elections/types';
import { ADMIN_ROLES, type Role } from '../../domain/access';
import type { Database, OrgRow } from '../../db/schema';
import type { CadreTitle } from '../../domain/roster/types';
import { appendAudit } from '../audit.service';
import { isoNow, type Actor, type ServiceContext } from '../context';
import { AppError } from '../errors';
import { getOrgInScope } from '../org.service';
import { appointCadreIn, endCadrePostIn } from '../roster/cadre.service';
import { activeNegativeList, markNegativeItemsUsed } from './negative-list.service';

/** Who may change election data: admins anywhere in scope, the village secretary for his village. */
export const ELECTION_WRITE_ROLES: readonly Role[] = [...ADMIN_ROLES, 'branchSecretary'];

const VILLAGE_KINDS = ['partyCommittee', 'generalBranch', 'branch'] as const;

/** Roster post bodies that map to the registered bodies. */
const POST_BODY: Record<BodyKind, 'partyOrg' | 'villagersCommittee'> = {
  党组织委员会: 'partyOrg',
  村民委员会: 'villagersCommittee',
};

export function today(ctx: ServiceContext): IsoDate {
  const d = ctx.now();
  return formatDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function requireWriter(actor: Actor): void {
  if (actor.role !== 'system' && !ELECTION_WRITE_ROLES.includes(actor.role)) {
    throw new AppError('ERR_FORBIDDEN_ROLE');
  }
}

/** A village-level Party org (directly under a 乡镇党委) the actor may see. */
async function villageOrg(ctx: ServiceContext, actor: Actor, orgId: number): Promise<OrgRow> {
  const org = await getOrgInScope(ctx, actor, orgId);
  const parent =
    org.parentId === null
      ? undefined
      : await ctx.db
          .selectFrom('org')
          .select('kind')
          .where('id', '=', org.parentId)
          .executeTakeFirst();
  if (
    !(VILLAGE_KINDS as readonly string[]).includes(org.kind) ||
    parent?.kind !== 'townshipCommittee'
  ) {
    throw new AppError(
      'ERR_ELECTION_ORG_NOT_VILLAGE',
      `换届按村（社区）党组织登记：“${org.name}”不是乡镇党委下的村（社区）党组织`,
      'orgId',
    );
  }
  return org;
}

export interface TermMember {
  name: string;
  title: string;
}

export interface TermView {
  id: number;
  bodyKind: BodyKind;
  termStart: IsoDate;
  termEnd: IsoDate;
  bodySize: number;
  electionDate: IsoDate | null;
  held: boolean;
  approvalKind: 'delay' | 'advance' | null;
  approvalOn: IsoDate | null;
  approvalUntil: IsoDate | null;
  evaluation: TermEvaluation;
  members: TermMember[];
}

export interface VillageTerms {
  orgId: number;
  orgName: string;
  townshipId: number;
  townshipName: string;
  terms: TermView[];
  plan: PlanView | null;
}

export interface PlanView {
  id: number;
  orgId: number;
  electionDate: IsoDate;
  bodyKinds: BodyKind[];
  steps: (Omit<PlannedStep, 'documents'> & {
    documents: string[];
    doneOn: IsoDate | null;
    overdue: boolean;
    /** Done after its latest date (for the voter roll: VC-05, 村民委员会组织法第十四条). */
    late: boolean;
  })[];
  done: number;
  /** VC-05 (voter roll and its appeals) on a 村民委员会 plan. */
  findings: ElectionFinding[];
}

const TITLE_LABELS: Record<string, string> = {
  secretary: '书记',
  deputySecretary: '副书记',
  director: '主任',
  deputyDirector: '副主任',
  member: '委员',
};

function planView(
  row: Database['electionPlan'] extends infer T ? { [K in keyof T]: unknown } : never,
  asOf: IsoDate,
): PlanView {
  const kinds = String(row.bodyKinds).split(',') as BodyKind[];
  const progress = JSON.parse(String(row.progressJson)) as PlanProgress;
  const electionDate = String(row.electionDate);
  const steps = planElection(electionDate, kinds, progress).map((s) => {
    const doneOn = progress[s.key] ?? null;
    return {
      ...s,
      documents: [...s.documents],
      doneOn,
      overdue: doneOn === null && s.dueDate < asOf,
      late: doneOn !== null && doneOn > s.dueDate,
    };
  });
  return {
    id: Number(row.id),
    orgId: Number(row.orgId),
    electionDate,
    bodyKinds: kinds,
    steps,
    done: steps.filter((s) => s.doneOn !== null).length,
    findings: checkPlan({ electionDate, bodyKinds: kinds, progress, asOf }),
  };
}

/** The current term of each body of every village in scope, with status, ELC-01 and members. */
export async function listTermRegister(
  ctx: ServiceContext,
  actor: Actor,
  asOf: IsoDate = today(ctx),
): Promise<VillageTerms[]> {
  const villages = await ctx.db
    .selectFrom('org')
    .innerJoin('org as township', 'township.id', 'org.parentId')
    .where('township.kind', '=', 'townshipCommittee')
    .where('org.kind', 'in', [...VILLAGE_KINDS])
    .where('org.path', 'like', `${actor.scopePath}%`)
    .select([
      'org.id',
      'org.name',
      'org.path',
      'township.id as townshipId',
      'township.name as townshipName',
    ])
    .orderBy('org.id')
    .execute();
  if (villages.length === 0) {
    return [];
  }
  const ids = villages.map((v) => v.id);
  const terms = await ctx.db
    .selectFrom('electionTerm')
    .selectAll()
    .where('orgId', 'in', ids)
    .orderBy('termStart', 'desc')
    .execute();
  const posts = await ctx.db
    .selectFrom('cadrePost')
    .innerJoin('person', 'person.id', 'cadrePost.personId')
    .select(['cadrePost.orgId', 'cadrePost.body', 'cadrePost.title', 'person.name'])
    .where('cadrePost.orgId', 'in', ids)
    .where('cadrePost.endedOn', 'is', null)
    .execute();
  const plans = await ctx.db
    .selectFrom('electionPlan')
    .selectAll()
    .where('orgId', 'in', ids)
    .orderBy('electionDate', 'desc')
    .execute();
  return villages.map((v) => {
    const current = new Map<BodyKind, TermView>();
    for (const t of terms) {
      if (t.orgId !== v.id || current.has(t.bodyKind)) {
        continue;
      }
      const evaluation = evaluateTerm(
        {
          bodyKind: t.bodyKind,
          termStart: t.termStart,
          termEnd: t.termEnd,
          electionDate: t.electionDate,
          held: t.held === 1,
          approval:
            t.approvalKind === null || t.approvalOn === null || t.approvalUntil === null
              ? null
              : { kind: t.approvalKind, approvedOn: t.approvalOn, until: t.approvalUntil },
        },
        asOf,
      );
      current.set(t.bodyKind, {
        id: t.id,
        bodyKind: t.bodyKind,
        termStart: t.termStart,
        termEnd: t.termEnd,
        bodySize: t.bodySize,
        electionDate: t.electionDate,
        held: t.held === 1,
        approvalKind: t.approvalKind,
        approvalOn: t.approvalOn,
        approvalUntil: t.approvalUntil,
        evaluation,
        members: posts
          .filter((p) => p.orgId === v.id && p.body === POST_BODY[t.bodyKind])
          .map((p) => ({ name: p.name, title: TITLE_LABELS[p.title] ?? p.title })),
      });
    }
    const plan = plans.find((p) => p.orgId === v.id);
    return {
      orgId: v.id,
      orgName: v.name,
      townshipId: v.townshipId,
      townshipName: v.townshipName,
      terms: BODY_KINDS.flatMap((k) => {
        const t = current.get(k);
        return t === undefined ? [] : [t];
      }),
      plan: plan === undefined ? null : planView(plan, asOf),
    };
  });
}

export interface TermInput {
  orgId: number;
  bodyKind: BodyKind;
  termStart: IsoDate;
  termEnd?: IsoDate;
  bodySize: number;
}

/** Registers a term (e.g. when taking over the register); the end defaults to start + 5 years. */
export async function registerTerm(
  ctx: ServiceContext,
  actor: Actor,
  input: TermInput,
): Promise<number> {
  requireWriter(actor);
  const org = await villageOrg(ctx, actor, input.orgId);
  const termEnd = input.termEnd ?? defaultTermEnd(input.termStart);
  if (termEnd <= input.termStart) {
    throw new AppError(
      'ERR_ELECTION_TERM_INVALID',
      `届满日 ${termEnd} 应晚于任期开始日 ${input.termStart}`,
      'termEnd',
    );
  }
  if (input.bodySize < 1 || input.bodySize > 15) {
    throw new AppError(
      'ERR_ELECTION_TERM_INVALID',
      `职数应在 1 至 15 之间：${input.bodySize}`,
      'bodySize',
    );
  }
  return ctx.db.transaction().execute(async (trx) => {
    const at = isoNow(ctx);
    const row = {
      orgId: org.id,
      areaCode: org.areaCode,
      bodyKind: input.bodyKind,
      termStart: input.termStart,
      termEnd,
      bodySize: input.bodySize,
      electionDate: null,
      held: 0,
      approvalKind: null,
      approvalOn: null,
      approvalUntil: null,
      createdAt: at,
      updatedAt: at,
    };
    const { id } = await trx
      .insertInto('electionTerm')
      .values(row)
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, actor, at, {
      action: 'elections.registerTerm',
      entityType: 'electionTerm',
      entityId: id,
      areaCode: org.areaCode,
      orgPath: org.path,
      after: { org: org.name, bodyKind: input.bodyKind, termStart: input.termStart, termEnd },
    });
    return id;
  });
}

/** Records an approved delay or advance of the election (ELC-01). */
export async function recordTermApproval(
  ctx: ServiceContext,
  actor: Actor,
  termId: number,
  approval: { kind: 'delay' | 'advance'; approvedOn: IsoDate; until: IsoDate },
): Promise<void> {
  if (actor.role === 'branchSecretary') {
    throw new AppError('ERR_FORBIDDEN_ROLE', '延期或提前换届的批准由乡镇党委录入');
  }
  requireWriter(actor);
  const term = await ctx.db
    .selectFrom('electionTerm')
    .selectAll()
    .where('id', '=', termId)
    .executeTakeFirst();
  if (term === undefined) {
    throw new AppError('ERR_NOT_FOUND', `任期不存在：编号 ${termId}`, 'id');
  }
  const org = await villageOrg(ctx, actor, term.orgId);
  await ctx.db.transaction().execute(async (trx) => {
    const at = isoNow(ctx);
    await trx
      .updateTable('electionTerm')
      .set({
        approvalKind: approval.kind,
        approvalOn: approval.approvedOn,
        approvalUntil: approval.until,
        updatedAt: at,
      })
      .where('id', '=', termId)
      .execute();
    await appendAudit(trx, actor, at, {
      action: 'elections.approveTiming',
      entityType: 'electionTerm',
      entityId: termId,
      areaCode: org.areaCode,
      orgPath: org.path,
      before: { approvalKind: term.approvalKind, approvalUntil: term.approvalUntil },
      after: approval,
    });
  });
}

/** Creates (or re-dates) the village's plan counted back from 选举日; marks the terms' election date. */
export async function savePlan(
  ctx: ServiceContext,
  actor: Actor,
  input: { orgId: number; electionDate: IsoDate; bodyKinds: BodyKind[] },
): Promise<PlanView> {
  requireWriter(actor);
  const org = await villageOrg(ctx, actor, input.orgId);
  const kinds = BODY_KINDS.filter((k) => input.bodyKinds.includes(k));
  if (kinds.length === 0) {
    throw new AppError(
      'ERR_ELECTION_PLAN_INVALID',
      '至少选择一个换届的班子（党组织委员会或村民委员会）',
      'bodyKinds',
    );
  }
  const asOf = today(ctx);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const at = isoNow(ctx);
    const existing = await trx
      .selectFrom('electionPlan')
      .selectAll()
      .where('orgId', '=', org.id)
      .where('electionDate', '>=', asOf)
      .executeTakeFirst();
    let planId: number;
    if (existing !== undefined) {
      await trx
        .updateTable('electionPlan')
        .set({ electionDate: input.electionDate, bodyKinds: kinds.join(','), updatedAt: at })
        .where('id', '=', existing.id)
        .execute();
      planId = existing.id;
    } else {
      planId = (
        await trx
          .insertInto('electionPlan')
          .values({
            orgId: org.id,
            areaCode: org.areaCode,
            electionDate: input.electionDate,
            bodyKinds: kinds.join(','),
            progressJson: '{}',
            createdAt: at,
            updatedAt: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    }
    for (const kind of kinds) {
      const term = await currentTerm(trx, org.id, kind);
      if (term !== undefined && term.held === 0) {
        await trx
          .updateTable('electionTerm')
          .set({ electionDate: input.electionDate, updatedAt: at })
          .where('id', '=', term.id)
          .execute();
      }
    }
    await appendAudit(trx, actor, at, {
      action: 'elections.savePlan',
      entityType: 'electionPlan',
      entityId: planId,
      areaCode: org.areaCode,
      orgPath: org.path,
      before:
        existing === undefined
          ? null
          : { electionDate: existing.electionDate, bodyKinds: existing.bodyKinds },
      after: { org: org.name, electionDate: input.electionDate, bodyKinds: kinds.join(',') },
    });
    return planId;
  });
  return getPlan(ctx, actor, id);
}

async function currentTerm(
  trx: Transaction<Database> | ServiceContext['db'],
  orgId: number,
  kind: BodyKind,
) {
  return trx
    .selectFrom('electionTerm')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('bodyKind', '=', kind)
    .orderBy('termStart', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function getPlan(
  ctx: ServiceContext,
  actor: Actor,
  planId: number,
): Promise<PlanView> {
  const row = await ctx.db
    .selectFrom('electionPlan')
    .selectAll()
    .where('id', '=', planId)
    .executeTakeFirst();
  if (row === undefined) {
    throw new AppError('ERR_NOT_FOUND', `换届计划不存在：编号 ${planId}`, 'id');
  }
  await villageOrg(ctx, actor, row.orgId);
  return planView(row, today(ctx));
}

/** Marks a step of a plan done on a day (or not done: null). */
export async function markPlanStep(
  ctx: ServiceContext,
  actor: Actor,
  planId: number,
  step: PlanStepKey,
  doneOn: IsoDate | null,
): Promise<PlanView> {
  requireWriter(actor);
  const row = await ctx.db
    .selectFrom('electionPlan')
    .selectAll()
    .where('id', '=', planId)
    .executeTakeFirst();
  if (row === undefined) {
    throw new AppError('ERR_NOT_FOUND', `换届计划不存在：编号 ${planId}`, 'id');
  }
  const org = await villageOrg(ctx, actor, row.orgId);
  if (!PLAN_STEPS.some((s) => s.key === step)) {
    throw new AppError('ERR_ELECTION_PLAN_INVALID', `没有这个换届步骤：${step}`, 'step');
  }
  if (doneOn !== null && doneOn > today(ctx)) {
    throw new AppError('ERR_ELECTION_PLAN_INVALID', `完成日期不能晚于今天：${doneOn}`, 'doneOn');
  }
  await ctx.db.transaction().execute(async (trx) => {
    const at = isoNow(ctx);
    const progress = JSON.parse(row.progressJson) as Record<string, string>;
    const before = progress[step] ?? null;
    if (doneOn === null) {
      delete progress[step];
    } else {
      progress[step] = doneOn;
    }
    await trx
      .updateTable('electionPlan')
      .set({ progressJson: JSON.stringify(progress), updatedAt: at })
      .where('id', '=', planId)
      .execute();
    await appendAudit(trx, actor, at, {
      action: 'elections.markStep',
      entityType: 'electionPlan',
      entityId: planId,
      areaCode: org.areaCode,
      orgPath: org.path,
      before: { step, doneOn: before },
      after: { step, doneOn },
    });
  });
  return getPlan(ctx, actor, planId);
}

export interface CandidateInput {
  personId: number;
  residence: Residence | null;
  negativeHits: string[];
  forSecretary: boolean;
}

export interface CandidateCheckInput {
  orgId: number;
  bodyKind: BodyKind;
  date: IsoDate;
  seats: number;
  candidates: CandidateInput[];
}

export interface CandidateChecks {
  candidates: (CandidateCheck & { personId: number })[];
  slate: ElectionFinding[];
  /** The 负面清单 items (active, for this body) the check used. */
  negativeList: NegativeListItem[];
}

/**
 * Checks a slate of candidates from the roster for a body on the election date, against the
 * county's active 负面清单; VC-01 counts the women among the candidates from the roster.
 */
export async function checkCandidates(
  ctx: ServiceContext,
  actor: Actor,
  input: CandidateCheckInput,
): Promise<CandidateChecks> {
  const org = await villageOrg(ctx, actor, input.orgId);
  return runCandidateChecks(ctx, org, input);
}

async function runCandidateChecks(
  ctx: ServiceContext,
  org: OrgRow,
  input: CandidateCheckInput,
): Promise<CandidateChecks> {
  const ids = input.candidates.map((c) => c.personId);
  const people =
    ids.length === 0
      ? []
      : await ctx.db
          .selectFrom('person')
          .leftJoin('partyMembership', 'partyMembership.personId', 'person.id')
          .leftJoin('org', 'org.id', 'partyMembership.orgId')
          .select([
            'person.id',
            'person.name',
            'person.birthDate',
            'person.gender',
            'person.areaCode',
            'partyMembership.status',
            'partyMembership.fullMemberSince',
            'org.path',
          ])
          .where('person.id', 'in', ids)
          .execute();
  const negativeList = negativeItemsFor(
    await activeNegativeList(ctx.db, org.areaCode),
    input.bodyKind,
  );
  let women = 0;
  const checks = input.candidates.map((c) => {
    const p = people.find((x) => x.id === c.personId);
    if (p === undefined || p.areaCode !== org.areaCode) {
      throw new AppError('ERR_NOT_FOUND', `人员不存在：编号 ${c.personId}`, 'personId');
    }
    if (p.path !== null && !p.path.startsWith(org.path) && input.bodyKind === '党组织委员会') {
      throw new AppError(
        'ERR_ELECTION_CANDIDATE_INVALID',
        `${p.name}不是${org.name}的党员`,
        'personId',
      );
    }
    if (p.gender === '女') {
      women += 1;
    }
    const check = checkCandidate(
      {
        name: p.name,
        birthDate: p.birthDate,
        membershipStatus: p.status,
        fullMemberSince: p.fullMemberSince,
        residence: c.residence,
        negativeHits: c.negativeHits,
        forSecretary: c.forSecretary,
      },
      input.bodyKind,
      input.date,
      negativeList,
    );
    return { personId: c.personId, ...check };
  });
  return {
    candidates: checks,
    slate: checkSlate(input.bodyKind, {
      seats: input.seats,
      candidates: checks.length,
      women,
    }),
    negativeList,
  };
}

/** A stored 资格联审 result: the check as it came out, with the list it was made against. */
export interface StoredCandidateCheck extends CandidateChecks {
  id: number;
  orgId: number;
  bodyKind: BodyKind;
  date: IsoDate;
  seats: number;
  recordedAt: string;
  recordedByName: string;
}

/**
 * Runs the check and keeps it (资格联审记录): the items of the 负面清单 used are copied into the
 * record, so a later edit of the list does not change it, and those items can no longer be
 * deleted (only disabled).
 */
export async function saveCandidateCheck(
  ctx: ServiceContext,
  actor: Actor,
  input: CandidateCheckInput,
): Promise<StoredCandidateCheck> {
  requireWriter(actor);
  const org = await villageOrg(ctx, actor, input.orgId);
  if (input.candidates.length === 0) {
    throw new AppError('ERR_ELECTION_CANDIDATE_INVALID', '至少选择一名候选人', 'candidates');
  }
  const result = await runCandidateChecks(ctx, org, input);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const at = isoNow(ctx);
    const candidates = result.candidates.map((c) => {
      const given = input.candidates.find((x) => x.personId === c.personId);
      return { ...given, ...c };
    });
    const { id: checkId } = await trx
      .insertInto('electionCandidateCheck')
      .values({
        orgId: org.id,
        areaCode: org.areaCode,
        bodyKind: input.bodyKind,
        date: input.date,
        seats: input.seats,
        candidatesJson: JSON.stringify(candidates),
        slateJson: JSON.stringify(result.slate),
        negativeListJson: JSON.stringify(result.negativeList),
        recordedAt: at,
        recordedById: actor.accountId,
        recordedByName: actor.name,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await markNegativeItemsUsed(
      trx,
      org.areaCode,
      result.negativeList.map((i) => i.key),
      at,
    );
    await appendAudit(trx, actor, at, {
      action: 'elections.saveCandidateCheck',
      entityType: 'electionCandidateCheck',
      entityId: checkId,
      areaCode: org.areaCode,
      orgPath: org.path,
      after: {
        org: org.name,
        bodyKind: input.bodyKind,
        date: input.date,
        seats: input.seats,
        candidates: result.candidates.map((c) => ({ name: c.name, eligible: c.eligible })),
        negativeList: result.negativeList.map((i) => i.key),
      },
    });
    return checkId;
  });
  const [stored] = await listCandidateChecks(ctx, actor, org.id, id);
  if (stored === undefined) {
    throw new Error(`candidate check ${id} vanished`);
  }
  return stored;
}

/** The stored checks of one village (or the one with `checkId`), newest first, as they were made. */
export async function listCandidateChecks(
  ctx: ServiceContext,
  actor: Actor,
  orgId: number,
  checkId?: number,
): Promise<StoredCandidateCheck[]> {
  await villageOrg(ctx, actor, orgId);
  const rows = await ctx.db
    .selectFrom('electionCandidateCheck')
    .selectAll()
    .where('orgId', '=', orgId)
    .$if(checkId !== undefined, (q) => q.where('id', '=', checkId ?? 0))
    .orderBy('recordedAt', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    orgId: r.orgId,
    bodyKind: r.bodyKind,
    date: r.date,
    seats: r.seats,
    candidates: JSON.parse(r.candidatesJson) as CandidateChecks['candidates'],
    slate: JSON.parse(r.slateJson) as ElectionFinding[],
    negativeList: JSON.parse(r.negativeListJson) as NegativeListItem[],
    recordedAt: r.recordedAt,
    recordedByName: r.recordedByName,
  }));
}

export interface RoundView {
  id: number;
  orgId: number;
  orgName: string;
  code: string;
  round: ElectionRound;
  result: TallyResult;
  /** What the round elects (null/empty: the kind's default); always set on stored rounds. */
  posts?: RoundPosts;
  recordedAt: string;
  recordedByName: string;
}

/** A round as stored: `posts` always present. */
export type StoredRoundView = RoundView & { posts: RoundPosts };

/** Tallies a round without recording it (the live view while the meeting counts). */
export function previewRound(raw: unknown): TallyResult {
  const read = readRound(raw);
  if (!read.ok) {
    throw new AppError(
      'ERR_ELECTION_ROUND_INVALID',
      read.error.message.replace(/^第1行 /, ''),
      'round',
    );
  }
  return tally(read.round);
}

const POST_TITLES: Record<RoundPost, CadreTitle> = {
  书记: 'secretary',
  副书记: 'deputySecretary',
  主任: 'director',
  副主任: 'deputyDirector',
  委员: 'member',
};

/** Who may record a round that makes the elected take posts (ADR 0016). */
export const POST_CHANGE_ROLES: readonly Role[] = ADMIN_ROLES;

export interface RecordRoundInput {
  orgId: number;
  planId?: number | null;
  round: unknown;
  /** The post the round elects; omitted or null: the kind's default (委员; one-seat 书记). */
  post?: RoundPost | null;
  /** Candidate name → post, for a round that elects several posts at once. */
  candidatePosts?: Record<string, RoundPost>;
}

/**
 * Records a counted round: refused whole when unreadable; kept even when void. A valid round that
 * fills every seat of a 党组织委员会 or 村民委员会 closes the current term and starts the next;
 * every complete round makes the elected take the post it elects (see `takePost`). Such a round
 * changes the 村“两委” posts, so only the township or the county records it; a village secretary
 * records the rounds that change nothing (void, re-vote, shortfall).
 */
export async function recordRound(
  ctx: ServiceContext,
  actor: Actor,
  input: RecordRoundInput,
): Promise<StoredRoundView> {
  requireWriter(actor);
  const org = await villageOrg(ctx, actor, input.orgId);
  const read = readRound(input.round);
  if (!read.ok) {
    throw new AppError(
      'ERR_ELECTION_ROUND_INVALID',
      read.error.message.replace(/^第1行 /, ''),
      'round',
    );
  }
  const round = read.round;
  if (round.date > today(ctx)) {
    throw new AppError('ERR_ELECTION_ROUND_INVALID', `选举日不能晚于今天：${round.date}`, 'date');
  }
  const posts: RoundPosts = {
    post: input.post ?? null,
    candidatePosts: input.candidatePosts ?? NO_ROUND_POSTS.candidatePosts,
  };
  const problem = checkRoundPosts(round, posts);
  if (problem !== null) {
    throw new AppError('ERR_ELECTION_POST_INVALID', problem.message, problem.field);
  }
  const result = tally(round);
  const body: BodyKind | null =
    round.kind === '村民委员会'
      ? '村民委员会'
      : round.kind === '党组织委员会'
        ? '党组织委员会'
        : null;
  const postBody = round.kind === '村民委员会' ? 'villagersCommittee' : 'partyOrg';
  const complete =
    result.valid &&
    result.revote.length === 0 &&
    result.shortfall === 0 &&
    !result.findings.some((f) => f.severity === 'error');
  const electedPosts = complete
    ? result.elected.map((name) => ({ name, post: postOf(round, posts, name) }))
    : [];
  const changesPosts = complete && (body !== null || electedPosts.some((p) => p.post !== null));
  if (changesPosts && actor.role !== 'system' && !POST_CHANGE_ROLES.includes(actor.role)) {
    throw new AppError(
      'ERR_FORBIDDEN_ROLE',
      `${round.id} 选满了名额，保存后当选人就职、村“两委”职务随之变更，应由乡镇组织委员或县级管理员录入（村党组织书记可录入未选满的轮次）`,
      'round',
    );
  }
  const id = await ctx.db.transaction().execute(async (trx) => {
    const at = isoNow(ctx);
    const found = await matchElected(
      trx,
      org,
      postBody,
      electedPosts.map((p) => p.name),
    );
    const notFound = electedPosts.filter((p) => !found.has(p.name)).map((p) => p.name);
    if (round.kind === '村民委员会' && electedPosts.some((p) => p.post === '委员')) {
      result.findings.push(
        ...(await electedWomen(trx, org, round.date, [...found.values()], notFound)),
      );
    }
    const { id: roundId } = await trx
      .insertInto('electionRound')
      .values({
        orgId: org.id,
        areaCode: org.areaCode,
        planId: input.planId ?? null,
        code: round.id,
        kind: round.kind,
        roundKind: round.round,
        date: round.date,
        seats: round.seats,
        expectedVoters: round.expectedVoters,
        presentVoters: round.presentVoters,
        ballotsIssued: round.ballotsIssued,
        ballotsReturned: round.ballotsReturned,
        candidatesJson: JSON.stringify(round.candidates),
        resultJson: JSON.stringify(result),
        valid: result.valid ? 1 : 0,
        recordedAt: at,
        recordedById: actor.accountId,
        recordedByName: actor.name,
        post: posts.post,
        candidatePostsJson:
          Object.keys(posts.candidatePosts).length === 0
            ? null
            : JSON.stringify(posts.candidatePosts),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, actor, at, {
      action: 'elections.recordRound',
      entityType: 'electionRound',
      entityId: roundId,
      areaCode: org.areaCode,
      orgPath: org.path,
      after: {
        org: org.name,
        code: round.id,
        kind: round.kind,
        round: round.round,
        date: round.date,
        valid: result.valid,
        elected: result.elected,
        revote: result.revote,
        shortfall: result.shortfall,
        posts: electedPosts,
      },
    });
    if (body !== null && complete) {
      const term = await currentTerm(trx, org.id, body);
      if (term === undefined || term.termStart < round.date) {
        if (term !== undefined) {
          await trx
            .updateTable('electionTerm')
            .set({ electionDate: round.date, held: 1, updatedAt: at })
            .where('id', '=', term.id)
            .execute();
        }
        const termEnd = defaultTermEnd(round.date);
        const { id: termId } = await trx
          .insertInto('electionTerm')
          .values({
            orgId: org.id,
            areaCode: org.areaCode,
            bodyKind: body,
            termStart: round.date,
            termEnd,
            bodySize: round.seats,
            electionDate: null,
            held: 0,
            approvalKind: null,
            approvalOn: null,
            approvalUntil: null,
            createdAt: at,
            updatedAt: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const ended = await endPreviousTermPosts(ctx, trx, actor, org, {
          body: POST_BODY[body],
          roundCode: round.id,
          termStart: round.date,
        });
        await appendAudit(trx, actor, at, {
          action: 'elections.startTerm',
          entityType: 'electionTerm',
          entityId: termId,
          areaCode: org.areaCode,
          orgPath: org.path,
          before: term === undefined ? null : { termStart: term.termStart, termEnd: term.termEnd },
          after: {
            bodyKind: body,
            termStart: round.date,
            termEnd,
            elected: result.elected,
            postsEnded: ended,
            postsNotFound: notFound,
          },
        });
      } else if (term.termStart === round.date) {
        // Another round of the same election day (e.g. 主任, then 副主任, then 委员): the seats add up.
        await trx
          .updateTable('electionTerm')
          .set({ bodySize: term.bodySize + round.seats, updatedAt: at })
          .where('id', '=', term.id)
          .execute();
        await appendAudit(trx, actor, at, {
          action: 'elections.resizeTerm',
          entityType: 'electionTerm',
          entityId: term.id,
          areaCode: org.areaCode,
          orgPath: org.path,
          before: { bodySize: term.bodySize },
          after: { bodySize: term.bodySize + round.seats, round: round.id },
        });
      }
    }
    if (complete) {
      const term = await currentTerm(trx, org.id, body ?? '党组织委员会');
      const termEnd =
        term !== undefined && term.termEnd > round.date ? term.termEnd : defaultTermEnd(round.date);
      for (const { name, post } of electedPosts) {
        const person = found.get(name);
        if (post !== null && person !== undefined) {
          await takePost(ctx, trx, actor, org, {
            body: postBody,
            personId: person.id,
            post,
            date: round.date,
            termEnd,
            roundCode: round.id,
          });
        }
      }
    }
    return roundId;
  });
  const rounds = await listRounds(ctx, actor, org.id);
  const view = rounds.find((r) => r.id === id);
  if (view === undefined) {
    throw new Error(`round ${id} vanished`);
  }
  return view;
}

interface ElectedPerson {
  id: number;
  name: string;
  gender: '男' | '女';
}

/**
 * The elected found in the roster by name, in the village's county (for the Party committee a
 * member of the village's Party org); a name matching nobody or more than one person is left out.
 */
async function matchElected(
  trx: Transaction<Database>,
  org: OrgRow,
  body: 'partyOrg' | 'villagersCommittee',
  names: readonly string[],
): Promise<Map<string, ElectedPerson>> {
  const found = new Map<string, ElectedPerson>();
  if (names.length === 0) {
    return found;
  }
  const people = await trx
    .selectFrom('person')
    .leftJoin('partyMembership', 'partyMembership.personId', 'person.id')
    .leftJoin('org', 'org.id', 'partyMembership.orgId')
    .select(['person.id', 'person.name', 'person.gender', 'org.path'])
    .where('person.name', 'in', [...names])
    .where('person.areaCode', '=', org.areaCode)
    .execute();
  for (const name of names) {
    let matches = people.filter((p) => p.name === name);
    if (body === 'partyOrg') {
      matches = matches.filter((p) => p.path !== null && p.path.startsWith(org.path));
    }
    const ids = [...new Set(matches.map((p) => p.id))];
    const match = matches[0];
    if (ids.length === 1 && match !== undefined) {
      found.set(name, { id: match.id, name, gender: match.gender });
    }
  }
  return found;
}

/**
 * VC-01 on the result: the members of the 村民委员会 elected on this day (earlier rounds of the day
 * and this one), and whether a woman is among them.
 */
async function electedWomen(
  trx: Transaction<Database>,
  org: OrgRow,
  date: IsoDate,
  elected: readonly ElectedPerson[],
  notFound: readonly string[],
): Promise<ElectionFinding[]> {
  const earlier = await trx
    .selectFrom('cadrePost')
    .innerJoin('person', 'person.id', 'cadrePost.personId')
    .select(['person.id', 'person.name', 'person.gender'])
    .where('cadrePost.orgId', '=', org.id)
    .where('cadrePost.body', '=', 'villagersCommittee')
    .where('cadrePost.endedOn', 'is', null)
    .where('cadrePost.termStart', '=', date)
    .execute();
  const members = new Map<number, ElectedMember>();
  for (const p of [...earlier, ...elected]) {
    members.set(p.id, { name: p.name, gender: p.gender });
  }
  return checkElectedWomen([
    ...members.values(),
    ...notFound.map((name) => ({ name, gender: null })),
  ]);
}

/** The body's posts of the previous term end on the new term's start; returns their ids. */
async function endPreviousTermPosts(
  ctx: ServiceContext,
  trx: Transaction<Database>,
  actor: Actor,
  org: OrgRow,
  input: { body: 'partyOrg' | 'villagersCommittee'; roundCode: string; termStart: IsoDate },
): Promise<number[]> {
  const open = await trx
    .selectFrom('cadrePost')
    .select(['id', 'termStart'])
    .where('orgId', '=', org.id)
    .where('body', '=', input.body)
    .where('endedOn', 'is', null)
    .orderBy('id')
    .execute();
  const ended: number[] = [];
  for (const post of open) {
    if (post.termStart < input.termStart) {
      await endCadrePostIn(ctx, trx, actor, post.id, {
        endedOn: input.termStart,
        reason: `换届（${input.roundCode}）`,
      });
      ended.push(post.id);
    }
  }
  return ended;
}

/**
 * One elected person takes the post the round elects, in the round's transaction:
 * - already holding that post: nothing changes; elected 委员 while holding a higher post of the
 *   same term (e.g. 书记 elected earlier that day): nothing changes;
 * - earlier holders of the post end on the election day: every other 书记 or 主任 (one holder),
 *   副书记 and 副主任 of an earlier term; reason 换届（轮次）;
 * - the person's own other post in the body ends (reason 当选书记（轮次）…), since a person holds
 *   one post per body; posts in the other body stay (一肩挑: 书记 and 主任 are both kept).
 */
async function takePost(
  ctx: ServiceContext,
  trx: Transaction<Database>,
  actor: Actor,
  org: OrgRow,
  input: {
    body: 'partyOrg' | 'villagersCommittee';
    personId: number;
    post: RoundPost;
    date: IsoDate;
    termEnd: IsoDate;
    roundCode: string;
  },
): Promise<void> {
  const title = POST_TITLES[input.post];
  const open = await trx
    .selectFrom('cadrePost')
    .select(['id', 'personId', 'title', 'termStart'])
    .where('orgId', '=', org.id)
    .where('body', '=', input.body)
    .where('endedOn', 'is', null)
    .orderBy('id')
    .execute();
  const own = open.filter((p) => p.personId === input.personId);
  if (own.some((p) => p.title === title)) {
    return;
  }
  if (title === 'member' && own.some((p) => p.termStart >= input.date)) {
    return;
  }
  const single = SINGLE_HOLDER_POSTS.includes(input.post);
  for (const p of open) {
    if (p.personId === input.personId) {
      await endCadrePostIn(ctx, trx, actor, p.id, {
        endedOn: input.date,
        reason: `当选${input.post}（${input.roundCode}）`,
      });
    } else if (title !== 'member' && p.title === title && (single || p.termStart < input.date)) {
      await endCadrePostIn(ctx, trx, actor, p.id, {
        endedOn: input.date,
        reason: `换届（${input.roundCode}）`,
      });
    }
  }
  await appointCadreIn(ctx, trx, actor, org, {
    orgId: org.id,
    personId: input.personId,
    body: input.body,
    title,
    termStart: input.date,
    termEnd: input.termEnd,
  });
}

/** The rounds recorded for one village (or every village in scope), newest first. */
export async function listRounds(
  ctx: ServiceContext,
  actor: Actor,
  orgId?: number,
): Promise<StoredRoundView[]> {
  let query = ctx.db
    .selectFrom('electionRound')
    .innerJoin('org', 'org.id', 'electionRound.orgId')
    .selectAll('electionRound')
    .select('org.name as orgName')
    .where('org.path', 'like', `${actor.scopePath}%`)
    .orderBy('electionRound.date', 'desc')
    .orderBy('electionRound.id', 'desc');
  if (orgId !== undefined) {
    await villageOrg(ctx, actor, orgId);
    query = query.where('electionRound.orgId', '=', orgId);
  }
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    orgId: r.orgId,
    orgName: r.orgName,
    code: r.code,
    round: {
      id: r.code,
      kind: r.kind,
      date: r.date,
      seats: r.seats,
      expectedVoters: r.expectedVoters,
      presentVoters: r.presentVoters,
      ballotsIssued: r.ballotsIssued,
      ballotsReturned: r.ballotsReturned,
      candidates: JSON.parse(r.candidatesJson) as ElectionRound['candidates'],
      round: r.roundKind,
    },
    result: JSON.parse(r.resultJson) as TallyResult,
    posts: {
      post: r.post,
      candidatePosts:
        r.candidatePostsJson === null
          ? {}
          : (JSON.parse(r.candidatePostsJson) as Record<string, RoundPost>),
    },
    recordedAt: r.recordedAt,
    recordedByName: r.recordedByName,
  }));
}

/** One recorded round the actor may see. */
export async function getRound(
  ctx: ServiceContext,
  actor: Actor,
  roundId: number,
): Promise<StoredRoundView> {
  const row = await ctx.db
    .selectFrom('electionRound')
    .select('orgId')
    .where('id', '=', roundId)
    .executeTakeFirst();
  if (row === undefined) {
    throw new AppError('ERR_NOT_FOUND', `选举轮次不存在：编号 ${roundId}`, 'id');
  }
  const found = (await listRounds(ctx, actor, row.orgId)).find((r) => r.id === roundId);
  if (found === undefined) {
    throw new AppError('ERR_NOT_FOUND', `选举轮次不存在：编号 ${roundId}`, 'id');
  }
  return found;
}

/** The township view for 同步换届: counts by status, and the next term end. */
export function summarize(register: readonly VillageTerms[]): Record<string, number> {
  const counts: Record<string, number> = {
    expired: 0,
    due6: 0,
    due12: 0,
    current: 0,
    renewed: 0,
    errors: 0,
  };
  for (const v of register) {
    for (const t of v.terms) {
      counts[t.evaluation.status] = (counts[t.evaluation.status] ?? 0) + 1;
      if (t.evaluation.findings.some((f) => f.severity === 'error')) {
        counts.errors = (counts.errors ?? 0) + 1;
      }
    }
  }
  return counts;
}

export { addMonths };
