/**
 * 知根知底 tables: membership events, 村两委 posts, 后备干部. The foundation's `person` and
 * `party_membership` gain columns in migration 0002; schema.ts's PersonTable and
 * PartyMembershipTable extend the column interfaces below.
 */
import type { Generated } from 'kysely';
import type {
  AwayKind,
  CadreBody,
  CadreTitle,
  MembershipEventKind,
  ReserveReadiness,
} from '../../domain/roster/types';
import type { MembershipStatus } from '../schema';

/** One change to a membership. Never updated except `receivedOn` on a `transferOut` row. */
export interface MembershipEventTable {
  id: Generated<number>;
  membershipId: number;
  personId: number;
  /** The org the membership belonged to when the event happened. */
  orgId: number;
  areaCode: string;
  kind: MembershipEventKind;
  /** The day it happened (not the day it was typed in). */
  occurredOn: string;
  statusBefore: MembershipStatus | null;
  statusAfter: MembershipStatus | null;
  /** 介绍信编号 for transfers. */
  letterNumber: string | null;
  /** 转往/转自 党组织 name for transfers; 外出地点 or country for mobile/abroad. */
  place: string | null;
  /** 介绍信有效期至. */
  validUntil: string | null;
  /** Day the receipt (回执) came back, on a `transferOut`. */
  receivedOn: string | null;
  /** 联系人 and phone for mobile members. */
  contactName: string | null;
  contactPhone: string | null;
  /** The earlier event this one answers (a receipt, a return, a contact). */
  relatedEventId: number | null;
  /** Reason or remarks, e.g. 出党方式 (除名/开除/退党/自行脱党). */
  note: string | null;
  /** Other facts as JSON (before/after of a correction). */
  detailJson: string | null;
  recordedAt: string;
  recordedById: number | null;
  recordedByName: string;
}

/** One person's 村两委 (or 监委会) post with its term. `endedOn` null = still in post. */
export interface CadrePostTable {
  id: Generated<number>;
  personId: number;
  /** The village-level Party org (村/社区党组织) the post belongs to. */
  orgId: number;
  areaCode: string;
  body: CadreBody;
  title: CadreTitle;
  termStart: string;
  /** 本届任期届满 (planned end). */
  termEnd: string | null;
  /** Day the person actually left the post. */
  endedOn: string | null;
  endReason: string | null;
  createdAt: string;
  updatedAt: string;
}

/** 后备干部 of a village, with readiness notes. `removedOn` null = still on the list. */
export interface ReserveCadreTable {
  id: Generated<number>;
  personId: number;
  orgId: number;
  areaCode: string;
  readiness: ReserveReadiness;
  /** The post he is prepared for, e.g. 村党组织书记. */
  targetPost: string | null;
  notes: string | null;
  addedOn: string;
  removedOn: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Columns migration 0002 adds to the foundation's `person`. */
export interface PersonRosterColumns {
  /** Full pinyin without tones or spaces, lower case: 张三 → zhangsan ('' until filled). */
  namePinyin: Generated<string>;
  /** Pinyin initials, lower case: 张三 → zs ('' until filled). */
  nameInitials: Generated<string>;
  /** 工作单位及职务. */
  workUnit: string | null;
  updatedAt: string | null;
}

/** Columns migration 0002 adds to the foundation's `party_membership`. */
export interface MembershipRosterColumns {
  /** 流动/出国（境）/失联, or null when the member is here. */
  awayKind: AwayKind | null;
  awaySince: string | null;
  /** The day the current status began. */
  statusSince: string | null;
  updatedAt: string | null;
  /**
   * Copies of the person's name, pinyin, initials, gender, birth date and education (migration
   * 0008, ADR 0015), kept by database triggers: the roster list filters, searches and orders on
   * them with one index. Never written by the application.
   */
  personName: Generated<string | null>;
  personNamePinyin: Generated<string | null>;
  personNameInitials: Generated<string | null>;
  personGender: Generated<'男' | '女' | null>;
  personBirthDate: Generated<string | null>;
  personEducation: Generated<string | null>;
}

export interface RosterTables {
  membershipEvent: MembershipEventTable;
  cadrePost: CadrePostTable;
  reserveCadre: ReserveCadreTable;
}
