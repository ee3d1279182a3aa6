/** Every election rule (换届选举) for the rule index and the parity test. */
import type { Citation } from '../rules/citation';
import type { Severity } from '../rules/engine';
import { ELECTION_TALLY_RULES } from './tally';
import { ELC_01 } from './term';

export interface ElectionRuleInfo {
  id: string;
  levels: readonly Severity[];
  title: string;
  explanation: string;
  citations: readonly Citation[];
}

export const ELECTION_RULES: readonly ElectionRuleInfo[] = [ELC_01, ...ELECTION_TALLY_RULES].map(
  (r) => ({
    id: r.id,
    levels: r.levels,
    title: r.title,
    explanation: r.explanation,
    citations: r.citations,
  }),
);
