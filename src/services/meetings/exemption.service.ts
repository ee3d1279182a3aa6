/**
 * EDU-06: registering a member as not held to study hours and attendance (年老体弱、行动不便、重病或
 * 失能), and lifting it. One transaction each with an audit entry.
 */
import { appendAudit } from '../audit.service';
import { isoNow, type Actor, type ServiceContext } from '../context';
import { AppError } from '../errors';
import { requireInScope } from '../org.service';
import { chinaToday, MEETING_WRITE_ROLES, MEMBER_STATUSES, requireRole } from './common';

async function memberInScope(ctx: ServiceContext, actor: Actor, personId: number) {
  const row = await ctx.db
    .selectFrom('partyMembership')
    .innerJoin('org', 'org.id', 'partyMembership.orgId')
    .innerJoin('person', 'person.id', 'partyMembership.personId')
    .select(['person.name', 'org.id as orgId', 'org.path', 'org.areaCode'])
    .where('partyMembership.personId', '=', personId)
    .where('partyMembership.status', 'in', [...MEMBER_STATUSES])
    .executeTakeFirst();
  if (row === undefined) {
    throw new AppError('ERR_EXEMPTION_PERSON_INVALID', `人员编号 ${personId} 不是党员`, 'personId');
  }
  requireInScope(actor, row.path);
  return row;
}

export async function createExemption(
  ctx: ServiceContext,
  actor: Actor,
  input: { personId: number; reason: string; fromDate?: string | undefined },
): Promise<{ id: number }> {
  requireRole(actor, MEETING_WRITE_ROLES);
  const member = await memberInScope(ctx, actor, input.personId);
  const reason = input.reason.trim();
  if (reason === '' || reason.length > 50) {
    throw new AppError('ERR_VALIDATION', '请填写免于要求的理由（不超过 50 个字）', 'reason');
  }
  const today = chinaToday(ctx);
  const fromDate = input.fromDate ?? today;
  if (fromDate > today) {
    throw new AppError('ERR_VALIDATION', `起始日期 ${fromDate} 晚于今天`, 'fromDate');
  }
  return ctx.db.transaction().execute(async (trx) => {
    const at = isoNow(ctx);
    const { id } = await trx
      .insertInto('studyExemption')
      .values({
        personId: input.personId,
        orgId: member.orgId,
        areaCode: member.areaCode,
        reason,
        fromDate,
        toDate: null,
        createdAt: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, actor, at, {
      action: 'exemption.create',
      entityType: 'person',
      entityId: String(input.personId),
      areaCode: member.areaCode,
      orgPath: member.path,
      after: { name: member.name, reason, fromDate },
    });
    return { id };
  });
}

/** Lifts every exemption of a member. */
export async function removeExemptions(
  ctx: ServiceContext,
  actor: Actor,
  personId: number,
): Promise<void> {
  requireRole(actor, MEETING_WRITE_ROLES);
  const member = await memberInScope(ctx, actor, personId);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('studyExemption')
      .select(['reason', 'fromDate'])
      .where('personId', '=', personId)
      .execute();
    await trx.deleteFrom('studyExemption').where('personId', '=', personId).execute();
    await appendAudit(trx, actor, isoNow(ctx), {
      action: 'exemption.delete',
      entityType: 'person',
      entityId: String(personId),
      areaCode: member.areaCode,
      orgPath: member.path,
      before: { name: member.name, exemptions: before },
    });
  });
}
