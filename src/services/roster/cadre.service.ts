/**
 * 村两委 posts and 后备干部: appoint a person to a post with a term, end a post (the row stays,
 * with the day and reason, so terms keep their history), add and remove 后备干部. Each change is
 * audited in its transaction. Only county and township roles change them.
 */
import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely';
import { parseIsoDate } from '../../domain/calendar/date';
import { maskIdNumber, readIdNumber } from '../../domain/id-number';
import {
  CADRE_BODY_LABELS,
  CADRE_TITLE_LABELS,
  CADRE_TITLES_BY_BODY,
} from '../../domain/roster/labels';
import type { CadreBody, CadreTitle, ReserveReadiness } from '../../domain/roster/types';
import type { Database } from '../../db/schema';
import { appendAudit } from '../audit.service';
import { isoNow, type Actor, type ServiceContext } from '../context';
import { AppError } from '../errors';
import { getOrgInScope, requireInScope } from '../org.service';
import { canEditRoster, checkIdNumber, chinaToday } from './member.service';
import { nameSearchKeys } from '../../domain/roster/pinyin';
import { isVillageOrg } from './village.service';

function requireEditor(actor: Actor): void {
  if (!canEditRoster(actor)) {
    throw new AppError(
      'ERR_FORBIDDEN_ROLE',
      '只有县级管理员和乡镇组织委员可以调整两委班子和后备干部',
    );
  }
}

async function villageInScope(ctx: ServiceContext, actor: Actor, orgId: number) {
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
    throw new AppError('ERR_ROSTER_NOT_VILLAGE', `“${org.name}”不是村（社区）党组织`, 'orgId');
  }
  return org;
}

/**
 * The person's name when the actor may act on them: a membership (any status) in an org of the
 * actor's scope, or a 两委 post or 后备干部 entry, current or past, in a village of it (a 群众 on
 * the 村委会 has no membership). Otherwise ERR_NOT_FOUND, as for no such person, so an id outside
 * the scope reveals nothing.
 */
async function personInScope(
  db: Kysely<Database>,
  actor: Actor,
  personId: number,
): Promise<string> {
  // The same test through each table that ties a person to an org: a row whose org is in scope.
  const tiedThrough = (table: string) =>
    sql<SqlBool>`exists (select 1 from ${sql.table(table)} t join org o on o.id = t.org_id
      where t.person_id = p.id and o.path like ${`${actor.scopePath}%`})`;
  const p = await db
    .selectFrom('person as p')
    .select('p.name')
    .where('p.id', '=', personId)
    .where((eb) => eb.or(['party_membership', 'cadre_post', 'reserve_cadre'].map(tiedThrough)))
    .executeTakeFirst();
  if (p === undefined) {
    throw new AppError('ERR_NOT_FOUND', `人员不存在：编号 ${personId}`, 'personId');
  }
  return p.name;
}

/**
 * Someone who is not a Party member (群众), registered when first appointed to the 村民委员会 or
 * the 村务监督委员会; gender and birth date come from the ID number.
 */
export interface NewCadrePerson {
  name: string;
  idNumber: string;
  education: string | null;
  phone: string | null;
}

export interface AppointInput {
  orgId: number;
  personId: number;
  body: CadreBody;
  title: CadreTitle;
  termStart: string;
  termEnd: string | null;
}

/** The village a post belongs to, as the audit trail needs it. */
export interface PostVillage {
  areaCode: string;
  path: string;
}

/**
 * Appoints inside the caller's transaction: checks the title and dates, that the person is not
 * already in the body and that the head post is free, inserts the post and its audit entry. The
 * caller checks the role and that the village is in scope.
 */
export async function appointCadreIn(
  ctx: ServiceContext,
  trx: Transaction<Database>,
  actor: Actor,
  village: PostVillage,
  input: AppointInput,
): Promise<{ id: number }> {
  const p = await trx
    .selectFrom('person')
    .select('name')
    .where('id', '=', input.personId)
    .executeTakeFirst();
  if (p === undefined) {
    throw new AppError('ERR_NOT_FOUND', `人员不存在：编号 ${input.personId}`, 'personId');
  }
  const name = p.name;
  if (!CADRE_TITLES_BY_BODY[input.body].includes(input.title)) {
    throw new AppError(
      'ERR_ROSTER_POST_INVALID',
      `${CADRE_BODY_LABELS[input.body]}没有“${CADRE_TITLE_LABELS[input.title]}”这一职务`,
      'title',
    );
  }
  if (parseIsoDate(input.termStart) === null) {
    throw new AppError(
      'ERR_ROSTER_POST_INVALID',
      `任期开始日期不正确：${input.termStart}`,
      'termStart',
    );
  }
  if (
    input.termEnd !== null &&
    (parseIsoDate(input.termEnd) === null || input.termEnd <= input.termStart)
  ) {
    throw new AppError(
      'ERR_ROSTER_POST_INVALID',
      `任期届满日期 ${input.termEnd} 应晚于开始日期 ${input.termStart}`,
      'termEnd',
    );
  }
  const current = await trx
    .selectFrom('cadrePost')
    .select(['id', 'personId', 'title'])
    .where('orgId', '=', input.orgId)
    .where('body', '=', input.body)
    .where('endedOn', 'is', null)
    .execute();
  if (current.some((c) => c.personId === input.personId)) {
    throw new AppError(
      'ERR_ROSTER_POST_INVALID',
      `${name}已在${CADRE_BODY_LABELS[input.body]}任职`,
      'personId',
    );
  }
  const head: CadreTitle[] = ['secretary', 'director'];
  if (head.includes(input.title) && current.some((c) => c.title === input.title)) {
    throw new AppError(
      'ERR_ROSTER_POST_INVALID',
      `${CADRE_BODY_LABELS[input.body]}已有${CADRE_TITLE_LABELS[input.title]}，请先办理原任离任`,
      'title',
    );
  }
  const at = isoNow(ctx);
  const row = await trx
    .insertInto('cadrePost')
    .values({
      personId: input.personId,
      orgId: input.orgId,
      areaCode: village.areaCode,
      body: input.body,
      title: input.title,
      termStart: input.termStart,
      termEnd: input.termEnd,
      endedOn: null,
      endReason: null,
      createdAt: at,
      updatedAt: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendAudit(trx, actor, at, {
    action: 'roster.post.create',
    entityType: 'cadrePost',
    entityId: row.id,
    areaCode: village.areaCode,
    orgPath: village.path,
    after: { ...input, name },
  });
  return row;
}

/** An appointment of someone already on record (`personId`) or of a new 群众 (`newPerson`). */
export type AppointRequest = Omit<AppointInput, 'personId'> &
  (
    | { personId: number; newPerson?: undefined }
    | { personId?: undefined; newPerson: NewCadrePerson }
  );

export async function appointCadre(
  ctx: ServiceContext,
  actor: Actor,
  input: AppointRequest,
): Promise<{ id: number }> {
  requireEditor(actor);
  const village = await villageInScope(ctx, actor, input.orgId);
  const { newPerson, personId, ...post } = input;
  if (newPerson !== undefined) {
    return appointNewPerson(ctx, actor, village, post, newPerson);
  }
  if (personId === undefined) {
    throw new AppError('ERR_VALIDATION', '请选择人员，或登记一位非党员（群众）', 'personId');
  }
  await personInScope(ctx.db, actor, personId);
  return ctx.db
    .transaction()
    .execute(async (trx) => appointCadreIn(ctx, trx, actor, village, { ...post, personId }));
}

async function appointNewPerson(
  ctx: ServiceContext,
  actor: Actor,
  village: PostVillage & { id: number },
  post: Omit<AppointInput, 'personId'>,
  person: NewCadrePerson,
): Promise<{ id: number }> {
  if (post.body === 'partyOrg') {
    throw new AppError(
      'ERR_ROSTER_POST_INVALID',
      '村党组织委员会的成员必须是党员：请在“人员”中选择本村党员',
      'body',
    );
  }
  const name = person.name.replace(/\s+/g, '');
  if (name === '' || name.length > 20) {
    throw new AppError(
      'ERR_VALIDATION',
      `姓名应为 1 至 20 个字：“${person.name}”`,
      'newPerson.name',
    );
  }
  const idNumber = checkIdNumber(person.idNumber, null, null);
  const read = readIdNumber(idNumber);
  if (!read.ok) {
    throw new AppError(
      'ERR_ROSTER_ID_NUMBER_INVALID',
      `公民身份号码 ${idNumber} 不正确`,
      'idNumber',
    );
  }
  const text = (v: string | null) => v?.trim() || null;
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('person')
      .select(['id', 'name'])
      .where('idNumber', '=', idNumber)
      .executeTakeFirst();
    if (existing !== undefined) {
      const known = await personInScope(trx, actor, existing.id).then(
        (n) => `，登记为“${n}”：请在“人员”中选择此人`,
        () => '，属于其他乡镇（街道）：请联系上级组织部门',
      );
      throw new AppError(
        'ERR_ROSTER_PERSON_EXISTS',
        `公民身份号码 ${maskIdNumber(idNumber)} 已有人员记录${known}`,
        'newPerson.idNumber',
      );
    }
    const at = isoNow(ctx);
    const { id: personId } = await trx
      .insertInto('person')
      .values({
        name,
        gender: read.info.gender,
        ethnicity: null,
        birthDate: read.info.birthDate,
        idNumber,
        education: text(person.education),
        phone: text(person.phone),
        occupation: null,
        workUnit: null,
        areaCode: village.areaCode,
        createdAt: at,
        updatedAt: at,
        ...nameSearchKeys(name),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, actor, at, {
      action: 'roster.person.create',
      entityType: 'person',
      entityId: personId,
      areaCode: village.areaCode,
      orgPath: village.path,
      after: { name, idNumber: maskIdNumber(idNumber), partyMember: false },
    });
    return appointCadreIn(ctx, trx, actor, village, { ...post, personId });
  });
}

/**
 * Ends a post inside the caller's transaction: the post must be in the actor's scope and open,
 * the day not before its term start nor after today; writes the audit entry.
 */
export async function endCadrePostIn(
  ctx: ServiceContext,
  trx: Transaction<Database>,
  actor: Actor,
  postId: number,
  input: { endedOn: string; reason: string },
): Promise<void> {
  const post = await trx
    .selectFrom('cadrePost as c')
    .innerJoin('org as o', 'o.id', 'c.orgId')
    .selectAll('c')
    .select('o.path')
    .where('c.id', '=', postId)
    .executeTakeFirst();
  if (post === undefined) {
    throw new AppError('ERR_NOT_FOUND', `职务记录不存在：编号 ${postId}`, 'id');
  }
  requireInScope(actor, post.path);
  if (post.endedOn !== null) {
    throw new AppError('ERR_ROSTER_POST_INVALID', `该职务已于 ${post.endedOn} 离任`, 'id');
  }
  if (
    parseIsoDate(input.endedOn) === null ||
    input.endedOn < post.termStart ||
    input.endedOn > chinaToday(ctx)
  ) {
    throw new AppError(
      'ERR_ROSTER_POST_INVALID',
      `离任日期 ${input.endedOn} 应在任期开始 ${post.termStart} 之后、今天之前`,
      'endedOn',
    );
  }
  const at = isoNow(ctx);
  await trx
    .updateTable('cadrePost')
    .set({ endedOn: input.endedOn, endReason: input.reason.trim() || null, updatedAt: at })
    .where('id', '=', postId)
    .execute();
  await appendAudit(trx, actor, at, {
    action: 'roster.post.end',
    entityType: 'cadrePost',
    entityId: postId,
    areaCode: post.areaCode,
    orgPath: post.path,
    before: { endedOn: null },
    after: { endedOn: input.endedOn, reason: input.reason },
  });
}

export async function endCadrePost(
  ctx: ServiceContext,
  actor: Actor,
  postId: number,
  input: { endedOn: string; reason: string },
): Promise<void> {
  requireEditor(actor);
  await ctx.db.transaction().execute(async (trx) => endCadrePostIn(ctx, trx, actor, postId, input));
}

export async function addReserveCadre(
  ctx: ServiceContext,
  actor: Actor,
  input: {
    orgId: number;
    personId: number;
    readiness: ReserveReadiness;
    targetPost: string | null;
    notes: string | null;
  },
): Promise<{ id: number }> {
  requireEditor(actor);
  const village = await villageInScope(ctx, actor, input.orgId);
  const name = await personInScope(ctx.db, actor, input.personId);
  return ctx.db.transaction().execute(async (trx) => {
    const at = isoNow(ctx);
    const row = await trx
      .insertInto('reserveCadre')
      .values({
        personId: input.personId,
        orgId: input.orgId,
        areaCode: village.areaCode,
        readiness: input.readiness,
        targetPost: input.targetPost,
        notes: input.notes,
        addedOn: chinaToday(ctx),
        removedOn: null,
        createdAt: at,
        updatedAt: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, actor, at, {
      action: 'roster.reserve.add',
      entityType: 'reserveCadre',
      entityId: row.id,
      areaCode: village.areaCode,
      orgPath: village.path,
      after: { ...input, name },
    });
    return row;
  });
}

export async function removeReserveCadre(
  ctx: ServiceContext,
  actor: Actor,
  reserveId: number,
): Promise<void> {
  requireEditor(actor);
  const row = await ctx.db
    .selectFrom('reserveCadre as r')
    .innerJoin('org as o', 'o.id', 'r.orgId')
    .selectAll('r')
    .select('o.path')
    .where('r.id', '=', reserveId)
    .executeTakeFirst();
  if (row === undefined || row.removedOn !== null) {
    throw new AppError('ERR_NOT_FOUND', `后备干部记录不存在：编号 ${reserveId}`, 'id');
  }
  requireInScope(actor, row.path);
  await ctx.db.transaction().execute(async (trx) => {
    const at = isoNow(ctx);
    await trx
      .updateTable('reserveCadre')
      .set({ removedOn: chinaToday(ctx), updatedAt: at })
      .where('id', '=', reserveId)
      .execute();
    await appendAudit(trx, actor, at, {
      action: 'roster.reserve.remove',
      entityType: 'reserveCadre',
      entityId: reserveId,
      areaCode: row.areaCode,
      orgPath: row.path,
    });
  });
}
