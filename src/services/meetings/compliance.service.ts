/**
 * 组织生活 compliance and 学时: loads what the rules need for every 党支部 in scope (meetings,
 * attendance, 党小组, 支部班子 from the roster's 两委 posts, exemptions, training attendance) and
 * evaluates them, with township and county roll-ups. Read only.
 */
import { addDays, type IsoDate } from '../../domain/calendar/date';
import { formatCitation } from '../../domain/rules/citation';
import {
  CELL_STATE_LABELS,
  evaluateBranch,
  type BranchCompliance,
  type CellState,
} from '../../domain/organization-life/compliance';
import {
  halvesOf,
  monthsOf,
  quartersOf,
  yearOf,
  type Period,
} from '../../domain/organization-life/periods';
import { ORG_LIFE_RULES, type OrgLifeRuleId } from '../../domain/organization-life/rules';
import {
  LECTURE_PERIOD_LABELS,
  ORG_LIFE_SETTING_SOURCES,
  resolveOrgLifeSettings,
  type OrgLifeSettings,
} from '../../domain/organization-life/settings';
import type {
  BranchFacts,
  CommitteePeriod,
  MeetingFact,
  MemberFact,
  OfficeTerm,
  OfficerRole,
} from '../../domain/organization-life/types';
import type { OrgRow } from '../../db/schema';
import type { Actor, ServiceContext } from '../context';
import { getOrgInScope } from '../org.service';
import { chinaToday, MEMBER_STATUSES, toHours } from './common';

export interface ComplianceQuery {
  year: number;
  orgId?: number | undefined;
  asOf?: IsoDate | undefined;
  settings?: Partial<OrgLifeSettings> | undefined;
}

export interface BranchRow extends BranchCompliance {
  path: string;
  parentName: string | null;
  townshipId: number | null;
}

export interface RollupRow {
  orgId: number;
  name: string;
  kind: string;
  branchCount: number;
  /** Per rule: branches with at least one missing cell, and cells by state. */
  rules: {
    rule: OrgLifeRuleId;
    branchesMissing: number;
    met: number;
    missing: number;
    notDue: number;
  }[];
  study: { people: number; met: number; behind: number; missing: number; exempt: number };
}

export interface ComplianceReport {
  year: number;
  asOf: IsoDate;
  settings: { key: string; value: string; source: string }[];
  rules: {
    id: OrgLifeRuleId;
    module: string;
    shortTitle: string;
    title: string;
    explanation: string;
    level: string;
    citations: string[];
    isReviewList: boolean;
  }[];
  periods: { months: Period[]; quarters: Period[]; halves: Period[]; year: Period };
  branches: BranchRow[];
  rollups: RollupRow[];
}

const OFFICER_TITLES: Record<string, OfficerRole> = {
  secretary: 'secretary',
  deputySecretary: 'deputySecretary',
  member: 'committeeMember',
};

/**
 * Committee periods from office terms: between consecutive start/end days, a committee exists
 * while a 委员 is in office; its size is every officer in office then.
 */
export function committeePeriods(terms: OfficeTerm[]): CommitteePeriod[] {
  const bounds = new Set<string>();
  for (const t of terms) {
    bounds.add(t.from);
    if (t.to !== null) {
      bounds.add(addDays(t.to, 1));
    }
  }
  const sorted = [...bounds].sort();
  const out: CommitteePeriod[] = [];
  sorted.forEach((from, i) => {
    const next = sorted[i + 1];
    const to = next === undefined ? null : addDays(next, -1);
    const active = terms.filter((t) => t.from <= from && (t.to === null || t.to >= from));
    if (active.some((t) => t.role === 'committeeMember')) {
      out.push({ from, to, size: active.length });
    }
  });
  return out;
}

/** The 党支部 in scope (under `orgId` when given), ordered by path. */
async function branchesIn(ctx: ServiceContext, actor: Actor, orgId?: number): Promise<OrgRow[]> {
  const root =
    orgId === undefined ? actor.scopePath : (await getOrgInScope(ctx, actor, orgId)).path;
  return ctx.db
    .selectFrom('org')
    .selectAll()
    .where('path', 'like', `${root}%`)
    .where('kind', '=', 'branch')
    .orderBy('path')
    .execute();
}

function chunk<T>(list: T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) {
    out.push(list.slice(i, i + size));
  }
  return out;
}

/** Loads `BranchFacts` for these branches and year. */
export async function loadBranchFacts(
  ctx: ServiceContext,
  branches: OrgRow[],
  year: number,
): Promise<BranchFacts[]> {
  if (branches.length === 0) {
    return [];
  }
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const branchIds = branches.map((b) => b.id);
  const groups = (
    await Promise.all(
      chunk(branchIds).map((ids) =>
        ctx.db
          .selectFrom('org')
          .select(['id', 'name', 'parentId'])
          .where('parentId', 'in', ids)
          .where('kind', '=', 'partyGroup')
          .orderBy('id')
          .execute(),
      ),
    )
  ).flat();
  const branchOfOrg = new Map<number, number>(branchIds.map((id) => [id, id]));
  for (const g of groups) {
    if (g.parentId !== null) {
      branchOfOrg.set(g.id, g.parentId);
    }
  }
  const orgIds = [...branchOfOrg.keys()];
  const memberships = (
    await Promise.all(
      chunk(orgIds).map((ids) =>
        ctx.db
          .selectFrom('partyMembership')
          .innerJoin('person', 'person.id', 'partyMembership.personId')
          .select([
            'person.id as personId',
            'person.name',
            'partyMembership.orgId',
            'partyMembership.status',
            'partyMembership.joinedOn',
          ])
          .where('partyMembership.orgId', 'in', ids)
          .where('partyMembership.status', 'in', [...MEMBER_STATUSES])
          .orderBy('person.id')
          .execute(),
      ),
    )
  ).flat();
  const posts = (
    await Promise.all(
      chunk(branchIds).map((ids) =>
        ctx.db
          .selectFrom('cadrePost')
          .select(['orgId', 'personId', 'title', 'termStart', 'endedOn'])
          .where('orgId', 'in', ids)
          .where('body', '=', 'partyOrg')
          .execute(),
      ),
    )
  ).flat();
  const meetings = (
    await Promise.all(
      chunk(branchIds).map((ids) =>
        ctx.db
          .selectFrom('meeting')
          .select(['id', 'orgId', 'kind', 'date', 'groupOrgId', 'presenterPersonId'])
          .where('orgId', 'in', ids)
          .where('date', '>=', start)
          .where('date', '<=', end)
          .execute(),
      ),
    )
  ).flat();
  const attendance = (
    await Promise.all(
      chunk(meetings.map((m) => m.id)).map((ids) =>
        ctx.db
          .selectFrom('meetingAttendance')
          .select(['meetingId', 'personId', 'status', 'absenceReason', 'studyMinutes'])
          .where('meetingId', 'in', ids)
          .execute(),
      ),
    )
  ).flat();
  const personIds = [...new Set(memberships.map((m) => m.personId))];
  const exemptions = (
    await Promise.all(
      chunk(personIds).map((ids) =>
        ctx.db
          .selectFrom('studyExemption')
          .select(['personId', 'reason', 'fromDate', 'toDate'])
          .where('personId', 'in', ids)
          .where('fromDate', '<=', end)
          .execute(),
      ),
    )
  ).flat();
  const credits = (
    await Promise.all(
      chunk(personIds).map((ids) =>
        ctx.db
          .selectFrom('trainingAttendance')
          .innerJoin('trainingSession', 'trainingSession.id', 'trainingAttendance.sessionId')
          .innerJoin('trainingClass', 'trainingClass.id', 'trainingAttendance.classId')
          .select([
            'trainingAttendance.personId',
            'trainingAttendance.classId',
            'trainingAttendance.studyMinutes',
            'trainingSession.date',
            'trainingClass.centralized',
          ])
          .where('trainingAttendance.personId', 'in', ids)
          .where('trainingSession.date', '>=', start)
          .where('trainingSession.date', '<=', end)
          .execute(),
      ),
    )
  ).flat();

  const attendanceByMeeting = new Map<number, typeof attendance>();
  for (const a of attendance) {
    attendanceByMeeting.set(a.meetingId, [...(attendanceByMeeting.get(a.meetingId) ?? []), a]);
  }
  return branches.map((branch) => {
    const mine = memberships.filter((m) => branchOfOrg.get(m.orgId) === branch.id);
    const officers: OfficeTerm[] = posts
      .filter((p) => p.orgId === branch.id && OFFICER_TITLES[p.title] !== undefined)
      .map((p) => ({
        personId: p.personId,
        role: OFFICER_TITLES[p.title] ?? 'committeeMember',
        from: p.termStart,
        to: p.endedOn,
      }));
    const meetingFacts: MeetingFact[] = meetings
      .filter((m) => m.orgId === branch.id)
      .map((m) => {
        const rows = attendanceByMeeting.get(m.id) ?? [];
        return {
          id: m.id,
          kind: m.kind,
          date: m.date,
          groupId: m.groupOrgId,
          presenterId: m.presenterPersonId,
          attendees: rows
            .filter((a) => a.status === 'present')
            .map((a) => ({ personId: a.personId, hours: toHours(a.studyMinutes) })),
          excusedIds: rows
            .filter((a) => a.status === 'absent' && a.absenceReason !== null)
            .map((a) => a.personId),
        };
      });
    const members: MemberFact[] = mine.map((m) => {
      const exemption = exemptions.find(
        (e) => e.personId === m.personId && (e.toDate === null || e.toDate >= start),
      );
      return {
        personId: m.personId,
        name: m.name,
        exemptReason: exemption?.reason ?? null,
        trainingCredits: credits
          .filter((c) => c.personId === m.personId)
          .map((c) => ({
            classId: c.classId,
            date: c.date,
            hours: toHours(c.studyMinutes),
            centralized: c.centralized === 1,
          })),
        duesPaidMonths: null,
        since: m.joinedOn,
      };
    });
    return {
      orgId: branch.id,
      name: branch.name,
      fullMemberCount: mine.filter((m) => m.status === 'full').length,
      committees: committeePeriods(officers),
      officers,
      groups: groups
        .filter((g) => g.parentId === branch.id)
        .map((g) => ({ orgId: g.id, name: g.name })),
      meetings: meetingFacts,
      members,
    };
  });
}

function settingRows(settings: OrgLifeSettings): ComplianceReport['settings'] {
  const value = (key: keyof OrgLifeSettings): string => {
    const v = settings[key];
    if (key === 'lecturePeriod') {
      return LECTURE_PERIOD_LABELS[settings.lecturePeriod];
    }
    return typeof v === 'boolean' ? (v ? '开启' : '关闭') : String(v);
  };
  return (Object.keys(ORG_LIFE_SETTING_SOURCES) as (keyof OrgLifeSettings)[]).map((key) => ({
    key,
    value: value(key),
    source: ORG_LIFE_SETTING_SOURCES[key],
  }));
}

export async function complianceReport(
  ctx: ServiceContext,
  actor: Actor,
  query: ComplianceQuery,
): Promise<ComplianceReport> {
  const asOf = query.asOf ?? chinaToday(ctx);
  const settings = resolveOrgLifeSettings(query.settings ?? {});
  const branches = await branchesIn(ctx, actor, query.orgId);
  const facts = await loadBranchFacts(ctx, branches, query.year);
  const parents = await ctx.db
    .selectFrom('org')
    .select(['id', 'name', 'kind', 'path'])
    .where('kind', 'in', [
      'countyDepartment',
      'townshipCommittee',
      'partyCommittee',
      'generalBranch',
    ])
    .execute();
  const byId = new Map(parents.map((p) => [p.id, p]));
  const rows: BranchRow[] = facts.map((f, i) => {
    const branch = branches[i]!;
    const result = evaluateBranch(f, { year: query.year, asOf, settings });
    const ancestorIds = branch.path.split('/').filter(Boolean).map(Number);
    const township = ancestorIds
      .map((id) => byId.get(id))
      .find((o) => o?.kind === 'townshipCommittee');
    return {
      ...result,
      path: branch.path,
      parentName: branch.parentId === null ? null : (byId.get(branch.parentId)?.name ?? null),
      townshipId: township?.id ?? null,
    };
  });
  // Roll-ups: every township and county in the actor's scope above the branches.
  const rollupOrgs = parents
    .filter(
      (p) =>
        p.kind === 'townshipCommittee' ||
        p.kind === 'countyDepartment' ||
        p.path === actor.scopePath,
    )
    .filter((p) => rows.some((r) => r.path.startsWith(p.path)))
    .filter((p) => p.path.startsWith(actor.scopePath))
    .sort((a, b) => a.path.localeCompare(b.path));
  const rollups = rollupOrgs.map((org) =>
    rollup(
      org,
      rows.filter((r) => r.path.startsWith(org.path)),
    ),
  );
  return {
    year: query.year,
    asOf,
    settings: settingRows(settings),
    rules: ORG_LIFE_RULES.map((r) => ({
      id: r.id,
      module: r.module,
      shortTitle: r.shortTitle,
      title: r.title,
      explanation: r.explanation,
      level: r.levels[0] ?? 'warning',
      citations: r.citations.map((c) => formatCitation(c)),
      isReviewList: r.isReviewList === true,
    })),
    periods: {
      months: monthsOf(query.year),
      quarters: quartersOf(query.year),
      halves: halvesOf(query.year),
      year: yearOf(query.year),
    },
    branches: rows,
    rollups,
  };
}

function rollup(org: { id: number; name: string; kind: string }, rows: BranchRow[]): RollupRow {
  const rules = ORG_LIFE_RULES.filter(
    (r) => r.module === 'organizationLife' && r.id !== 'EDU-11',
  ).map((r) => {
    const count = (state: CellState) =>
      rows.reduce(
        (n, b) => n + b.cells.filter((c) => c.rule === r.id && c.state === state).length,
        0,
      );
    return {
      rule: r.id,
      branchesMissing: rows.filter((b) =>
        b.cells.some((c) => c.rule === r.id && c.state === 'missing'),
      ).length,
      met: count('met'),
      missing: count('missing'),
      notDue: count('notDue'),
    };
  });
  const people = rows.flatMap((b) => b.study);
  return {
    orgId: org.id,
    name: org.name,
    kind: org.kind,
    branchCount: rows.length,
    rules,
    study: {
      people: people.length,
      met: people.filter((p) => p.state === 'met').length,
      behind: people.filter((p) => p.state === 'behind').length,
      missing: people.filter((p) => p.state === 'missing').length,
      exempt: people.filter((p) => p.state === 'exempt').length,
    },
  };
}

export { CELL_STATE_LABELS };
