/**
 * 换届选举 tables: the term register (one row per term of a body), election plans with their
 * progress, and the rounds counted (kept, never overwritten). Members of a body are read from the
 * roster's `cadre_post`; there is no second post table.
 */
import type { Generated } from 'kysely';
import type { ElectionKind, RoundKind } from '../../domain/elections/types';
import type { BodyKind } from '../../domain/elections/term';

export interface ElectionTermTable {
  id: Generated<number>;
  /** The village-level Party org (村/社区党组织) the body belongs to. */
  orgId: number;
  areaCode: string;
  bodyKind: BodyKind;
  termStart: string;
  termEnd: string;
  /** 职数 */
  bodySize: number;
  /** The next election's date, planned or held; null when none is planned. */
  electionDate: string | null;
  /** 0/1: the election of `electionDate` was held (this term is then over). */
  held: number;
  /** 'delay' | 'advance' when the higher organization approved one. */
  approvalKind: 'delay' | 'advance' | null;
  approvalOn: string | null;
  approvalUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ElectionPlanTable {
  id: Generated<number>;
  orgId: number;
  areaCode: string;
  electionDate: string;
  /** Comma-separated BodyKind list: both for 同步换届. */
  bodyKinds: string;
  /** JSON object: step key → day done. */
  progressJson: string;
  createdAt: string;
  updatedAt: string;
}

export interface ElectionRoundTable {
  id: Generated<number>;
  orgId: number;
  areaCode: string;
  planId: number | null;
  /** The round's id in the exchange format, e.g. HK-2021-支委. */
  code: string;
  kind: ElectionKind;
  roundKind: RoundKind;
  date: string;
  seats: number;
  expectedVoters: number;
  presentVoters: number;
  ballotsIssued: number;
  ballotsReturned: number;
  /** JSON array of { name, votes }. */
  candidatesJson: string;
  /** JSON of the tally (TallyResult) when recorded. */
  resultJson: string;
  /** 0/1 the round is valid. */
  valid: number;
  recordedAt: string;
  recordedById: number | null;
  recordedByName: string;
}

export interface ElectionsTables {
  electionTerm: ElectionTermTable;
  electionPlan: ElectionPlanTable;
  electionRound: ElectionRoundTable;
}
