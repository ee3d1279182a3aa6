/**
 * 党员队伍: the roster in scope with paging, filters and pinyin search; one member with the
 * history of events; events that change status, dates and whereabouts (validated, written,
 * applied and audited in one transaction); the audited reveal of a full ID number.
 */
import { sql, type Transaction } from 'kysely';
import { ageOn, parseIsoDate, type IsoDate } from '../../domain/calendar/date';
import { maskIdNumber, readIdNumber } from '../../domain/id-number';
import {
  applyMembershipEvent,
  arriveByTransfer,
  type MembershipEventInput,
  type MembershipState,
} from '../../domain/roster/events';
import {
  AWAY_KIND_LABELS,
  MEMBERSHIP_EVENT_LABELS,
  MEMBERSHIP_STATUS_LABELS,
  type MembershipStatusCode,
} from '../../domain/roster/labels';
import { isPinyinQuery, nameSearchKeys } from '../../domain/roster/pinyin';
import { bornOnOrBefore, partyYears } from '../../domain/roster/structure';
import type { AwayKind, MembershipEventKind } from '../../domain/roster/types';
import type { Database, OrgRow } from '../../db/schema';
import { appendAudit } from '../audit.service';
import { isoNow, type Actor, type ServiceContext } from '../context';
import { AppError } from '../errors';
import { getOrgInScope, requireInScope } from '../org.service';

type Db = ServiceContext['db'] | Transaction<Database>;

/** Roles that may reveal one person's full ID number (each reveal audited). */
export const ID_REVEAL_ROLES = ['countyAdmin', 'townshipOrganizer'] as const;
/** Roles that record every kind of membership event. */
export const ROSTER_EDIT_ROLES = ['countyAdmin', 'townshipOrganizer'] as const;
/** Events a village secretary may record in his own subtree: 流动党员 and contact. */
const SECRETARY_EVENTS: readonly MembershipEventKind[] = [
  'mobileOut',
  'mobileContact',
  'mobileReturn',
  'lostContact',
  'contactRestored',
];

/** Today in China (UTC+8), the date every age and 党龄 is counted on. */
export function chinaToday(ctx: ServiceContext): IsoDate {
  return new Date(ctx.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function canRevealIdNumber(actor: Actor): boolean {
  return actor.role === 'system' || (ID_REVEAL_ROLES as readonly string[]).includes(actor.role);
}

export function canEditRoster(actor: Actor): boolean {
  return actor.role === 'system' || (ROSTER_EDIT_ROLES as readonly string[]).includes(actor.role);
}

export type AwayFilter = 'here' | AwayKind | 'away' | 'all';

export interface RosterQuery {
  /** Subtree to list; the actor's scope when absent. */
  orgId?: number | undefined;
  statuses?: MembershipStatusCode[] | undefined;
  gender?: '男' | '女' | undefined;
  education?: string[] | undefined;
  ageMin?: number | undefined;
  ageMax?: number | undefined;
  partyYearsMin?: number | undefined;
  partyYearsMax?: number | undefined;
  /** 'here' (default: all but 已转出), one away kind, 'away' (any of 流动/出国/失联) or 'all'. */
  away?: AwayFilter | undefined;
  /** Name, full pinyin or initials (张三 by `zs`). */
  q?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
  sort?: 'name' | 'birthDate' | 'joinedOn' | 'org' | undefined;
}

export interface RosterRow {
  membershipId: number;
  personId: number;
  name: string;
  gender: '男' | '女';
  ethnicity: string | null;
  birthDate: string | null;
  age: number | null;
  /** Masked unless revealed through revealIdNumber. */
  idNumber: string | null;
  education: string | null;
  phone: string | null;
  occupation: string | null;
  workUnit: string | null;
  orgId: number;
  orgName: string;
  /** The village-level org (村/社区党组织) above the member's branch. */
  villageName: string | null;
  status: MembershipStatusCode;
  statusLabel: string;
  joinedOn: string | null;
  fullMemberSince: string | null;
  partyYears: number | null;
  awayKind: AwayKind | null;
  awayLabel: string | null;
  awaySince: string | null;
}

export interface RosterPage {
  items: RosterRow[];
  /** Matching rows, counted up to a bound (ADR 0015): exact unless totalIsLowerBound. */
  total: number;
  /** True when more than `total` rows may match (the count stopped at its bound). */
  totalIsLowerBound: boolean;
  page: number;
  pageSize: number;
}

const DEFAULT_STATUSES: MembershipStatusCode[] = ['probationary', 'full'];

/** Orgs in a subtree by id, and the village-level ancestor of each (depth 2 below a county). */
export async function orgIndex(
  db: Db,
  rootPath: string,
): Promise<Map<number, { org: OrgRow; village: OrgRow | null }>> {
  const orgs = await db
    .selectFrom('org')
    .selectAll()
    .where('path', 'like', `${rootPath}%`)
    .execute();
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const villageOf = async (org: OrgRow): Promise<OrgRow | null> => {
    if (org.kind === 'countyDepartment' || org.kind === 'townshipCommittee') {
      return null;
    }
    const ids = org.path
      .split('/')
      .filter((s) => s !== '')
      .map(Number);
    for (const id of ids) {
      let o = byId.get(id);
      if (o === undefined) {
        o = await db.selectFrom('org').selectAll().where('id', '=', id).executeTakeFirst();
        if (o !== undefined) {
          byId.set(id, o);
        }
      }
      if (o !== undefined && o.kind !== 'countyDepartment' && o.kind !== 'townshipCommittee') {
        return o;
      }
    }
    return null;
  };
  const out = new Map<number, { org: OrgRow; village: OrgRow | null }>();
  for (const org of orgs) {
    out.set(org.id, { org, village: await villageOf(org) });
  }
  return out;
}

/** The bounded count: at most this many matching rows are counted (ADR 0015). */
export const ROSTER_COUNT_LIMIT = 10_001;

type SearchArm = 'initials' | 'pinyin' | 'name';
type ListOrder =
  | 'personNameInitials'
  | 'personNamePinyin'
  | 'personName'
  | 'orgId'
  | 'personBirthDate'
  | 'joinedOn';

/** How a search text is matched: Chinese text by name prefix, letters by initials then pinyin. */
function searchArms(q: string): SearchArm[] {
  if (q === '') {
    return [];
  }
  return isPinyinQuery(q) ? ['initials', 'pinyin'] : ['name'];
}

const ARM_COLUMN = {
  initials: 'm.personNameInitials',
  pinyin: 'm.personNamePinyin',
  name: 'm.personName',
} as const;

/**
 * The memberships in a subtree matching the filters, on `party_membership` alone: the person
 * fields filtered on are its trigger-kept copies (migration 0008), so each list order has one
 * index holding every filter column. With a search, `arm` is the key matched; the pinyin arm
 * leaves out what the initials arm already found.
 */
function rosterBaseQuery(
  db: Db,
  path: string,
  query: RosterQuery,
  asOf: IsoDate,
  arm: SearchArm | null,
  byOrg: boolean,
) {
  // A subquery rather than a join: the org ids in scope are few, and the list index on
  // (org_id, id) then serves both the filter and the default order. In another order the org
  // id is written `+org_id`, which no index serves, so that SQLite, which has no statistics,
  // reads the index of that order instead of the org index and a sort of every row in scope.
  const orgId = byOrg ? sql<number>`${sql.ref('m.orgId')}` : sql<number>`+${sql.ref('m.orgId')}`;
  let qb = db
    .selectFrom('partyMembership as m')
    .where((eb) =>
      eb(orgId, 'in', eb.selectFrom('org as o').select('o.id').where('o.path', 'like', `${path}%`)),
    );
  const statuses =
    query.statuses !== undefined && query.statuses.length > 0 ? query.statuses : DEFAULT_STATUSES;
  qb = qb.where('m.status', 'in', statuses);
  const away = query.away ?? 'here';
  if (away === 'here') {
    qb = qb.where((eb) =>
      eb.or([eb('m.awayKind', 'is', null), eb('m.awayKind', '<>', 'transferredOut')]),
    );
  } else if (away === 'away') {
    qb = qb.where('m.awayKind', 'in', ['mobile', 'abroad', 'lostContact']);
  } else if (away !== 'all') {
    qb = qb.where('m.awayKind', '=', away);
  }
  if (query.gender !== undefined) {
    qb = qb.where('m.personGender', '=', query.gender);
  }
  if (query.education !== undefined && query.education.length > 0) {
    qb = qb.where('m.personEducation', 'in', query.education);
  }
  if (query.ageMin !== undefined) {
    qb = qb.where('m.personBirthDate', '<=', bornOnOrBefore(query.ageMin, asOf));
  }
  if (query.ageMax !== undefined) {
    // Younger than ageMax + 1: born after the day he would turn ageMax + 1.
    qb = qb.where('m.personBirthDate', '>', bornOnOrBefore(query.ageMax + 1, asOf));
  }
  if (query.partyYearsMin !== undefined) {
    qb = qb.where('m.fullMemberSince', '<=', bornOnOrBefore(query.partyYearsMin, asOf));
  }
  if (query.partyYearsMax !== undefined) {
    qb = qb.where('m.fullMemberSince', '>', bornOnOrBefore(query.partyYearsMax + 1, asOf));
  }
  if (arm !== null) {
    const q = query.q?.trim() ?? '';
    const key = arm === 'name' ? q : q.toLowerCase();
    // A prefix is also a range (byte order: SQLite's BINARY, PostgreSQL's C collation), which
    // the index on the key serves and which gives the order; the LIKE stays as the exact test.
    const escaped = key.replace(/[\\%_]/g, (c) => `\\${c}`);
    const prefix = (column: (typeof ARM_COLUMN)[SearchArm]) =>
      qb
        .where(column, '>=', key)
        .where(column, '<', prefixUpperBound(key))
        .where(sql<boolean>`${sql.ref(column)} like ${`${escaped}%`} escape '\\'`);
    qb = prefix(ARM_COLUMN[arm]);
    if (arm === 'pinyin') {
      // Found by the initials arm already.
      qb = qb.where((eb) =>
        eb.or([
          eb('m.personNameInitials', '<', key),
          eb('m.personNameInitials', '>=', prefixUpperBound(key)),
        ]),
      );
    }
  }
  return qb;
}

/** The first string after every string that starts with `prefix`: its last character + 1. */
function prefixUpperBound(prefix: string): string {
  const chars = Array.from(prefix);
  const last = chars.pop() ?? '';
  return chars.join('') + String.fromCodePoint((last.codePointAt(0) ?? 0) + 1);
}

const LIST_COLUMNS = [
  'm.id as membershipId',
  'm.personId',
  'm.orgId',
  'm.status',
  'm.joinedOn',
  'm.fullMemberSince',
  'm.awayKind',
  'm.awaySince',
] as const;

/** The person fields of a page's rows, read by id after the page is known. */
async function withPersons(
  db: Db,
  rows: {
    membershipId: number;
    personId: number;
    orgId: number;
    status: MembershipStatusCode;
    joinedOn: string | null;
    fullMemberSince: string | null;
    awayKind: AwayKind | null;
    awaySince: string | null;
  }[],
): Promise<RawRow[]> {
  if (rows.length === 0) {
    return [];
  }
  const persons = await db
    .selectFrom('person as p')
    .select([
      'p.id',
      'p.name',
      'p.gender',
      'p.ethnicity',
      'p.birthDate',
      'p.idNumber',
      'p.education',
      'p.phone',
      'p.occupation',
      'p.workUnit',
    ])
    .where(
      'p.id',
      'in',
      rows.map((r) => r.personId),
    )
    .execute();
  const byId = new Map(persons.map((p) => [p.id, p]));
  return rows.map((r) => {
    const p = byId.get(r.personId)!;
    return {
      ...r,
      name: p.name,
      gender: p.gender,
      ethnicity: p.ethnicity,
      birthDate: p.birthDate,
      idNumber: p.idNumber,
      education: p.education,
      phone: p.phone,
      occupation: p.occupation,
      workUnit: p.workUnit,
    };
  });
}

export async function listRoster(
  ctx: ServiceContext,
  actor: Actor,
  query: RosterQuery,
): Promise<RosterPage> {
  let path = actor.scopePath;
  if (query.orgId !== undefined) {
    path = (await getOrgInScope(ctx, actor, query.orgId)).path;
  }
  const asOf = chinaToday(ctx);
  const page = Math.max(1, query.page ?? 1);
  const pageSize = Math.min(200, Math.max(1, query.pageSize ?? 20));
  const offset = (page - 1) * pageSize;
  // Enough to tell that the page after this one exists, and never less than the usual bound.
  const countLimit = Math.max(ROSTER_COUNT_LIMIT, offset + pageSize + 1);
  const arms = searchArms(query.q?.trim() ?? '');
  const orderOf = (arm: SearchArm | null): ListOrder => {
    if (arm !== null) {
      return ARM_COLUMN[arm].slice(2) as ListOrder;
    }
    switch (query.sort ?? 'org') {
      case 'name':
        return 'personNamePinyin';
      case 'birthDate':
        return 'personBirthDate';
      case 'joinedOn':
        return 'joinedOn';
      case 'org':
        return 'orgId';
    }
  };
  // The page is the concatenation of the arms (one without a search): each arm is read in its
  // own index order, from where the page starts in it, until the page is full.
  const found: Awaited<ReturnType<typeof pageOfArm>> = [];
  let skip = offset;
  let total = 0;
  let totalIsLowerBound = false;
  for (const arm of arms.length === 0 ? [null] : arms) {
    const order = orderOf(arm);
    const base = rosterBaseQuery(ctx.db, path, query, asOf, arm, order === 'orgId');
    const need = pageSize - found.length;
    let armTotal: number | null = null;
    if (need > 0) {
      const rows = await pageOfArm(base, order, need, skip);
      found.push(...rows);
      if (rows.length < need && (rows.length > 0 || skip === 0)) {
        // A short page that is not past the end tells this arm's total.
        armTotal = skip + rows.length;
      }
    }
    if (armTotal === null) {
      const counted = await boundedCount(ctx.db, base, countLimit);
      armTotal = counted;
      if (counted >= countLimit) {
        totalIsLowerBound = true;
      }
    }
    skip = Math.max(0, skip - armTotal);
    total += armTotal;
  }
  const items = await withPersons(ctx.db, found);
  const orgs = await orgIndex(
    ctx.db,
    path.split('/').length > 3 ? parentPathOfVillage(path) : path,
  );
  return {
    items: items.map((r) => toRow(r, orgs, asOf)),
    total,
    totalIsLowerBound,
    page,
    pageSize,
  };
}

function pageOfArm(
  base: ReturnType<typeof rosterBaseQuery>,
  order: ListOrder,
  limit: number,
  offset: number,
) {
  return base
    .select([...LIST_COLUMNS])
    .orderBy(`m.${order}`)
    .orderBy('m.id')
    .limit(limit)
    .offset(offset)
    .execute();
}

/** count(*) of at most `limit` matching rows: the index is read no further than that. */
async function boundedCount(
  db: Db,
  base: ReturnType<typeof rosterBaseQuery>,
  limit: number,
): Promise<number> {
  const row = await db
    .selectFrom(base.select('m.id').limit(limit).as('t'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** For a path below the township, the township's path, so village names can be found. */
function parentPathOfVillage(path: string): string {
  const parts = path.split('/').filter((s) => s !== '');
  return `/${parts.slice(0, 2).join('/')}/`;
}

interface RawRow {
  membershipId: number;
  personId: number;
  orgId: number;
  status: MembershipStatusCode;
  joinedOn: string | null;
  fullMemberSince: string | null;
  awayKind: AwayKind | null;
  awaySince: string | null;
  name: string;
  gender: '男' | '女';
  ethnicity: string | null;
  birthDate: string | null;
  idNumber: string | null;
  education: string | null;
  phone: string | null;
  occupation: string | null;
  workUnit: string | null;
}

function toRow(
  r: RawRow,
  orgs: Map<number, { org: OrgRow; village: OrgRow | null }>,
  asOf: IsoDate,
): RosterRow {
  const o = orgs.get(r.orgId);
  return {
    ...r,
    idNumber: r.idNumber === null ? null : maskIdNumber(r.idNumber),
    age: r.birthDate === null ? null : ageOn(r.birthDate, asOf),
    orgName: o?.org.name ?? '',
    villageName: o?.village?.name ?? null,
    statusLabel: MEMBERSHIP_STATUS_LABELS[r.status],
    partyYears: partyYears(r.fullMemberSince, asOf),
    awayLabel: r.awayKind === null ? null : AWAY_KIND_LABELS[r.awayKind],
  };
}

/** Every row matching the query (no paging), for exports; in the order of the list. */
export async function listRosterAll(
  ctx: ServiceContext,
  actor: Actor,
  query: RosterQuery,
): Promise<RosterRow[]> {
  let path = actor.scopePath;
  if (query.orgId !== undefined) {
    path = (await getOrgInScope(ctx, actor, query.orgId)).path;
  }
  const asOf = chinaToday(ctx);
  const arms = searchArms(query.q?.trim() ?? '');
  const rows: RawRow[] = [];
  for (const arm of arms.length === 0 ? [null] : arms) {
    rows.push(
      ...(await rosterBaseQuery(ctx.db, path, query, asOf, arm, arm === null)
        .innerJoin('person as p', 'p.id', 'm.personId')
        .select([
          ...LIST_COLUMNS,
          'p.name',
          'p.gender',
          'p.ethnicity',
          'p.birthDate',
          'p.idNumber',
          'p.education',
          'p.phone',
          'p.occupation',
          'p.workUnit',
        ])
        .orderBy(arm === null ? 'm.orgId' : ARM_COLUMN[arm])
        .orderBy('m.id')
        .execute()),
    );
  }
  const orgs = await orgIndex(ctx.db, parentPathOfVillage(path));
  return rows.map((r) => toRow(r, orgs, asOf));
}

export interface MembershipEventView {
  id: number;
  kind: MembershipEventKind;
  kindLabel: string;
  occurredOn: string;
  statusBefore: string | null;
  statusAfter: string | null;
  letterNumber: string | null;
  place: string | null;
  validUntil: string | null;
  receivedOn: string | null;
  /** A transfer out whose 介绍信 is past its validity with no receipt. */
  isOverdue: boolean;
  contactName: string | null;
  contactPhone: string | null;
  note: string | null;
  recordedAt: string;
  recordedByName: string;
}

export interface MemberDetail extends RosterRow {
  events: MembershipEventView[];
  posts: {
    body: string;
    title: string;
    orgName: string;
    termStart: string;
    termEnd: string | null;
    endedOn: string | null;
  }[];
}

async function loadMembership(db: Db, membershipId: number) {
  const m = await db
    .selectFrom('partyMembership as m')
    .innerJoin('org as o', 'o.id', 'm.orgId')
    .selectAll('m')
    .select(['o.path as orgPath'])
    .where('m.id', '=', membershipId)
    .executeTakeFirst();
  if (m === undefined) {
    throw new AppError('ERR_NOT_FOUND', `党员记录不存在：编号 ${membershipId}`, 'id');
  }
  return m;
}

export async function getMember(
  ctx: ServiceContext,
  actor: Actor,
  membershipId: number,
): Promise<MemberDetail> {
  const m = await loadMembership(ctx.db, membershipId);
  requireInScope(actor, m.orgPath);
  const asOf = chinaToday(ctx);
  const person = await ctx.db
    .selectFrom('person')
    .selectAll()
    .where('id', '=', m.personId)
    .executeTakeFirstOrThrow();
  const orgs = await orgIndex(ctx.db, parentPathOfVillage(m.orgPath));
  const row = toRow(
    {
      membershipId: m.id,
      personId: m.personId,
      orgId: m.orgId,
      status: m.status,
      joinedOn: m.joinedOn,
      fullMemberSince: m.fullMemberSince,
      awayKind: m.awayKind,
      awaySince: m.awaySince,
      name: person.name,
      gender: person.gender,
      ethnicity: person.ethnicity,
      birthDate: person.birthDate,
      idNumber: person.idNumber,
      education: person.education,
      phone: person.phone,
      occupation: person.occupation,
      workUnit: person.workUnit,
    },
    orgs,
    asOf,
  );
  const events = await ctx.db
    .selectFrom('membershipEvent')
    .selectAll()
    .where('membershipId', '=', membershipId)
    .orderBy('occurredOn', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const posts = await ctx.db
    .selectFrom('cadrePost as c')
    .innerJoin('org as o', 'o.id', 'c.orgId')
    .select(['c.body', 'c.title', 'o.name as orgName', 'c.termStart', 'c.termEnd', 'c.endedOn'])
    .where('c.personId', '=', m.personId)
    .orderBy('c.termStart', 'desc')
    .execute();
  return {
    ...row,
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      kindLabel: MEMBERSHIP_EVENT_LABELS[e.kind],
      occurredOn: e.occurredOn,
      statusBefore: e.statusBefore === null ? null : MEMBERSHIP_STATUS_LABELS[e.statusBefore],
      statusAfter: e.statusAfter === null ? null : MEMBERSHIP_STATUS_LABELS[e.statusAfter],
      letterNumber: e.letterNumber,
      place: e.place,
      validUntil: e.validUntil,
      receivedOn: e.receivedOn,
      isOverdue:
        e.kind === 'transferOut' &&
        e.receivedOn === null &&
        e.validUntil !== null &&
        e.validUntil < asOf,
      contactName: e.contactName,
      contactPhone: e.contactPhone,
      note: e.note,
      recordedAt: e.recordedAt,
      recordedByName: e.recordedByName,
    })),
    posts,
  };
}

/** The full ID number of one person, for a role allowed to see it; writes an audit entry. */
export async function revealIdNumber(
  ctx: ServiceContext,
  actor: Actor,
  membershipId: number,
): Promise<string | null> {
  if (!canRevealIdNumber(actor)) {
    throw new AppError('ERR_FORBIDDEN_ROLE', '当前角色不能查看完整的公民身份号码');
  }
  const m = await loadMembership(ctx.db, membershipId);
  requireInScope(actor, m.orgPath);
  return ctx.db.transaction().execute(async (trx) => {
    const person = await trx
      .selectFrom('person')
      .select(['id', 'name', 'idNumber'])
      .where('id', '=', m.personId)
      .executeTakeFirstOrThrow();
    await appendAudit(trx, actor, isoNow(ctx), {
      action: 'roster.revealIdNumber',
      entityType: 'person',
      entityId: person.id,
      areaCode: m.areaCode,
      orgPath: m.orgPath,
      after: { name: person.name },
    });
    return person.idNumber;
  });
}

function stateOf(m: {
  status: MembershipStatusCode;
  joinedOn: string | null;
  fullMemberSince: string | null;
  awayKind: AwayKind | null;
  awaySince: string | null;
  statusSince: string | null;
}): MembershipState {
  return {
    status: m.status,
    joinedOn: m.joinedOn,
    fullMemberSince: m.fullMemberSince,
    awayKind: m.awayKind,
    awaySince: m.awaySince,
    statusSince: m.statusSince,
  };
}

export interface RecordEventInput extends MembershipEventInput {
  /** For `transferReceived`, `mobileContact`, …: the earlier event answered. */
  relatedEventId?: number | null;
}

/**
 * Applies one event to a membership: validates it against the current state, writes the
 * event, updates the membership's status, dates and whereabouts, and audits, in one transaction.
 */
export async function recordMembershipEvent(
  ctx: ServiceContext,
  actor: Actor,
  membershipId: number,
  input: RecordEventInput,
): Promise<MembershipEventView> {
  if (
    !canEditRoster(actor) &&
    !(actor.role === 'branchSecretary' && SECRETARY_EVENTS.includes(input.kind))
  ) {
    throw new AppError(
      'ERR_FORBIDDEN_ROLE',
      `当前角色不能登记“${MEMBERSHIP_EVENT_LABELS[input.kind]}”`,
    );
  }
  if (parseIsoDate(input.occurredOn) === null) {
    throw new AppError('ERR_ROSTER_EVENT_INVALID', `日期不正确：${input.occurredOn}`, 'occurredOn');
  }
  const asOf = chinaToday(ctx);
  const eventId = await ctx.db
    .transaction()
    .execute(async (trx) => recordMembershipEventIn(ctx, trx, actor, membershipId, input, asOf));
  const detail = await getMember(ctx, actor, membershipId);
  const view = detail.events.find((e) => e.id === eventId);
  if (view === undefined) {
    throw new Error(`event ${eventId} vanished`);
  }
  return view;
}

/**
 * recordMembershipEvent inside the caller's transaction (no role check): validates the event
 * against the membership's current state and writes it with writeMembershipEventIn.
 */
export async function recordMembershipEventIn(
  ctx: ServiceContext,
  trx: Transaction<Database>,
  actor: Actor,
  membershipId: number,
  input: RecordEventInput,
  asOf: IsoDate,
): Promise<number> {
  const m = await loadMembership(trx, membershipId);
  requireInScope(actor, m.orgPath);
  const before = stateOf(m);
  const outcome = applyMembershipEvent(before, input, asOf);
  if (!outcome.ok) {
    const code =
      outcome.problem.field === 'kind'
        ? 'ERR_ROSTER_EVENT_NOT_ALLOWED'
        : 'ERR_ROSTER_EVENT_INVALID';
    throw new AppError(code, outcome.problem.message, outcome.problem.field);
  }
  let relatedEventId = input.relatedEventId ?? null;
  if (input.kind === 'transferReceived') {
    const out = await trx
      .selectFrom('membershipEvent')
      .select(['id'])
      .where('membershipId', '=', membershipId)
      .where('kind', '=', 'transferOut')
      .where('receivedOn', 'is', null)
      .orderBy('id', 'desc')
      .executeTakeFirst();
    if (out === undefined) {
      throw new AppError('ERR_ROSTER_EVENT_NOT_ALLOWED', '没有待收回执的组织关系转出记录', 'kind');
    }
    relatedEventId = out.id;
    await trx
      .updateTable('membershipEvent')
      .set({ receivedOn: input.occurredOn })
      .where('id', '=', out.id)
      .execute();
  }
  return writeMembershipEventIn(trx, actor, isoNow(ctx), m, {
    input: { ...input, relatedEventId },
    before,
    after: outcome.state,
  });
}

/**
 * The one write of a membership event: inserts the event, sets the membership's status, dates
 * and whereabouts to `after`, and appends the audit entry, all in the caller's transaction. The
 * caller has validated the change (applyMembershipEvent, or its own module's rules).
 */
export async function writeMembershipEventIn(
  trx: Transaction<Database>,
  actor: Actor,
  at: string,
  m: { id: number; personId: number; orgId: number; areaCode: string; orgPath: string },
  change: { input: RecordEventInput; before: MembershipState | null; after: MembershipState },
): Promise<number> {
  const { input, before, after } = change;
  const event = await trx
    .insertInto('membershipEvent')
    .values({
      membershipId: m.id,
      personId: m.personId,
      orgId: m.orgId,
      areaCode: m.areaCode,
      kind: input.kind,
      occurredOn: input.occurredOn,
      statusBefore: before?.status ?? null,
      statusAfter: after.status,
      letterNumber: input.letterNumber?.trim() || null,
      place: input.place?.trim() || null,
      validUntil: input.validUntil ?? null,
      receivedOn: null,
      contactName: input.contactName?.trim() || null,
      contactPhone: input.contactPhone?.trim() || null,
      relatedEventId: input.relatedEventId ?? null,
      note: input.note?.trim() || null,
      detailJson: input.kind === 'corrected' ? JSON.stringify({ before, after }) : null,
      recordedAt: at,
      recordedById: actor.accountId,
      recordedByName: actor.name,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('partyMembership')
    .set({
      status: after.status,
      joinedOn: after.joinedOn,
      fullMemberSince: after.fullMemberSince,
      awayKind: after.awayKind,
      awaySince: after.awaySince,
      statusSince: after.statusSince,
      updatedAt: at,
    })
    .where('id', '=', m.id)
    .execute();
  await appendAudit(trx, actor, at, {
    action: `roster.event.${input.kind}`,
    entityType: 'partyMembership',
    entityId: m.id,
    areaCode: m.areaCode,
    orgPath: m.orgPath,
    ...(before === null ? {} : { before }),
    after: { ...after, eventId: event.id },
  });
  return event.id;
}

/**
 * The membership status of a person on a day, replayed from the events (for 发展党员: who was
 * a 正式党员 on the day of a 支部大会). null when the person had no membership then.
 */
export async function membershipStatusOn(
  db: Db,
  personId: number,
  on: IsoDate,
): Promise<MembershipStatusCode | null> {
  const m = await db
    .selectFrom('partyMembership')
    .select(['id', 'status', 'joinedOn', 'fullMemberSince'])
    .where('personId', '=', personId)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (m === undefined) {
    return null;
  }
  const last = await db
    .selectFrom('membershipEvent')
    .select(['statusAfter'])
    .where('membershipId', '=', m.id)
    .where('occurredOn', '<=', on)
    .where('statusAfter', 'is not', null)
    .where('kind', 'not in', ['recorded', 'corrected'])
    .orderBy('occurredOn', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  // Dates on the membership are authoritative for admission and 转正 (recorded or imported
  // members may have no dated events for them); later status events override them.
  let byDates: MembershipStatusCode | null = null;
  if (m.fullMemberSince !== null && m.fullMemberSince <= on) {
    byDates = 'full';
  } else if (m.joinedOn !== null && m.joinedOn <= on) {
    byDates = 'probationary';
  }
  if (last?.statusAfter === undefined || last.statusAfter === null) {
    return byDates ?? (['applicant', 'activist', 'candidate'].includes(m.status) ? m.status : null);
  }
  if ((last.statusAfter === 'full' || last.statusAfter === 'probationary') && byDates !== null) {
    return byDates;
  }
  return last.statusAfter;
}

/** True when the person was a 正式党员 on the day (status full, not suspended, not left). */
export async function isFullMemberOn(db: Db, personId: number, on: IsoDate): Promise<boolean> {
  return (await membershipStatusOn(db, personId, on)) === 'full';
}

/** Checks an ID number for a person record; throws with the field named. */
export function checkIdNumber(
  idNumber: string,
  birthDate: string | null,
  gender: '男' | '女' | null,
): string {
  const read = readIdNumber(idNumber);
  if (!read.ok) {
    const why = {
      format: '应为18位，最后一位可为X',
      birthDate: '出生日期部分不正确',
      checkDigit: '校验位不正确',
    }[read.problem];
    throw new AppError(
      'ERR_ROSTER_ID_NUMBER_INVALID',
      `公民身份号码 ${idNumber} ${why}`,
      'idNumber',
    );
  }
  if (birthDate !== null && birthDate !== read.info.birthDate) {
    throw new AppError(
      'ERR_ROSTER_ID_NUMBER_INVALID',
      `出生日期 ${birthDate} 与公民身份号码中的 ${read.info.birthDate} 不一致`,
      'birthDate',
    );
  }
  if (gender !== null && gender !== read.info.gender) {
    throw new AppError(
      'ERR_ROSTER_ID_NUMBER_INVALID',
      `性别“${gender}”与公民身份号码不一致`,
      'gender',
    );
  }
  return idNumber.trim().toUpperCase();
}

/** The person's own facts, as a new person record takes them. */
export interface NewPersonValues {
  name: string;
  gender: '男' | '女';
  ethnicity: string | null;
  birthDate: string | null;
  idNumber: string | null;
  education: string | null;
  phone: string | null;
  occupation: string | null;
  workUnit: string | null;
}

/** The membership a new person starts with. */
export interface NewMembershipValues {
  orgId: number;
  areaCode: string;
  status: MembershipStatusCode;
  joinedOn: string | null;
  fullMemberSince: string | null;
  statusSince: string | null;
}

/**
 * The one place that creates a person with his membership (pinyin keys included), inside the
 * caller's transaction. Columns added to `person` or `party_membership` are filled here. With
 * `recorded`, the membership's history starts with a 建档 event (audited); callers that start it
 * with another event (组织关系转入) leave it out.
 */
export async function insertPersonWithMembership(
  trx: Transaction<Database>,
  at: string,
  person: NewPersonValues,
  membership: NewMembershipValues,
  recorded?: { actor: Actor; orgPath: string; occurredOn: IsoDate; note: string },
): Promise<{ personId: number; membershipId: number }> {
  const { id: personId } = await trx
    .insertInto('person')
    .values({
      ...person,
      areaCode: membership.areaCode,
      createdAt: at,
      updatedAt: at,
      ...nameSearchKeys(person.name),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: membershipId } = await trx
    .insertInto('partyMembership')
    .values({
      personId,
      orgId: membership.orgId,
      status: membership.status,
      joinedOn: membership.joinedOn,
      fullMemberSince: membership.fullMemberSince,
      areaCode: membership.areaCode,
      awayKind: null,
      awaySince: null,
      statusSince: membership.statusSince,
      updatedAt: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (recorded !== undefined) {
    const state: MembershipState = {
      status: membership.status,
      joinedOn: membership.joinedOn,
      fullMemberSince: membership.fullMemberSince,
      awayKind: null,
      awaySince: null,
      statusSince: membership.statusSince,
    };
    await writeMembershipEventIn(
      trx,
      recorded.actor,
      at,
      {
        id: membershipId,
        personId,
        orgId: membership.orgId,
        areaCode: membership.areaCode,
        orgPath: recorded.orgPath,
      },
      {
        input: { kind: 'recorded', occurredOn: recorded.occurredOn, note: recorded.note },
        before: null,
        after: state,
      },
    );
  }
  return { personId, membershipId };
}

export interface TransferInInput {
  /** The 党支部 (or 党小组) receiving the member. */
  orgId: number;
  person: {
    name: string;
    gender: '男' | '女';
    idNumber: string;
    ethnicity?: string | null | undefined;
    birthDate?: string | null | undefined;
    education?: string | null | undefined;
    phone?: string | null | undefined;
    occupation?: string | null | undefined;
    workUnit?: string | null | undefined;
  };
  status: 'full' | 'probationary';
  joinedOn: string;
  fullMemberSince?: string | null | undefined;
  /** 转入日期: the day the 介绍信 was received. */
  occurredOn: string;
  letterNumber: string;
  /** 转自的党组织. */
  fromOrg: string;
  validUntil: string;
  note?: string | null | undefined;
}

const TRANSFER_IN_ORG_KINDS = ['branch', 'partyGroup'];

/**
 * 组织关系转入 of a person not yet in the roster: creates the person and the membership and
 * records the `transferIn` event, audited, in one transaction. A person whose ID number is
 * already on file is refused (a member transferred out comes back through his own record).
 */
export async function transferInNewMember(
  ctx: ServiceContext,
  actor: Actor,
  input: TransferInInput,
): Promise<{ membershipId: number; personId: number }> {
  if (!canEditRoster(actor)) {
    throw new AppError('ERR_FORBIDDEN_ROLE', '只有县级管理员和乡镇组织委员可以办理组织关系转入');
  }
  const org = await getOrgInScope(ctx, actor, input.orgId);
  if (!TRANSFER_IN_ORG_KINDS.includes(org.kind)) {
    throw new AppError(
      'ERR_ROSTER_EVENT_INVALID',
      `组织关系应转入党支部或党小组，“${org.name}”不是`,
      'orgId',
    );
  }
  const name = input.person.name.trim();
  if (name === '' || name.length > 20) {
    throw new AppError(
      'ERR_ROSTER_EVENT_INVALID',
      `姓名应为 1 至 20 个字：“${name}”`,
      'person.name',
    );
  }
  const idNumber = checkIdNumber(
    input.person.idNumber,
    input.person.birthDate ?? null,
    input.person.gender,
  );
  const read = readIdNumber(idNumber);
  const birthDate = read.ok ? read.info.birthDate : null;
  const asOf = chinaToday(ctx);
  const outcome = arriveByTransfer(
    {
      kind: 'transferIn',
      occurredOn: input.occurredOn,
      letterNumber: input.letterNumber,
      place: input.fromOrg,
      validUntil: input.validUntil,
      status: input.status,
      joinedOn: input.joinedOn,
      fullMemberSince: input.fullMemberSince ?? null,
    },
    asOf,
  );
  if (!outcome.ok) {
    throw new AppError('ERR_ROSTER_EVENT_INVALID', outcome.problem.message, outcome.problem.field);
  }
  const text = (v: string | null | undefined) => v?.trim() || null;
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('person as p')
      .leftJoin('partyMembership as m', 'm.personId', 'p.id')
      .leftJoin('org as o', 'o.id', 'm.orgId')
      .select(['p.name', 'o.name as orgName', 'o.path', 'm.awayKind'])
      .where('p.idNumber', '=', idNumber)
      .executeTakeFirst();
    if (existing !== undefined) {
      const where =
        existing.path !== null && existing.path.startsWith(actor.scopePath)
          ? `：${existing.name}（${existing.orgName ?? '无党组织'}${existing.awayKind === 'transferredOut' ? '，已转出，请在其记录上登记“组织关系转入”' : ''}）`
          : '，属于其他党组织';
      throw new AppError(
        'ERR_ROSTER_PERSON_EXISTS',
        `公民身份号码 ${maskIdNumber(idNumber)} 已在名册中${where}`,
        'person.idNumber',
      );
    }
    const at = isoNow(ctx);
    const ids = await insertPersonWithMembership(
      trx,
      at,
      {
        name,
        gender: input.person.gender,
        ethnicity: text(input.person.ethnicity),
        birthDate,
        idNumber,
        education: text(input.person.education),
        phone: text(input.person.phone),
        occupation: text(input.person.occupation),
        workUnit: text(input.person.workUnit),
      },
      {
        orgId: org.id,
        areaCode: org.areaCode,
        status: outcome.state.status,
        joinedOn: outcome.state.joinedOn,
        fullMemberSince: outcome.state.fullMemberSince,
        statusSince: outcome.state.statusSince,
      },
    );
    await writeMembershipEventIn(
      trx,
      actor,
      at,
      {
        id: ids.membershipId,
        personId: ids.personId,
        orgId: org.id,
        areaCode: org.areaCode,
        orgPath: org.path,
      },
      {
        input: {
          kind: 'transferIn',
          occurredOn: input.occurredOn,
          letterNumber: input.letterNumber,
          place: input.fromOrg,
          validUntil: input.validUntil,
          note: input.note ?? null,
        },
        before: null,
        after: outcome.state,
      },
    );
    return ids;
  });
}

/** The membership a 发展党员 dossier's stage calls for (see recruitment's syncMembership). */
export interface RecruitmentTarget {
  status: MembershipStatusCode;
  joinedOn: string | null;
  fullMemberSince: string | null;
  /** The day the stage began (e.g. 列为积极分子之日), for stages without a dated event. */
  since: string | null;
}

const ON_THE_WAY_STATUSES: readonly MembershipStatusCode[] = ['applicant', 'activist', 'candidate'];

/**
 * Brings a person's membership to the status a 发展党员 dossier reached, through membership events
 * in the caller's transaction: 接收为预备党员 (`admitted`, on the 入党日期) and 预备党员转正
 * (`confirmed`, on the 转正日期) when the roster's rules accept them; any other move (列为积极分子,
 * 发展对象, a step deleted, dates changed) as a `corrected` event naming the dossier. Each event is
 * audited. Memberships already 停止党籍, 出党 or 死亡 are left alone.
 */
export async function followRecruitmentIn(
  trx: Transaction<Database>,
  actor: Actor,
  at: string,
  asOf: IsoDate,
  personId: number,
  target: RecruitmentTarget,
  note: string,
): Promise<void> {
  const rows = await trx
    .selectFrom('partyMembership as m')
    .innerJoin('org as o', 'o.id', 'm.orgId')
    .selectAll('m')
    .select(['o.path as orgPath'])
    .where('m.personId', '=', personId)
    .where('m.status', 'in', [...ON_THE_WAY_STATUSES, 'probationary', 'full'])
    .execute();
  for (const m of rows) {
    let state = stateOf(m);
    const forward: MembershipEventInput[] = [];
    const toMember = target.status === 'probationary' || target.status === 'full';
    if (ON_THE_WAY_STATUSES.includes(state.status) && toMember && target.joinedOn !== null) {
      forward.push({ kind: 'admitted', occurredOn: target.joinedOn, note });
    }
    if (target.status === 'full' && state.status !== 'full' && target.fullMemberSince !== null) {
      forward.push({ kind: 'confirmed', occurredOn: target.fullMemberSince, note });
    }
    for (const input of forward) {
      const outcome = applyMembershipEvent(state, input, asOf);
      if (!outcome.ok) {
        break;
      }
      await writeMembershipEventIn(trx, actor, at, m, {
        input,
        before: state,
        after: outcome.state,
      });
      state = outcome.state;
    }
    if (
      state.status === target.status &&
      state.joinedOn === target.joinedOn &&
      state.fullMemberSince === target.fullMemberSince
    ) {
      continue;
    }
    const occurredOn =
      target.status !== state.status && target.since !== null && target.since <= asOf
        ? target.since
        : asOf;
    const after: MembershipState = {
      ...state,
      status: target.status,
      joinedOn: target.joinedOn,
      fullMemberSince: target.fullMemberSince,
      statusSince: target.status === state.status ? state.statusSince : occurredOn,
    };
    await writeMembershipEventIn(trx, actor, at, m, {
      input: { kind: 'corrected', occurredOn, note },
      before: state,
      after,
    });
  }
}

export { nameSearchKeys };
