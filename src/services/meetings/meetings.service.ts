/**
 * 组织生活: record, read and delete meetings of a 党支部 with attendance and the study hours
 * credited. Every write runs in one transaction with its audit entry; bad input is refused with
 * a Chinese message and nothing is saved.
 */
import type { Transaction } from 'kysely';
import { ORG_KIND_LABELS } from '../../domain/org';
import { MEETING_KIND_LABELS, type MeetingKind } from '../../domain/organization-life/types';
import type { Database, OrgRow } from '../../db/schema';
import { appendAudit } from '../audit.service';
import { isoNow, type Actor, type ServiceContext } from '../context';
import { AppError } from '../errors';
import { getOrgInScope, requireInScope } from '../org.service';
import {
  chinaToday,
  MEETING_WRITE_ROLES,
  MEMBER_STATUSES,
  requireRole,
  toHours,
  toMinutes,
} from './common';

export interface MeetingInput {
  orgId: number;
  groupOrgId?: number | null | undefined;
  kind: MeetingKind;
  date: string;
  topic: string;
  presenterPersonId?: number | null | undefined;
  presenterName?: string | undefined;
  location?: string | null | undefined;
  minutes?: string | undefined;
  decisions?: string | undefined;
  /** Length of the meeting's study part in hours; attendees are credited this unless told. */
  studyHours: number;
  attendees: { personId: number; hours?: number | undefined }[];
  absentees?: { personId: number; reason?: string | null | undefined }[] | undefined;
}

export interface MeetingSummary {
  id: number;
  orgId: number;
  orgName: string;
  groupOrgId: number | null;
  groupName: string | null;
  kind: MeetingKind;
  kindLabel: string;
  date: string;
  topic: string;
  presenterName: string;
  studyHours: number;
  presentCount: number;
  absentCount: number;
}

export interface MeetingDetail extends MeetingSummary {
  presenterPersonId: number | null;
  location: string | null;
  minutes: string;
  decisions: string;
  createdByName: string;
  attendees: { personId: number; name: string; hours: number }[];
  absentees: { personId: number; name: string; reason: string | null }[];
}

export interface RosterPerson {
  personId: number;
  name: string;
  gender: string;
  status: string;
  orgId: number;
}

type Db = Transaction<Database> | ServiceContext['db'];

/** 党员 of a branch (the branch and its 党小组), for picking attendees. */
export async function branchMembers(db: Db, branch: OrgRow): Promise<RosterPerson[]> {
  const rows = await db
    .selectFrom('partyMembership')
    .innerJoin('person', 'person.id', 'partyMembership.personId')
    .innerJoin('org', 'org.id', 'partyMembership.orgId')
    .select([
      'person.id as personId',
      'person.name',
      'person.gender',
      'partyMembership.status',
      'partyMembership.orgId',
    ])
    .where('org.path', 'like', `${branch.path}%`)
    .where('partyMembership.status', 'in', [...MEMBER_STATUSES])
    .orderBy('person.id')
    .execute();
  return rows;
}

export async function listBranchMembers(
  ctx: ServiceContext,
  actor: Actor,
  orgId: number,
): Promise<{ branch: OrgRow; groups: OrgRow[]; members: RosterPerson[] }> {
  const branch = await getOrgInScope(ctx, actor, orgId);
  assertBranch(branch);
  const groups = await ctx.db
    .selectFrom('org')
    .selectAll()
    .where('parentId', '=', branch.id)
    .where('kind', '=', 'partyGroup')
    .orderBy('id')
    .execute();
  return { branch, groups, members: await branchMembers(ctx.db, branch) };
}

function assertBranch(org: OrgRow): void {
  if (org.kind !== 'branch') {
    throw new AppError(
      'ERR_MEETING_NOT_BRANCH',
      `会议记在党支部名下，“${org.name}”是${ORG_KIND_LABELS[org.kind]}`,
      'orgId',
    );
  }
}

function cleanText(value: string | null | undefined, max: number, field: string, label: string) {
  const text = (value ?? '').trim();
  if (text.length > max) {
    throw new AppError('ERR_VALIDATION', `${label}不能超过 ${max} 个字`, field);
  }
  return text;
}

export async function createMeeting(
  ctx: ServiceContext,
  actor: Actor,
  input: MeetingInput,
): Promise<MeetingDetail> {
  requireRole(actor, MEETING_WRITE_ROLES);
  const branch = await getOrgInScope(ctx, actor, input.orgId);
  assertBranch(branch);
  const today = chinaToday(ctx);
  if (input.date > today) {
    throw new AppError(
      'ERR_MEETING_DATE_FUTURE',
      `会议日期 ${input.date} 晚于今天（${today}），只能登记已经召开的会议`,
      'date',
    );
  }
  const topic = cleanText(input.topic, 200, 'topic', '会议主题');
  if (topic === '') {
    throw new AppError('ERR_VALIDATION', '请填写会议主题', 'topic');
  }
  if (!(input.studyHours >= 0 && input.studyHours <= 24)) {
    throw new AppError(
      'ERR_STUDY_HOURS_INVALID',
      `会议学时 ${input.studyHours} 无效，应在 0 到 24 之间`,
      'studyHours',
    );
  }
  let groupOrgId: number | null = null;
  if (input.kind === 'groupMeeting') {
    const group =
      input.groupOrgId === undefined || input.groupOrgId === null
        ? undefined
        : await ctx.db
            .selectFrom('org')
            .selectAll()
            .where('id', '=', input.groupOrgId)
            .executeTakeFirst();
    if (group === undefined || group.kind !== 'partyGroup' || group.parentId !== branch.id) {
      throw new AppError(
        'ERR_MEETING_GROUP_INVALID',
        `党小组会须选择“${branch.name}”下的党小组`,
        'groupOrgId',
      );
    }
    groupOrgId = group.id;
  } else if (input.groupOrgId !== undefined && input.groupOrgId !== null) {
    throw new AppError(
      'ERR_MEETING_GROUP_INVALID',
      `只有党小组会才选择党小组（本次为${MEETING_KIND_LABELS[input.kind]}）`,
      'groupOrgId',
    );
  }

  const members = await branchMembers(ctx.db, branch);
  const byId = new Map(members.map((m) => [m.personId, m]));
  const seen = new Set<number>();
  const absentees = input.absentees ?? [];
  const check = (personId: number, field: string): void => {
    if (seen.has(personId)) {
      const name = byId.get(personId)?.name ?? `编号 ${personId}`;
      throw new AppError(
        'ERR_MEETING_ATTENDEE_DUPLICATE',
        `${name} 在本次会议中登记了两次（到会或缺席只能选一次）`,
        field,
      );
    }
    seen.add(personId);
    if (!byId.has(personId)) {
      throw new AppError(
        'ERR_MEETING_ATTENDEE_OUTSIDE',
        `人员编号 ${personId} 不是“${branch.name}”的党员，不能登记为本次会议的${field === 'attendees' ? '到会' : '缺席'}人员`,
        field,
      );
    }
  };
  input.attendees.forEach((a) => {
    check(a.personId, 'attendees');
    const hours = a.hours ?? input.studyHours;
    if (!(hours >= 0 && hours <= input.studyHours)) {
      throw new AppError(
        'ERR_STUDY_HOURS_INVALID',
        `${byId.get(a.personId)?.name ?? ''}的学时 ${hours} 无效，应在 0 到本次会议学时 ${input.studyHours} 之间`,
        'attendees',
      );
    }
  });
  absentees.forEach((a) => check(a.personId, 'absentees'));

  let presenterName = cleanText(input.presenterName, 50, 'presenterName', '主持人/讲课人');
  const presenterPersonId = input.presenterPersonId ?? null;
  if (presenterPersonId !== null) {
    const person = await ctx.db
      .selectFrom('person')
      .select(['id', 'name'])
      .where('id', '=', presenterPersonId)
      .executeTakeFirst();
    if (person === undefined) {
      throw new AppError(
        'ERR_NOT_FOUND',
        `主持人/讲课人不存在：编号 ${presenterPersonId}`,
        'presenterPersonId',
      );
    }
    presenterName = person.name;
  }
  const minutes = cleanText(input.minutes, 20000, 'minutes', '会议记录');
  const decisions = cleanText(input.decisions, 5000, 'decisions', '决定事项');
  const location = cleanText(input.location, 100, 'location', '地点');

  const id = await ctx.db.transaction().execute(async (trx) => {
    const at = isoNow(ctx);
    const { id } = await trx
      .insertInto('meeting')
      .values({
        orgId: branch.id,
        groupOrgId,
        areaCode: branch.areaCode,
        kind: input.kind,
        date: input.date,
        topic,
        presenterPersonId,
        presenterName,
        location: location === '' ? null : location,
        minutes,
        decisions,
        studyMinutes: toMinutes(input.studyHours),
        createdAt: at,
        updatedAt: at,
        createdByName: actor.name,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const rows = [
      ...input.attendees.map((a) => ({
        meetingId: id,
        personId: a.personId,
        areaCode: branch.areaCode,
        status: 'present' as const,
        absenceReason: null,
        studyMinutes: toMinutes(a.hours ?? input.studyHours),
      })),
      ...absentees.map((a) => {
        const reason = (a.reason ?? '').trim();
        return {
          meetingId: id,
          personId: a.personId,
          areaCode: branch.areaCode,
          status: 'absent' as const,
          absenceReason: reason === '' ? null : reason.slice(0, 200),
          studyMinutes: 0,
        };
      }),
    ];
    if (rows.length > 0) {
      await trx.insertInto('meetingAttendance').values(rows).execute();
    }
    await appendAudit(trx, actor, at, {
      action: 'meeting.create',
      entityType: 'meeting',
      entityId: String(id),
      areaCode: branch.areaCode,
      orgPath: branch.path,
      after: {
        orgName: branch.name,
        kind: input.kind,
        date: input.date,
        topic,
        present: input.attendees.length,
        absent: absentees.length,
      },
    });
    return id;
  });
  return getMeeting(ctx, actor, id);
}

async function loadMeeting(ctx: ServiceContext, actor: Actor, id: number) {
  const row = await ctx.db
    .selectFrom('meeting')
    .innerJoin('org', 'org.id', 'meeting.orgId')
    .leftJoin('org as g', 'g.id', 'meeting.groupOrgId')
    .selectAll('meeting')
    .select(['org.name as orgName', 'org.path as orgPath', 'g.name as groupName'])
    .where('meeting.id', '=', id)
    .executeTakeFirst();
  if (row === undefined) {
    throw new AppError('ERR_NOT_FOUND', `会议记录不存在：编号 ${id}`, 'id');
  }
  requireInScope(actor, row.orgPath);
  return row;
}

export async function getMeeting(
  ctx: ServiceContext,
  actor: Actor,
  id: number,
): Promise<MeetingDetail> {
  const row = await loadMeeting(ctx, actor, id);
  const attendance = await ctx.db
    .selectFrom('meetingAttendance')
    .innerJoin('person', 'person.id', 'meetingAttendance.personId')
    .select([
      'meetingAttendance.personId',
      'person.name',
      'meetingAttendance.status',
      'meetingAttendance.absenceReason',
      'meetingAttendance.studyMinutes',
    ])
    .where('meetingId', '=', id)
    .orderBy('meetingAttendance.id')
    .execute();
  const attendees = attendance
    .filter((a) => a.status === 'present')
    .map((a) => ({ personId: a.personId, name: a.name, hours: toHours(a.studyMinutes) }));
  const absentees = attendance
    .filter((a) => a.status === 'absent')
    .map((a) => ({ personId: a.personId, name: a.name, reason: a.absenceReason }));
  return {
    id: row.id,
    orgId: row.orgId,
    orgName: row.orgName,
    groupOrgId: row.groupOrgId,
    groupName: row.groupName,
    kind: row.kind,
    kindLabel: MEETING_KIND_LABELS[row.kind],
    date: row.date,
    topic: row.topic,
    presenterName: row.presenterName,
    presenterPersonId: row.presenterPersonId,
    studyHours: toHours(row.studyMinutes),
    location: row.location,
    minutes: row.minutes,
    decisions: row.decisions,
    createdByName: row.createdByName,
    presentCount: attendees.length,
    absentCount: absentees.length,
    attendees,
    absentees,
  };
}

export interface MeetingFilter {
  orgId?: number | undefined;
  year?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  kind?: MeetingKind | undefined;
  limit?: number | undefined;
}

export async function listMeetings(
  ctx: ServiceContext,
  actor: Actor,
  filter: MeetingFilter,
): Promise<MeetingSummary[]> {
  let root = actor.scopePath;
  if (filter.orgId !== undefined) {
    root = (await getOrgInScope(ctx, actor, filter.orgId)).path;
  }
  let q = ctx.db
    .selectFrom('meeting')
    .innerJoin('org', 'org.id', 'meeting.orgId')
    .leftJoin('org as g', 'g.id', 'meeting.groupOrgId')
    .select([
      'meeting.id',
      'meeting.orgId',
      'org.name as orgName',
      'meeting.groupOrgId',
      'g.name as groupName',
      'meeting.kind',
      'meeting.date',
      'meeting.topic',
      'meeting.presenterName',
      'meeting.studyMinutes',
      (eb) =>
        eb
          .selectFrom('meetingAttendance')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('meetingAttendance.meetingId', '=', 'meeting.id')
          .where('meetingAttendance.status', '=', 'present')
          .as('presentCount'),
      (eb) =>
        eb
          .selectFrom('meetingAttendance')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('meetingAttendance.meetingId', '=', 'meeting.id')
          .where('meetingAttendance.status', '=', 'absent')
          .as('absentCount'),
    ])
    .where('org.path', 'like', `${root}%`);
  if (filter.year !== undefined) {
    q = q
      .where('meeting.date', '>=', `${filter.year}-01-01`)
      .where('meeting.date', '<=', `${filter.year}-12-31`);
  }
  if (filter.from !== undefined) {
    q = q.where('meeting.date', '>=', filter.from);
  }
  if (filter.to !== undefined) {
    q = q.where('meeting.date', '<=', filter.to);
  }
  if (filter.kind !== undefined) {
    q = q.where('meeting.kind', '=', filter.kind);
  }
  const rows = await q
    .orderBy('meeting.date', 'desc')
    .orderBy('meeting.id', 'desc')
    .limit(filter.limit ?? 500)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    orgId: r.orgId,
    orgName: r.orgName,
    groupOrgId: r.groupOrgId,
    groupName: r.groupName,
    kind: r.kind,
    kindLabel: MEETING_KIND_LABELS[r.kind],
    date: r.date,
    topic: r.topic,
    presenterName: r.presenterName,
    studyHours: toHours(r.studyMinutes),
    presentCount: Number(r.presentCount ?? 0),
    absentCount: Number(r.absentCount ?? 0),
  }));
}

export async function deleteMeeting(ctx: ServiceContext, actor: Actor, id: number): Promise<void> {
  requireRole(actor, MEETING_WRITE_ROLES);
  const before = await getMeeting(ctx, actor, id);
  const row = await loadMeeting(ctx, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('meetingAttendance').where('meetingId', '=', id).execute();
    await trx.deleteFrom('meeting').where('id', '=', id).execute();
    await appendAudit(trx, actor, isoNow(ctx), {
      action: 'meeting.delete',
      entityType: 'meeting',
      entityId: String(id),
      areaCode: row.areaCode,
      orgPath: row.orgPath,
      before: {
        orgName: before.orgName,
        kind: before.kind,
        date: before.date,
        topic: before.topic,
        present: before.presentCount,
      },
    });
  });
}
