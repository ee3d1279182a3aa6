/**
 * 村情档案 and 队伍结构: one village's 两委 with terms and indicators (一肩挑, 交叉任职), 后备干部,
 * member counts and structure, 发展 pipeline counts, organization checks; and the statistics of
 * any subtree (age, gender, education, 党龄, occupation, per village, admissions by year).
 */
import { ageOn, type IsoDate } from '../../domain/calendar/date';
import { ORG_KIND_LABELS } from '../../domain/org';
import {
  AWAY_KIND_LABELS,
  CADRE_BODY_LABELS,
  CADRE_TITLE_LABELS,
  EDUCATION_LEVELS,
  RESERVE_READINESS_LABELS,
} from '../../domain/roster/labels';
import { ORG_CHECK_LABELS, type OrgCheckFinding } from '../../domain/roster/org-checks';
import {
  AGE_BANDS,
  ageBand,
  cadreIndicators,
  PARTY_YEARS_BANDS,
  partyYearsBand,
} from '../../domain/roster/structure';
import type { CadreBody, CadreTitle } from '../../domain/roster/types';
import type { OrgRow } from '../../db/schema';
import type { Actor, ServiceContext } from '../context';
import { AppError } from '../errors';
import { getOrgInScope, reportRoot } from '../org.service';
import { chinaToday, orgIndex } from './member.service';
import { orgCheckFindings } from './org-checks.service';

const VILLAGE_KINDS = ['partyCommittee', 'generalBranch', 'branch'] as const;

/** A village-level org: a 党委/党总支/党支部 directly under a 乡镇党委. */
export function isVillageOrg(org: OrgRow, parent: OrgRow | undefined): boolean {
  return (
    (VILLAGE_KINDS as readonly string[]).includes(org.kind) && parent?.kind === 'townshipCommittee'
  );
}

export interface CountItem {
  label: string;
  count: number;
}

export interface Structure {
  total: number;
  ageBands: CountItem[];
  gender: CountItem[];
  education: CountItem[];
  partyYears: CountItem[];
  occupation: CountItem[];
}

interface MemberFacts {
  orgId: number;
  status: string;
  gender: string;
  birthDate: string | null;
  education: string | null;
  occupation: string | null;
  joinedOn: string | null;
  fullMemberSince: string | null;
  awayKind: string | null;
  awaySince: string | null;
  name: string;
}

function countBy(values: string[], order: readonly string[] = []): CountItem[] {
  const counts = new Map<string, number>(order.map((o) => [o, 0]));
  for (const v of values) {
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  const items = [...counts].map(([label, count]) => ({ label, count }));
  return order.length > 0 ? items : items.sort((a, b) => b.count - a.count);
}

export function structureOf(members: readonly MemberFacts[], asOf: IsoDate): Structure {
  const party = members.filter((m) => m.status === 'full' || m.status === 'probationary');
  return {
    total: party.length,
    ageBands: countBy(
      party.map((m) => (m.birthDate === null ? '不详' : ageBand(m.birthDate, asOf))),
      AGE_BANDS.map((b) => b.label),
    ).filter((c) => c.label !== '不详' || c.count > 0),
    gender: countBy(
      party.map((m) => m.gender),
      ['男', '女'],
    ),
    education: countBy(
      party.map((m) => m.education ?? '不详'),
      EDUCATION_LEVELS,
    ).filter((c) => c.count > 0 || !['硕士研究生', '博士研究生'].includes(c.label)),
    partyYears: countBy(
      party.map((m) => partyYearsBand(m.fullMemberSince, asOf)),
      ['预备党员', ...PARTY_YEARS_BANDS.map((b) => b.label)],
    ),
    occupation: countBy(party.map((m) => m.occupation ?? '不详')),
  };
}

async function membersUnder(ctx: ServiceContext, path: string): Promise<MemberFacts[]> {
  return ctx.db
    .selectFrom('partyMembership as m')
    .innerJoin('person as p', 'p.id', 'm.personId')
    .innerJoin('org as o', 'o.id', 'm.orgId')
    .select([
      'm.orgId',
      'm.status',
      'p.gender',
      'p.birthDate',
      'p.education',
      'p.occupation',
      'm.joinedOn',
      'm.fullMemberSince',
      'm.awayKind',
      'm.awaySince',
      'p.name',
    ])
    .where('o.path', 'like', `${path}%`)
    .where((eb) => eb.or([eb('m.awayKind', 'is', null), eb('m.awayKind', '<>', 'transferredOut')]))
    .execute();
}

export interface PostView {
  id: number;
  personId: number;
  name: string;
  gender: string;
  age: number | null;
  education: string | null;
  isPartyMember: boolean;
  body: CadreBody;
  bodyLabel: string;
  title: CadreTitle;
  titleLabel: string;
  termStart: string;
  termEnd: string | null;
}

/** A finding of the 组织设置检查 with its check's Chinese name. */
export type Finding = OrgCheckFinding & { checkLabel: string };

export interface VillageProfile {
  id: number;
  name: string;
  kindLabel: string;
  posts: PostView[];
  isOneShoulder: boolean;
  secretaryName: string | null;
  directorName: string | null;
  crossAppointedNames: string[];
  twoCommitteesSize: number;
  /** 本届任期届满: the earliest planned term end among current posts (next 换届 due). */
  termEnd: string | null;
  /** 下次选举日期 from the 换届 module's term register (planned, not yet held), if any. */
  nextElectionDate: string | null;
  reserves: {
    id: number;
    name: string;
    age: number | null;
    education: string | null;
    readinessLabel: string;
    targetPost: string | null;
    notes: string | null;
    addedOn: string;
  }[];
  counts: {
    members: number;
    full: number;
    probationary: number;
    mobile: number;
    abroad: number;
    lostContact: number;
    branches: number;
  };
  pipeline: { applicant: number; activist: number; candidate: number };
  structure: Structure;
  findings: Finding[];
}

const TITLE_ORDER: Record<CadreTitle, number> = {
  secretary: 0,
  director: 1,
  deputySecretary: 2,
  deputyDirector: 3,
  member: 4,
};
const BODY_ORDER: Record<CadreBody, number> = {
  partyOrg: 0,
  villagersCommittee: 1,
  supervisoryCommittee: 2,
};

async function loadVillage(ctx: ServiceContext, actor: Actor, orgId: number): Promise<OrgRow> {
  const org = await getOrgInScope(ctx, actor, orgId);
  const parent =
    org.parentId === null
      ? undefined
      : await ctx.db
          .selectFrom('org')
          .selectAll()
          .where('id', '=', org.parentId)
          .executeTakeFirst();
  if (!isVillageOrg(org, parent)) {
    throw new AppError(
      'ERR_ROSTER_NOT_VILLAGE',
      `“${org.name}”是${ORG_KIND_LABELS[org.kind]}，不是村（社区）党组织`,
      'orgId',
    );
  }
  return org;
}

export async function getVillageProfile(
  ctx: ServiceContext,
  actor: Actor,
  orgId: number,
): Promise<VillageProfile> {
  const village = await loadVillage(ctx, actor, orgId);
  const asOf = chinaToday(ctx);
  const postRows = await ctx.db
    .selectFrom('cadrePost as c')
    .innerJoin('person as p', 'p.id', 'c.personId')
    .select([
      'c.id',
      'c.personId',
      'p.name',
      'p.gender',
      'p.birthDate',
      'p.education',
      'c.body',
      'c.title',
      'c.termStart',
      'c.termEnd',
    ])
    .where('c.orgId', '=', orgId)
    .where('c.endedOn', 'is', null)
    .execute();
  const memberIds = new Set(
    (
      await ctx.db
        .selectFrom('partyMembership')
        .select('personId')
        .where('personId', 'in', postRows.length > 0 ? postRows.map((p) => p.personId) : [-1])
        .where('status', 'in', ['probationary', 'full'])
        .execute()
    ).map((r) => r.personId),
  );
  const posts: PostView[] = postRows
    .map((p) => ({
      id: p.id,
      personId: p.personId,
      name: p.name,
      gender: p.gender,
      age: p.birthDate === null ? null : ageOn(p.birthDate, asOf),
      education: p.education,
      isPartyMember: memberIds.has(p.personId),
      body: p.body,
      bodyLabel: CADRE_BODY_LABELS[p.body],
      title: p.title,
      titleLabel: CADRE_TITLE_LABELS[p.title],
      termStart: p.termStart,
      termEnd: p.termEnd,
    }))
    .sort(
      (a, b) =>
        BODY_ORDER[a.body] - BODY_ORDER[b.body] ||
        TITLE_ORDER[a.title] - TITLE_ORDER[b.title] ||
        a.id - b.id,
    );
  const indicators = cadreIndicators(posts);
  const nameOf = (id: number | null): string | null =>
    id === null ? null : (posts.find((p) => p.personId === id)?.name ?? null);
  const termEnds = posts.map((p) => p.termEnd).filter((d): d is string => d !== null);

  const reserveRows = await ctx.db
    .selectFrom('reserveCadre as r')
    .innerJoin('person as p', 'p.id', 'r.personId')
    .select([
      'r.id',
      'p.name',
      'p.birthDate',
      'p.education',
      'r.readiness',
      'r.targetPost',
      'r.notes',
      'r.addedOn',
    ])
    .where('r.orgId', '=', orgId)
    .where('r.removedOn', 'is', null)
    .orderBy('r.id')
    .execute();

  const nextElection = await ctx.db
    .selectFrom('electionTerm')
    .select('electionDate')
    .where('orgId', '=', orgId)
    .where('held', '=', 0)
    .where('electionDate', 'is not', null)
    .orderBy('electionDate')
    .executeTakeFirst();
  const members = await membersUnder(ctx, village.path);
  const branches = await ctx.db
    .selectFrom('org')
    .select(['id', 'name', 'kind'])
    .where('path', 'like', `${village.path}%`)
    .where('kind', '=', 'branch')
    .execute();
  const isMember = (m: MemberFacts) => m.status === 'full' || m.status === 'probationary';
  const count = (f: (m: MemberFacts) => boolean) => members.filter(f).length;

  const findings = (await orgCheckFindings(ctx, village.path, asOf)).map((f) => ({
    ...f,
    checkLabel: ORG_CHECK_LABELS[f.check],
  }));

  return {
    id: village.id,
    name: village.name,
    kindLabel: ORG_KIND_LABELS[village.kind],
    posts,
    isOneShoulder: indicators.isOneShoulder,
    secretaryName: nameOf(indicators.secretaryId),
    directorName: nameOf(indicators.directorId),
    crossAppointedNames: indicators.crossAppointedIds
      .map((id) => nameOf(id))
      .filter((n): n is string => n !== null),
    twoCommitteesSize: indicators.twoCommitteesSize,
    termEnd: termEnds.length === 0 ? null : termEnds.sort()[0]!,
    nextElectionDate: nextElection?.electionDate ?? null,
    reserves: reserveRows.map((r) => ({
      id: r.id,
      name: r.name,
      age: r.birthDate === null ? null : ageOn(r.birthDate, asOf),
      education: r.education,
      readinessLabel: RESERVE_READINESS_LABELS[r.readiness],
      targetPost: r.targetPost,
      notes: r.notes,
      addedOn: r.addedOn,
    })),
    counts: {
      members: count(isMember),
      full: count((m) => m.status === 'full'),
      probationary: count((m) => m.status === 'probationary'),
      mobile: count((m) => isMember(m) && m.awayKind === 'mobile'),
      abroad: count((m) => isMember(m) && m.awayKind === 'abroad'),
      lostContact: count((m) => isMember(m) && m.awayKind === 'lostContact'),
      branches: branches.length,
    },
    pipeline: {
      applicant: count((m) => m.status === 'applicant'),
      activist: count((m) => m.status === 'activist'),
      candidate: count((m) => m.status === 'candidate'),
    },
    structure: structureOf(members, asOf),
    findings,
  };
}

export interface VillageSummary {
  id: number;
  name: string;
  kindLabel: string;
  members: number;
  secretaryName: string | null;
  isOneShoulder: boolean;
  termEnd: string | null;
  awayCount: number;
}

/** Every village-level org in the actor's scope with a one-line summary. */
export async function listVillages(ctx: ServiceContext, actor: Actor): Promise<VillageSummary[]> {
  const orgs = await orgIndex(ctx.db, actor.scopePath);
  const villages = new Map<number, OrgRow>();
  for (const { village } of orgs.values()) {
    if (village !== null && village.path.startsWith(actor.scopePath)) {
      villages.set(village.id, village);
    }
  }
  const ids = [...villages.keys()];
  if (ids.length === 0) {
    return [];
  }
  const posts = await ctx.db
    .selectFrom('cadrePost as c')
    .innerJoin('person as p', 'p.id', 'c.personId')
    .select(['c.orgId', 'c.personId', 'c.body', 'c.title', 'c.termEnd', 'p.name'])
    .where('c.orgId', 'in', ids)
    .where('c.endedOn', 'is', null)
    .execute();
  const members = await membersUnder(ctx, actor.scopePath);
  const villageOfOrg = (orgId: number) => orgs.get(orgId)?.village?.id;
  return [...villages.values()]
    .sort((a, b) => a.id - b.id)
    .map((v) => {
      const mine = posts.filter((p) => p.orgId === v.id);
      const ind = cadreIndicators(mine);
      const inV = members.filter((m) => villageOfOrg(m.orgId) === v.id);
      const ends = mine
        .map((p) => p.termEnd)
        .filter((d): d is string => d !== null)
        .sort();
      return {
        id: v.id,
        name: v.name,
        kindLabel: ORG_KIND_LABELS[v.kind],
        members: inV.filter((m) => m.status === 'full' || m.status === 'probationary').length,
        secretaryName: mine.find((p) => p.personId === ind.secretaryId)?.name ?? null,
        isOneShoulder: ind.isOneShoulder,
        termEnd: ends[0] ?? null,
        awayCount: inV.filter((m) => m.awayKind !== null).length,
      };
    });
}

export interface RosterStatistics {
  scopeName: string;
  asOf: string;
  structure: Structure;
  perVillage: { name: string; members: number; full: number; probationary: number }[];
  /** 入党 (admitted as 预备党员) per year, last ten years. */
  admissionsByYear: CountItem[];
  away: CountItem[];
}

export async function rosterStatistics(
  ctx: ServiceContext,
  actor: Actor,
  orgId?: number,
): Promise<RosterStatistics> {
  const root = await reportRoot(ctx, actor, orgId);
  const path = root.path;
  const asOf = chinaToday(ctx);
  const members = await membersUnder(ctx, path);
  const orgs = await orgIndex(
    ctx.db,
    path.split('/').length > 3
      ? `/${path.split('/').filter(Boolean).slice(0, 2).join('/')}/`
      : path,
  );
  const perVillage = new Map<
    string,
    { name: string; members: number; full: number; probationary: number }
  >();
  for (const m of members) {
    const name = orgs.get(m.orgId)?.village?.name ?? orgs.get(m.orgId)?.org.name ?? '其他';
    const row = perVillage.get(name) ?? { name, members: 0, full: 0, probationary: 0 };
    if (m.status === 'full') {
      row.full += 1;
      row.members += 1;
    } else if (m.status === 'probationary') {
      row.probationary += 1;
      row.members += 1;
    }
    perVillage.set(name, row);
  }
  const year = Number(asOf.slice(0, 4));
  const years = Array.from({ length: 10 }, (_, i) => String(year - 9 + i));
  const admissions = members
    .filter((m) => m.status === 'full' || m.status === 'probationary')
    .map((m) => m.joinedOn?.slice(0, 4) ?? '')
    .filter((y) => years.includes(y));
  const party = members.filter((m) => m.status === 'full' || m.status === 'probationary');
  return {
    scopeName: root.name,
    asOf,
    structure: structureOf(members, asOf),
    perVillage: [...perVillage.values()].filter((r) => r.members > 0),
    admissionsByYear: countBy(admissions, years),
    away: (['mobile', 'abroad', 'lostContact'] as const).map((k) => ({
      label: AWAY_KIND_LABELS[k],
      count: party.filter((m) => m.awayKind === k).length,
    })),
  };
}
