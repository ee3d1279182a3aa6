/** 党员 in scope to choose as 培养联系人 or 入党介绍人, with their 正式党员 date from the roster. */
import { addMonths, type IsoDate } from '../../domain/calendar/date';
import type { Actor, ServiceContext } from '../context';

export interface MemberChoice {
  personId: number;
  name: string;
  orgId: number;
  orgName: string;
  status: 'probationary' | 'full';
  /** 转正日期 from the roster; for a 预备党员, the end of the one-year probation. */
  fullMemberSince: IsoDate | null;
}

export async function searchMembers(
  ctx: ServiceContext,
  actor: Actor,
  options: { q?: string | undefined; orgId?: number | undefined; limit?: number },
): Promise<MemberChoice[]> {
  let query = ctx.db
    .selectFrom('partyMembership as m')
    .innerJoin('person as p', 'p.id', 'm.personId')
    .innerJoin('org as o', 'o.id', 'm.orgId')
    .select([
      'p.id as personId',
      'p.name',
      'o.id as orgId',
      'o.name as orgName',
      'm.status',
      'm.joinedOn',
      'm.fullMemberSince',
    ])
    .where('o.path', 'like', `${actor.scopePath}%`)
    .where('m.status', 'in', ['probationary', 'full']);
  const q = options.q?.trim() ?? '';
  if (q !== '') {
    query = query.where('p.name', 'like', `%${q}%`);
  }
  if (options.orgId !== undefined) {
    query = query.where('o.id', '=', options.orgId);
  }
  const rows = await query
    .orderBy('p.name')
    .limit(options.limit ?? 50)
    .execute();
  return rows.map((r) => ({
    personId: r.personId,
    name: r.name,
    orgId: r.orgId,
    orgName: r.orgName,
    status: r.status === 'full' ? 'full' : 'probationary',
    fullMemberSince:
      r.fullMemberSince ??
      (r.status === 'probationary' && r.joinedOn !== null ? addMonths(r.joinedOn, 12) : null),
  }));
}
