/**
 * Types of one election round (选举计票交换格式, election-format.md) and of its tally.
 */
import type { IsoDate } from '../calendar/date';
import type { Severity } from '../rules/engine';

export const ELECTION_KINDS = ['党组织委员会', '党组织书记副书记', '村民委员会'] as const;
/** 党组织委员会 (委员), 党组织书记副书记 (by the committee's full meeting), 村民委员会. */
export type ElectionKind = (typeof ELECTION_KINDS)[number];

export const ROUND_KINDS = ['正式选举', '另行选举'] as const;
/** 正式选举, or 另行选举 for seats left empty by the first round. */
export type RoundKind = (typeof ROUND_KINDS)[number];

export interface CandidateVotes {
  name: string;
  /** 赞成票 (write-ins are candidates too). */
  votes: number;
}

/** One round as in election-format.md. */
export interface ElectionRound {
  id: string;
  kind: ElectionKind;
  date: IsoDate;
  /** 应选人数 */
  seats: number;
  /** 党组织: 应到会有选举权的党员人数; 村民委员会: 登记参加选举的村民人数. */
  expectedVoters: number;
  /** 党组织: 实到会有选举权的人数; 村民委员会: 参加投票的人数. */
  presentVoters: number;
  ballotsIssued: number;
  ballotsReturned: number;
  candidates: CandidateVotes[];
  round: RoundKind;
}

export interface ElectionFinding {
  rule: string;
  severity: Severity;
  message: string;
  citation: string;
  /** The numbers the check used. */
  facts: Record<string, unknown>;
}

/** What happened to one candidate in the round. */
export type CandidateOutcome = 'elected' | 'revote' | 'notElected' | 'void';

export interface CandidateResult {
  name: string;
  votes: number;
  outcome: CandidateOutcome;
}

/** The 当选 threshold used: votes must satisfy `votes × numerator > base × denominator` (or ≥). */
export interface ElectionThreshold {
  /** Chinese: what `base` counts, e.g. 应到会有选举权的人数. */
  basis: string;
  base: number;
  /** Smallest whole number of votes that is enough. */
  minVotes: number;
}

/** The tally of one round (election-format.md `tally` output plus detail for the UI). */
export interface TallyResult {
  id: string;
  /** false when the round is void (quorum, turnout, ballots): nobody is elected, vote again. */
  valid: boolean;
  /** In order of votes. */
  elected: string[];
  /** Tied across the last seat: vote again among them. */
  revote: string[];
  /** Seats to fill by the re-vote among `revote`. */
  revoteSeats: number;
  /** Seats still empty: 另行选举. */
  shortfall: number;
  findings: ElectionFinding[];
  threshold: ElectionThreshold | null;
  candidates: CandidateResult[];
}

/** Why a round cannot be tallied at all (nothing is recorded). */
export interface RoundInputError {
  code: 'ERR_ROUND_JSON' | 'ERR_ROUND_FIELD' | 'ERR_ROUND_VOTE';
  message: string;
}
