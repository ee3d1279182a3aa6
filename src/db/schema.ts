/**
 * The `Database` interface Kysely types every query with. Column names are camelCase here and
 * snake_case in SQL (CamelCasePlugin). Dates are `YYYY-MM-DD` text, instants ISO-8601 UTC text,
 * booleans integers 0/1, so that SQLite and PostgreSQL store the same values.
 */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Role } from '../domain/access';
import type { OrgKind } from '../domain/org';
import type { RecruitmentTables } from './tables/recruitment';
import type { ElectionsTables } from './tables/elections';
import type { MeetingsTables } from './tables/meetings';
import type { MembershipRosterColumns, PersonRosterColumns, RosterTables } from './tables/roster';

export type { OrgKind, Role };

export type MembershipStatus =
  | 'applicant'
  | 'activist'
  | 'candidate'
  | 'probationary'
  | 'full'
  | 'suspended'
  | 'left'
  | 'deceased';

export interface OrgTable {
  id: Generated<number>;
  parentId: number | null;
  name: string;
  kind: OrgKind;
  /** 行政区划代码 of the county the org belongs to: the distribution column at scale. */
  areaCode: string;
  /** Materialized path of ids, `/1/5/12/`, for subtree queries by prefix. */
  path: string;
  depth: number;
  createdAt: string;
  updatedAt: string;
}

export interface AccountTable {
  id: Generated<number>;
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  scopeOrgId: number;
  areaCode: string;
  disabled: number;
  mustChangePassword: number;
  failedLogins: number;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface SessionTable {
  /** SHA-256 of the cookie token; the token itself is never stored. */
  tokenHash: string;
  accountId: number;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
}

export interface AuditEntryTable {
  seq: number;
  at: string;
  actorId: number | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  areaCode: string;
  /** Path of the org the entity belongs to, for scoped reading of the trail. */
  orgPath: string;
  beforeJson: string | null;
  afterJson: string | null;
  prevHash: string;
  hash: string;
}

/** One row: the head of the audit chain. Updating it serializes appends on both dialects. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface PersonTable extends PersonRosterColumns {
  id: Generated<number>;
  name: string;
  gender: '男' | '女';
  ethnicity: string | null;
  birthDate: string | null;
  idNumber: string | null;
  education: string | null;
  phone: string | null;
  occupation: string | null;
  areaCode: string;
  createdAt: string;
}

export interface PartyMembershipTable extends MembershipRosterColumns {
  id: Generated<number>;
  personId: number;
  orgId: number;
  status: MembershipStatus;
  /** 入党日期: the day the 支部大会 admitted the member. */
  joinedOn: string | null;
  /** 转正日期 (党龄起算日). */
  fullMemberSince: string | null;
  areaCode: string;
}

/** The foundation's tables. */
export interface FoundationTables {
  org: OrgTable;
  account: AccountTable;
  session: SessionTable;
  auditEntry: AuditEntryTable;
  auditHead: AuditHeadTable;
  person: PersonTable;
  partyMembership: PartyMembershipTable;
}

/**
 * Every table. Each module declares its tables in `tables/<module>.ts` and is listed here,
 * so modules do not edit one another's declarations.
 */
export interface Database
  extends FoundationTables, RosterTables, MeetingsTables, ElectionsTables, RecruitmentTables {}

export type OrgRow = Selectable<OrgTable>;
export type NewOrg = Insertable<OrgTable>;
export type OrgUpdate = Updateable<OrgTable>;
export type AccountRow = Selectable<AccountTable>;
export type AuditEntryRow = Selectable<AuditEntryTable>;
export type PersonRow = Selectable<PersonTable>;
export type PartyMembershipRow = Selectable<PartyMembershipTable>;
