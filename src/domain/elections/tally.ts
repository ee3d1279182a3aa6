/**
 * The tally engine (计票): judges one round by the rules in force on its date and says who is
 * elected, who must vote again and how many seats go to 另行选举. Pure, integer arithmetic only.
 * Rules are data (`ELECTION_TALLY_RULES`) with dated, structured citations; each check reports
 * through the context, which picks the citation in force on the round's date.
 */
import type { Citation } from '../rules/citation';
import type { Severity } from '../rules/engine';
import {
  citationOn,
  formatElectionCitation,
  regulation1990,
  regulation2020,
  villageLaw,
} from './citations';
import type {
  CandidateResult,
  ElectionFinding,
  ElectionKind,
  ElectionRound,
  ElectionThreshold,
  TallyResult,
} from './types';

/** The 2020 条例 counts 赞成票 against 应到会; before this day practice counted 实到会 (reference.md §0.5). */
export const REGULATION_2020_FROM = '2020-07-13';

export const PARTY_KINDS: readonly ElectionKind[] = ['党组织委员会', '党组织书记副书记'];

/** What a tally rule sees. */
export interface TallyContext {
  readonly round: ElectionRound;
  /** False once a rule declared the round void. */
  readonly valid: boolean;
  /** Declares the round void: nobody is elected. */
  voidRound(): void;
  report(severity: Severity, message: string, facts: Record<string, unknown>): void;
}

/** One tally rule as data. */
export interface TallyRule {
  id: string;
  /** Severities it can give, strongest first. */
  levels: readonly Severity[];
  title: string;
  explanation: string;
  /** Dated versions; the one in force on the round's date is cited. */
  citations: readonly [Citation, ...Citation[]];
  appliesTo: readonly ElectionKind[];
  /** Rules that can void the round run in phase 1, outcome rules in phase 2. */
  phase: 1 | 2;
  check(ctx: TallyContext): void;
}

/** Smallest whole `v` with `2v > base`. */
export function moreThanHalf(base: number): number {
  return Math.floor(base / 2) + 1;
}

/** Smallest whole `v` with `3v ≥ base`. */
export function atLeastThird(base: number): number {
  return Math.floor((base + 2) / 3);
}

/** Threshold in force for the round; null for a 村民委员会 另行选举 (most votes, ⅓ floor separately). */
export function thresholdFor(round: ElectionRound): ElectionThreshold {
  if (round.kind === '村民委员会') {
    if (round.round === '另行选举') {
      return {
        basis: '已投选票总数的三分之一（不少于）',
        base: round.ballotsReturned,
        minVotes: atLeastThird(round.ballotsReturned),
      };
    }
    return {
      basis: '参加投票的村民（收回选票）过半数',
      base: round.ballotsReturned,
      minVotes: moreThanHalf(round.ballotsReturned),
    };
  }
  if (round.date >= REGULATION_2020_FROM) {
    return {
      basis: '超过应到会有选举权人数的半数',
      base: round.expectedVoters,
      minVotes: moreThanHalf(round.expectedVoters),
    };
  }
  return {
    basis: '超过实到会有选举权人数的半数（1990年暂行条例实践口径）',
    base: round.presentVoters,
    minVotes: moreThanHalf(round.presentVoters),
  };
}

interface Ranking {
  elected: CandidateResult[];
  revote: CandidateResult[];
  revoteSeats: number;
  shortfall: number;
  belowThreshold: CandidateResult[];
}

/** Highest votes first; equal votes keep input order. */
function ranked(round: ElectionRound): CandidateResult[] {
  return round.candidates
    .map((c, i) => ({ c, i }))
    .sort((a, b) => b.c.votes - a.c.votes || a.i - b.i)
    .map(({ c }) => ({ name: c.name, votes: c.votes, outcome: 'notElected' as const }));
}

/** ELC-07/08/09 (and VC-06 for villages): who is elected, tied, or missing. */
export function rank(round: ElectionRound): Ranking {
  const threshold = thresholdFor(round);
  const all = ranked(round);
  const qualified = all.filter((c) => c.votes >= threshold.minVotes);
  const belowThreshold = all.filter((c) => c.votes < threshold.minVotes);
  const seats = round.seats;
  if (qualified.length <= seats) {
    return {
      elected: qualified,
      revote: [],
      revoteSeats: 0,
      shortfall: seats - qualified.length,
      belowThreshold,
    };
  }
  const cutoff = (qualified[seats - 1] as CandidateResult).votes;
  const next = (qualified[seats] as CandidateResult).votes;
  if (next < cutoff) {
    return {
      elected: qualified.slice(0, seats),
      revote: [],
      revoteSeats: 0,
      shortfall: 0,
      belowThreshold: [...qualified.slice(seats), ...belowThreshold],
    };
  }
  const elected = qualified.filter((c) => c.votes > cutoff);
  const revote = qualified.filter((c) => c.votes === cutoff);
  return {
    elected,
    revote,
    revoteSeats: seats - elected.length,
    shortfall: 0,
    belowThreshold: [...qualified.filter((c) => c.votes < cutoff), ...belowThreshold],
  };
}

const ARTICLE_UNKNOWN_2020 = regulation2020('articleUnverified');
const PRACTICE_1990 = regulation1990('unverified');
const ALL_KINDS: readonly ElectionKind[] = ['党组织委员会', '党组织书记副书记', '村民委员会'];

function names(list: readonly CandidateResult[]): string {
  return list.map((c) => `${c.name}（${c.votes}票）`).join('、');
}

export const ELECTION_TALLY_RULES: readonly TallyRule[] = [
  {
    id: 'ELC-05',
    levels: ['error'],
    title: '选举大会到会人数须超过应到会人数的五分之四',
    explanation:
      '进行选举时，有选举权的到会人数超过应到会人数的五分之四，会议有效；达不到的，这次会议不能进行选举。以整数比较：5×实到 > 4×应到。',
    citations: [regulation1990('articleUnverified'), ARTICLE_UNKNOWN_2020],
    appliesTo: PARTY_KINDS,
    phase: 1,
    check(ctx) {
      const { expectedVoters: e, presentVoters: p } = ctx.round;
      if (5 * p <= 4 * e) {
        ctx.voidRound();
        ctx.report(
          'error',
          `应到会有选举权 ${e} 人，实到 ${p} 人，未超过五分之四（至少需 ${Math.floor((4 * e) / 5) + 1} 人），会议不能进行选举，本轮无效。`,
          { expectedVoters: e, presentVoters: p, needed: Math.floor((4 * e) / 5) + 1 },
        );
      }
    },
  },
  {
    id: 'ELC-06',
    levels: ['error'],
    title: '收回选票不得多于发出选票',
    explanation:
      '选举收回的选票等于或少于投票人数（发出选票数）的，选举有效；多于的，选举无效，应重新选举。每张选票所选人数多于应选人数的为废票。',
    citations: [regulation1990('articleUnverified'), regulation2020('articleUnverified')],
    appliesTo: PARTY_KINDS,
    phase: 1,
    check(ctx) {
      const { ballotsIssued: i, ballotsReturned: r } = ctx.round;
      if (r > i) {
        ctx.voidRound();
        ctx.report(
          'error',
          `发出选票 ${i} 张，收回 ${r} 张，收回多于发出，本次选举无效，应重新投票。`,
          {
            ballotsIssued: i,
            ballotsReturned: r,
          },
        );
      }
    },
  },
  {
    id: 'ELC-04',
    levels: ['error'],
    title: '委员候选人差额不少于应选人数的20%',
    explanation:
      '党组织委员会委员实行差额选举，候选人多于应选人数的差额不少于应选人数的20%（应选3人至少4名候选人，5人至少6名，7人至少9名）；书记、副书记可以等额选举。另行选举的候选人规则未核实，本系统只对正式选举检查。',
    citations: [regulation2020('articleUnverified')],
    appliesTo: ['党组织委员会'],
    phase: 1,
    check(ctx) {
      const { seats, candidates, round } = ctx.round;
      if (round !== '正式选举') {
        return;
      }
      const margin = Math.floor((seats + 4) / 5);
      if (candidates.length - seats < margin) {
        ctx.report(
          'error',
          `应选 ${seats} 人，候选人 ${candidates.length} 名，差额 ${candidates.length - seats} 名，少于应选人数的20%（至少 ${margin} 名，即至少 ${seats + margin} 名候选人）。`,
          { seats, candidates: candidates.length, neededCandidates: seats + margin },
        );
      }
    },
  },
  {
    id: 'VC-06',
    levels: ['error', 'warning', 'info'],
    title: '村民委员会选举：过半数投票有效、过半数当选、另行选举不少于三分之一',
    explanation:
      '登记参加选举的村民过半数投票，选举有效；候选人名额应当多于应选名额；候选人获得参加投票的村民过半数的选票始得当选。不足应选名额的，不足名额另行选举，另行选举以得票多的当选，但得票数不得少于已投选票总数的三分之一。票数相等的再次投票（各省选举办法通行做法）。',
    citations: [villageLaw(15)],
    appliesTo: ['村民委员会'],
    phase: 1,
    check(ctx) {
      const { expectedVoters: e, ballotsReturned: r, seats, candidates, round } = ctx.round;
      if (2 * r <= e) {
        ctx.voidRound();
        ctx.report(
          'error',
          `登记选民 ${e} 人，投票 ${r} 人（收回选票），未过半数（至少需 ${moreThanHalf(e)} 人），选举无效。`,
          { expectedVoters: e, ballotsReturned: r, needed: moreThanHalf(e) },
        );
      }
      if (round === '正式选举' && candidates.length <= seats) {
        ctx.report(
          'error',
          `应选 ${seats} 名，候选人 ${candidates.length} 名：候选人名额应当多于应选名额。`,
          { seats, candidates: candidates.length },
        );
      }
    },
  },
  {
    id: 'ELC-07',
    levels: ['info'],
    title: '赞成票超过应到会有选举权人数的半数始得当选',
    explanation:
      '2020年7月13日起，被选举人获得的赞成票超过应到会有选举权人数的半数，始得当选；此前按1990年暂行条例的实践，以实到会有选举权人数计算。以整数比较：2×赞成票 > 基数。',
    citations: [PRACTICE_1990, ARTICLE_UNKNOWN_2020],
    appliesTo: PARTY_KINDS,
    phase: 2,
    check(ctx) {
      const t = thresholdFor(ctx.round);
      const below = rank(ctx.round).belowThreshold.filter((c) => c.votes < t.minVotes);
      if (below.length > 0) {
        ctx.report(
          'info',
          `当选须${t.basis}（${t.base} 人，至少 ${t.minVotes} 票）；${names(below)}未达到，不能当选。`,
          { base: t.base, minVotes: t.minVotes, below: below.map((c) => c.name) },
        );
      }
    },
  },
  {
    id: 'ELC-08',
    levels: ['warning'],
    title: '得票相等无法确定当选人时，就票数相等者再次投票',
    explanation:
      '获得赞成票超过半数的被选举人多于应选名额时，按得票多少取足；因票数相等不能确定当选人时，对票数相等的被选举人再次投票，得票多的当选。',
    citations: [regulation1990('articleUnverified'), ARTICLE_UNKNOWN_2020],
    appliesTo: ALL_KINDS,
    phase: 2,
    check(ctx) {
      const r = rank(ctx.round);
      if (r.revote.length > 0) {
        ctx.report(
          'warning',
          `${names(r.revote)}票数相等，跨越最后 ${r.revoteSeats} 个名额，应就这 ${r.revote.length} 人再次投票，得票多的当选。`,
          { revote: r.revote.map((c) => c.name), seats: r.revoteSeats },
        );
      }
    },
  },
  {
    id: 'ELC-09',
    levels: ['warning', 'error'],
    title: '当选人少于应选名额时，不足名额另行选举',
    explanation:
      '获得赞成票超过半数的被选举人少于应选名额时，不足的名额另行选举；如接近应选名额，经半数以上选举人同意，也可以减少名额，不再选举。村民委员会另行选举中得票最多者少于已投选票总数三分之一的，不能当选。',
    citations: [regulation1990('articleUnverified'), ARTICLE_UNKNOWN_2020, villageLaw(15)],
    appliesTo: ALL_KINDS,
    phase: 2,
    check(ctx) {
      const r = rank(ctx.round);
      if (r.shortfall === 0) {
        return;
      }
      const village = ctx.round.kind === '村民委员会';
      if (village && ctx.round.round === '另行选举') {
        const t = thresholdFor(ctx.round);
        const top = r.belowThreshold[0];
        ctx.report(
          'error',
          `另行选举仍差 ${r.shortfall} 个名额：${top === undefined ? '无人' : `得票最多的${top.name}仅 ${top.votes} 票`}，少于已投选票 ${t.base} 张的三分之一（至少 ${t.minVotes} 票），不能当选。`,
          { shortfall: r.shortfall, base: t.base, minVotes: t.minVotes },
        );
        return;
      }
      ctx.report(
        'warning',
        `应选 ${ctx.round.seats} 名，当选 ${r.elected.length} 名，不足 ${r.shortfall} 名，应另行选举${village ? '' : '（或在接近应选名额时经半数以上选举人同意减少名额）'}。`,
        { seats: ctx.round.seats, elected: r.elected.length, shortfall: r.shortfall },
      );
    },
  },
];

/** Formatted citation of `rule` for a round of `kind` on `date`. */
export function tallyCitation(rule: TallyRule, kind: ElectionKind, date: string): string {
  if (rule.id === 'ELC-09' && kind === '村民委员会') {
    return formatElectionCitation(villageLaw(15));
  }
  const party = rule.citations.filter((c) => c.instrument !== '中华人民共和国村民委员会组织法');
  const list = kind === '村民委员会' || party.length === 0 ? rule.citations : party;
  return formatElectionCitation(citationOn(list, date));
}

function villageCitation(rule: TallyRule, kind: ElectionKind): boolean {
  return kind === '村民委员会' && rule.id === 'ELC-08';
}

/** Tallies one round (already read by `readRound`). */
export function tally(round: ElectionRound): TallyResult {
  const findings: ElectionFinding[] = [];
  let valid = true;
  let current: TallyRule | null = null;
  const ctx: TallyContext = {
    round,
    get valid() {
      return valid;
    },
    voidRound() {
      valid = false;
    },
    report(severity, message, facts) {
      if (current === null) {
        return;
      }
      findings.push({
        rule: current.id,
        severity,
        message,
        citation: villageCitation(current, round.kind)
          ? `${formatElectionCitation(villageLaw(15))}；各省村民委员会选举办法`
          : tallyCitation(current, round.kind, round.date),
        facts,
      });
    },
  };
  for (const phase of [1, 2] as const) {
    if (phase === 2 && !valid) {
      break;
    }
    for (const rule of ELECTION_TALLY_RULES) {
      if (rule.phase === phase && rule.appliesTo.includes(round.kind)) {
        current = rule;
        rule.check(ctx);
      }
    }
  }
  current = null;
  if (!valid) {
    return {
      id: round.id,
      valid: false,
      elected: [],
      revote: [],
      revoteSeats: 0,
      shortfall: 0,
      findings,
      threshold: null,
      candidates: ranked(round).map((c) => ({ ...c, outcome: 'void' })),
    };
  }
  const r = rank(round);
  const outcome = new Map<string, CandidateResult['outcome']>();
  r.elected.forEach((c) => outcome.set(c.name, 'elected'));
  r.revote.forEach((c) => outcome.set(c.name, 'revote'));
  return {
    id: round.id,
    valid: true,
    elected: r.elected.map((c) => c.name),
    revote: r.revote.map((c) => c.name),
    revoteSeats: r.revoteSeats,
    shortfall: r.shortfall,
    findings,
    threshold: thresholdFor(round),
    candidates: ranked(round).map((c) => ({ ...c, outcome: outcome.get(c.name) ?? 'notElected' })),
  };
}

/** The part of a tally in the exchange format (election-format.md `tally --json`). */
export function tallyOutput(result: TallyResult): {
  id: string;
  valid: boolean;
  elected: string[];
  revote: string[];
  shortfall: number;
  findings: { rule: string; severity: Severity; message: string; citation: string }[];
} {
  return {
    id: result.id,
    valid: result.valid,
    elected: result.elected,
    revote: result.revote,
    shortfall: result.shortfall,
    findings: result.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      citation: f.citation,
    })),
  };
}
