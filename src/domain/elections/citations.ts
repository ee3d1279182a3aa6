/**
 * Citations of the election rules (换届选举). Article numbers of the 2020 条例 for 差额, quorum,
 * ballots, threshold and shortfall were not seen in a public source (reference.md §4: 🟡/❌), so
 * those citations carry no article and say 条号待核实.
 */
import { formatCitation, type Citation } from '../rules/citation';

/** 《中国共产党基层组织选举工作条例》(2020-07-13 发布施行). */
export const ELECTION_REGULATION_2020 = {
  instrument: '中国共产党基层组织选举工作条例',
  version: '2020',
  effectiveFrom: '2020-07-13',
  effectiveTo: null,
} as const;

/** 《中国共产党基层组织选举工作暂行条例》(1990-06-27), replaced on 2020-07-13. */
export const ELECTION_REGULATION_1990 = {
  instrument: '中国共产党基层组织选举工作暂行条例',
  version: '1990',
  effectiveFrom: '1990-06-27',
  effectiveTo: '2020-07-12',
} as const;

/** 《中华人民共和国村民委员会组织法》(2010 修订, 2018-12-29 修正): full text read (reference.md §8, V1). */
export const VILLAGE_COMMITTEE_LAW = {
  instrument: '中华人民共和国村民委员会组织法',
  version: '2018修正',
  effectiveFrom: '2010-10-28',
  effectiveTo: null,
} as const;

export function regulation2020(status: Citation['status'], article?: number): Citation {
  return article === undefined
    ? { ...ELECTION_REGULATION_2020, status }
    : { ...ELECTION_REGULATION_2020, article, status };
}

export function regulation1990(status: Citation['status']): Citation {
  return { ...ELECTION_REGULATION_1990, status };
}

export function villageLaw(article: number): Citation {
  return { ...VILLAGE_COMMITTEE_LAW, article, status: 'verified' };
}

/**
 * Like `formatCitation`, but a citation whose content is confirmed and whose article number is
 * unknown reads 《…》（条号待核实） rather than 未核实.
 * @example formatElectionCitation(regulation2020('articleUnverified')) // '《中国共产党基层组织选举工作条例》（条号待核实）'
 */
export function formatElectionCitation(c: Citation): string {
  if (c.article === undefined && c.status === 'articleUnverified') {
    return `《${c.instrument}》（条号待核实）`;
  }
  return formatCitation(c);
}

/** The citation of `list` in force on `date` (the last one whose range holds it), else the first. */
export function citationOn(list: readonly Citation[], date: string): Citation {
  let found = list[0] as Citation;
  for (const c of list) {
    if (c.effectiveFrom <= date && (c.effectiveTo === null || date <= c.effectiveTo)) {
      found = c;
    }
  }
  return found;
}
