/**
 * 换届选举 tables: the term register (one row per term of a body), election plans with their
 * progress, and the rounds counted (kept, never overwritten). Members of a body are read from the
 * roster's `cadre_post`; there is no second post table.
 */
import type { Generated } from 'kysely';
import type { NegativeListScope } from '../../domain/elections/candidates';
import type { RoundPost } from '../../domain/elections/posts';
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
  /** The post the round elects (书记, 主任 …); null = the kind's default. */
  post: RoundPost | null;
  /** JSON object candidate name → post, for a round electing several posts at once. */
  candidatePostsJson: string | null;
}

/** One item of a county's 负面清单 (settings). */
export interface ElectionNegativeItemTable {
  id: Generated<number>;
  areaCode: string;
  /** Stable key: the default items keep their code key, added items get `c<id>`. */
  key: string;
  label: string;
  source: string;
  /** 0/1 the source was checked against the document. */
  verified: number;
  appliesTo: NegativeListScope;
  /** 0/1; a disabled item is no longer offered nor checked. */
  active: number;
  sortOrder: number;
  /** 0/1 a stored candidate check used this item: it can be disabled but not deleted. */
  used: number;
  createdAt: string;
  updatedAt: string;
}

/** A stored 资格联审 result with a snapshot of the 负面清单 it was checked against. */
export interface ElectionCandidateCheckTable {
  id: Generated<number>;
  orgId: number;
  areaCode: string;
  bodyKind: BodyKind;
  date: string;
  seats: number;
  /** JSON array of { personId, name, residence, negativeHits, forSecretary, eligible, findings }. */
  candidatesJson: string;
  /** JSON array of the slate findings. */
  slateJson: string;
  /** JSON array of the NegativeListItem values in force for the body when checked. */
  negativeListJson: string;
  recordedAt: string;
  recordedById: number | null;
  recordedByName: string;
}

export interface ElectionsTables {
  electionTerm: ElectionTermTable;
  electionPlan: ElectionPlanTable;
  electionRound: ElectionRoundTable;
  electionNegativeItem: ElectionNegativeItemTable;
  electionCandidateCheck: ElectionCandidateCheckTable;
}
