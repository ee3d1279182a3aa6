/**
 * 学习培训: training classes (轮训班) with sessions, trainees and attendance per session; the hours
 * credited feed the study-hour checks (EDU-05, EDU-14). All writes are one transaction each with
 * an audit entry; bad input is refused whole.
 */
import type { IsoDate } from '../../domain/calendar/date';
import type { OrgRow } from '../../db/schema';
import { appendAudit } from '../audit.service';
import { isoNow, type Actor, type ServiceContext } from '../context';
import { AppError } from '../errors';
import { getOrgInScope, requireInScope } from '../org.service';
import { chinaToday, requireRole, toHours, toMinutes, TRAINING_WRITE_ROLES } from './common';

export interface ClassInput {
  orgId: number;
  name: string;
  organizer: string;
  startDate: IsoDate;
  endDate: IsoDate;
  centralized: boolean;
  sessions: { date: IsoDate; hours: number; topic: string; teacher: string }[];
  trainees: { personId: number; category: 'member' | 'cadre' }[];
}

export interface ClassSummary {
  id: number;
  orgId: number;
  orgName: string;
  name: string;
  organizer: string;
  startDate: string;
  endDate: string;
  centralized: boolean;
  sessionCount: number;
  traineeCount: number;
  totalHours: number;
}

export interface TraineeRow {
  personId: number;
  name: string;
  orgName: string;
  category: 'member' | 'cadre';
  /** Session ids attended. */
  attended: number[];
  hours: number;
  /** Attended every session (结业). */
  completed: boolean;
}

export interface ClassDetail extends ClassSummary {
  sessions: { id: number; date: string; hours: number; topic: string; teacher: string }[];
  trainees: TraineeRow[];
}

function requireText(value: string, field: string, label: string, max = 100): string {
  const text = value.trim();
  if (text === '' || text.length > max) {
    throw new AppError('ERR_VALIDATION', `${label}不能为空且不超过 ${max} 个字`, field);
  }
  return text;
}

async function loadClass(ctx: ServiceContext, actor: Actor, id: number) {
  const row = await ctx.db
    .selectFrom('trainingClass')
    .innerJoin('org', 'org.id', 'trainingClass.orgId')
    .selectAll('trainingClass')
    .select(['org.name as orgName', 'org.path as orgPath'])
    .where('trainingClass.id', '=', id)
    .executeTakeFirst();
  if (row === undefined) {
    throw new AppError('ERR_NOT_FOUND', `培训班不存在：编号 ${id}`, 'id');
  }
  requireInScope(actor, row.orgPath);
  return row;
}

/** Trainees must be people in the organizer's subtree: 党员 or holders of a 两委 post. */
async function checkTrainees(ctx: ServiceContext, org: OrgRow, trainees: ClassInput['trainees']) {
  const seen = new Set<number>();
  for (const t of trainees) {
    if (seen.has(t.personId)) {
      throw new AppError(
        'ERR_MEETING_ATTENDEE_DUPLICATE',
        `学员编号 ${t.personId} 重复登记`,
        'trainees',
      );
    }
    seen.add(t.personId);
  }
  const ids = [...seen];
  if (ids.length === 0) {
    return;
  }
  const members = await ctx.db
    .selectFrom('partyMembership')
    .innerJoin('org', 'org.id', 'partyMembership.orgId')
    .select('partyMembership.personId')
    .where('partyMembership.personId', 'in', ids)
    .where('partyMembership.status', 'in', ['full', 'probationary'])
    .where('org.path', 'like', `${org.path}%`)
    .execute();
  const cadres = await ctx.db
    .selectFrom('cadrePost')
    .innerJoin('org', 'org.id', 'cadrePost.orgId')
    .select('cadrePost.personId')
    .where('cadrePost.personId', 'in', ids)
    .where('org.path', 'like', `${org.path}%`)
    .execute();
  const ok = new Set([...members, ...cadres].map((r) => r.personId));
  const bad = ids.find((id) => !ok.has(id));
  if (bad !== undefined) {
    throw new AppError(
      'ERR_TRAINING_TRAINEE_INVALID',
      `人员编号 ${bad} 不是“${org.name}”范围内的党员或两委干部，不能作为学员`,
      'trainees',
    );
  }
}

export async function createClass(
  ctx: ServiceContext,
  actor: Actor,
  input: ClassInput,
): Promise<ClassDetail> {
  requireRole(actor, TRAINING_WRITE_ROLES);
  const org = await getOrgInScope(ctx, actor, input.orgId);
  const name = requireText(input.name, 'name', '培训班名称');
  const organizer = requireText(input.organizer, 'organizer', '主办单位');
  if (input.endDate < input.startDate) {
    throw new AppError(
      'ERR_TRAINING_DATES_INVALID',
      `结束日期 ${input.endDate} 早于开始日期 ${input.startDate}`,
      'endDate',
    );
  }
  input.sessions.forEach((s, i) => {
    if (s.date < input.startDate || s.date > input.endDate) {
      throw new AppError(
        'ERR_TRAINING_DATES_INVALID',
        `第${i + 1}节课日期 ${s.date} 不在培训班日期 ${input.startDate} 至 ${input.endDate} 之内`,
        'sessions',
      );
    }
    if (!(s.hours > 0 && s.hours <= 12)) {
      throw new AppError(
        'ERR_STUDY_HOURS_INVALID',
        `第${i + 1}节课学时 ${s.hours} 无效，应大于 0 且不超过 12`,
        'sessions',
      );
    }
    requireText(s.topic, 'sessions', `第${i + 1}节课主题`, 200);
  });
  await checkTrainees(ctx, org, input.trainees);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const at = isoNow(ctx);
    const { id } = await trx
      .insertInto('trainingClass')
      .values({
        orgId: org.id,
        areaCode: org.areaCode,
        name,
        organizer,
        startDate: input.startDate,
        endDate: input.endDate,
        centralized: input.centralized ? 1 : 0,
        createdAt: at,
        updatedAt: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.sessions.length > 0) {
      await trx
        .insertInto('trainingSession')
        .values(
          input.sessions.map((s) => ({
            classId: id,
            areaCode: org.areaCode,
            date: s.date,
            studyMinutes: toMinutes(s.hours),
            topic: s.topic.trim(),
            teacher: s.teacher.trim(),
          })),
        )
        .execute();
    }
    if (input.trainees.length > 0) {
      await trx
        .insertInto('trainingTrainee')
        .values(
          input.trainees.map((t) => ({
            classId: id,
            personId: t.personId,
            areaCode: org.areaCode,
            category: t.category,
          })),
        )
        .execute();
    }
    await appendAudit(trx, actor, at, {
      action: 'training.create',
      entityType: 'trainingClass',
      entityId: String(id),
      areaCode: org.areaCode,
      orgPath: org.path,
      after: {
        name,
        organizer,
        startDate: input.startDate,
        endDate: input.endDate,
        trainees: input.trainees.length,
      },
    });
    return id;
  });
  return getClass(ctx, actor, id);
}

/**
 * Records who attended one session, replacing what was recorded before. Hours default to the
 * session's length and may not exceed it.
 */
export async function recordAttendance(
  ctx: ServiceContext,
  actor: Actor,
  classId: number,
  sessionId: number,
  attendees: { personId: number; hours?: number | undefined }[],
): Promise<ClassDetail> {
  requireRole(actor, TRAINING_WRITE_ROLES);
  const cls = await loadClass(ctx, actor, classId);
  const session = await ctx.db
    .selectFrom('trainingSession')
    .selectAll()
    .where('id', '=', sessionId)
    .where('classId', '=', classId)
    .executeTakeFirst();
  if (session === undefined) {
    throw new AppError('ERR_NOT_FOUND', `该培训班没有编号为 ${sessionId} 的课程`, 'sessionId');
  }
  if (session.date > chinaToday(ctx)) {
    throw new AppError(
      'ERR_TRAINING_DATES_INVALID',
      `课程日期 ${session.date} 还没到，不能登记考勤`,
      'sessionId',
    );
  }
  const trainees = new Set(
    (
      await ctx.db
        .selectFrom('trainingTrainee')
        .select('personId')
        .where('classId', '=', classId)
        .execute()
    ).map((t) => t.personId),
  );
  const seen = new Set<number>();
  const length = toHours(session.studyMinutes);
  for (const a of attendees) {
    if (seen.has(a.personId)) {
      throw new AppError(
        'ERR_MEETING_ATTENDEE_DUPLICATE',
        `人员编号 ${a.personId} 在本节课中登记了两次`,
        'attendees',
      );
    }
    seen.add(a.personId);
    if (!trainees.has(a.personId)) {
      throw new AppError(
        'ERR_TRAINING_TRAINEE_INVALID',
        `人员编号 ${a.personId} 不是本班学员`,
        'attendees',
      );
    }
    const hours = a.hours ?? length;
    if (!(hours >= 0 && hours <= length)) {
      throw new AppError(
        'ERR_STUDY_HOURS_INVALID',
        `学时 ${hours} 无效，应在 0 到本节课时长 ${length} 之间`,
        'attendees',
      );
    }
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('trainingAttendance').where('sessionId', '=', sessionId).execute();
    if (attendees.length > 0) {
      await trx
        .insertInto('trainingAttendance')
        .values(
          attendees.map((a) => ({
            sessionId,
            classId,
            personId: a.personId,
            areaCode: cls.areaCode,
            studyMinutes: toMinutes(a.hours ?? length),
          })),
        )
        .execute();
    }
    await appendAudit(trx, actor, isoNow(ctx), {
      action: 'training.attendance',
      entityType: 'trainingClass',
      entityId: String(classId),
      areaCode: cls.areaCode,
      orgPath: cls.orgPath,
      after: { name: cls.name, sessionDate: session.date, present: attendees.length },
    });
  });
  return getClass(ctx, actor, classId);
}

export async function listClasses(
  ctx: ServiceContext,
  actor: Actor,
  year?: number,
): Promise<ClassSummary[]> {
  let q = ctx.db
    .selectFrom('trainingClass')
    .innerJoin('org', 'org.id', 'trainingClass.orgId')
    .selectAll('trainingClass')
    .select('org.name as orgName')
    .where('org.path', 'like', `${actor.scopePath}%`);
  if (year !== undefined) {
    q = q
      .where('trainingClass.endDate', '>=', `${year}-01-01`)
      .where('trainingClass.startDate', '<=', `${year}-12-31`);
  }
  const rows = await q.orderBy('trainingClass.startDate', 'desc').execute();
  const out: ClassSummary[] = [];
  for (const r of rows) {
    const sessions = await ctx.db
      .selectFrom('trainingSession')
      .select('studyMinutes')
      .where('classId', '=', r.id)
      .execute();
    const trainees = await ctx.db
      .selectFrom('trainingTrainee')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('classId', '=', r.id)
      .executeTakeFirstOrThrow();
    out.push({
      id: r.id,
      orgId: r.orgId,
      orgName: r.orgName,
      name: r.name,
      organizer: r.organizer,
      startDate: r.startDate,
      endDate: r.endDate,
      centralized: r.centralized === 1,
      sessionCount: sessions.length,
      traineeCount: Number(trainees.n),
      totalHours: toHours(sessions.reduce((s, x) => s + x.studyMinutes, 0)),
    });
  }
  return out;
}

export async function getClass(
  ctx: ServiceContext,
  actor: Actor,
  id: number,
): Promise<ClassDetail> {
  const r = await loadClass(ctx, actor, id);
  const sessions = await ctx.db
    .selectFrom('trainingSession')
    .selectAll()
    .where('classId', '=', id)
    .orderBy('date')
    .orderBy('id')
    .execute();
  const trainees = await ctx.db
    .selectFrom('trainingTrainee')
    .innerJoin('person', 'person.id', 'trainingTrainee.personId')
    .select(['trainingTrainee.personId', 'trainingTrainee.category', 'person.name'])
    .where('classId', '=', id)
    .orderBy('trainingTrainee.id')
    .execute();
  const orgNames = new Map<number, string>();
  if (trainees.length > 0) {
    const rows = await ctx.db
      .selectFrom('partyMembership')
      .innerJoin('org', 'org.id', 'partyMembership.orgId')
      .select(['partyMembership.personId', 'org.name'])
      .where(
        'partyMembership.personId',
        'in',
        trainees.map((t) => t.personId),
      )
      .execute();
    for (const row of rows) {
      orgNames.set(row.personId, row.name);
    }
  }
  const attendance = await ctx.db
    .selectFrom('trainingAttendance')
    .select(['sessionId', 'personId', 'studyMinutes'])
    .where('classId', '=', id)
    .execute();
  const totalMinutes = sessions.reduce((s, x) => s + x.studyMinutes, 0);
  return {
    id: r.id,
    orgId: r.orgId,
    orgName: r.orgName,
    name: r.name,
    organizer: r.organizer,
    startDate: r.startDate,
    endDate: r.endDate,
    centralized: r.centralized === 1,
    sessionCount: sessions.length,
    traineeCount: trainees.length,
    totalHours: toHours(totalMinutes),
    sessions: sessions.map((s) => ({
      id: s.id,
      date: s.date,
      hours: toHours(s.studyMinutes),
      topic: s.topic,
      teacher: s.teacher,
    })),
    trainees: trainees.map((t) => {
      const mine = attendance.filter((a) => a.personId === t.personId);
      return {
        personId: t.personId,
        name: t.name,
        orgName: orgNames.get(t.personId) ?? '',
        category: t.category,
        attended: mine.map((a) => a.sessionId),
        hours: toHours(mine.reduce((s, a) => s + a.studyMinutes, 0)),
        completed:
          sessions.length > 0 && sessions.every((s) => mine.some((a) => a.sessionId === s.id)),
      };
    }),
  };
}
