/**
 * The term register (任期台账): when a body's term ends, how soon, and ELC-01 (按期换届; a delay or
 * an advance needs the approval of the higher Party organization and is generally not over one
 * year). Pure: `asOf` is passed in.
 */
import { addDays, addMonths, diffDays, type IsoDate } from '../calendar/date';
import type { Citation } from '../rules/citation';
import type { Severity } from '../rules/engine';
import { formatElectionCitation, regulation2020, villageLaw } from './citations';
import type { ElectionFinding } from './types';

/** The bodies whose terms are registered. */
export const BODY_KINDS = ['党组织委员会', '村民委员会'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

/** An approval by the higher Party organization (or township) to hold the election late or early. */
export interface TermApproval {
  kind: 'delay' | 'advance';
  /** Day the approval was given. */
  approvedOn: IsoDate;
  /** The election date approved (a delay's latest day, an advance's day). */
  until: IsoDate;
}

export interface TermFacts {
  bodyKind: BodyKind;
  termStart: IsoDate;
  termEnd: IsoDate;
  /** Date of the next election: held (`held`) or planned; null when none is planned. */
  electionDate: IsoDate | null;
  held: boolean;
  approval: TermApproval | null;
}

/** Where a term stands on a day. */
export type TermStatus = 'renewed' | 'expired' | 'due6' | 'due12' | 'current';

export interface TermEvaluation {
  status: TermStatus;
  /** Days from `asOf` to the term's end (negative once expired). */
  daysLeft: number;
  findings: ElectionFinding[];
}

/** Local setting: an election this many days before the term ends still counts as 按期 (no approval needed). */
export const ON_TIME_WINDOW_DAYS = 90;

/** 村 and 社区 Party organizations and 村民委员会 serve 5 years (reference.md ELC-11, RUR-02, VC-02). */
export function defaultTermEnd(termStart: IsoDate, years = 5): IsoDate {
  return addMonths(termStart, years * 12);
}

export interface TermRule {
  id: string;
  levels: readonly Severity[];
  title: string;
  explanation: string;
  citations: readonly [Citation, ...Citation[]];
}

export const ELC_01: TermRule = {
  id: 'ELC-01',
  levels: ['error', 'warning'],
  title: '任期届满按期换届；延期或提前须经批准且一般不超过1年',
  explanation:
    '党的基层委员会任期届满应当按期进行换届选举；需要延期或提前的，应报上级党组织批准，延长或提前的期限一般不超过1年。届满前90天内仍未安排选举的给出提醒（90天为本系统的提醒口径）。村民委员会每届任期5年，届满应当及时换届。',
  citations: [regulation2020('verified', 3), villageLaw(11)],
};

/** Status and ELC-01 findings of one term on `asOf`. */
export function evaluateTerm(term: TermFacts, asOf: IsoDate): TermEvaluation {
  const findings: ElectionFinding[] = [];
  const citation = formatElectionCitation(
    term.bodyKind === '村民委员会' ? (ELC_01.citations[1] as Citation) : ELC_01.citations[0],
  );
  const report = (severity: Severity, message: string, facts: Record<string, unknown>): void => {
    findings.push({ rule: ELC_01.id, severity, message, citation, facts });
  };
  const end = term.termEnd;
  const latestDelay = addMonths(end, 12);
  const earliestAdvance = addMonths(end, -12);
  const delay = term.approval?.kind === 'delay' ? term.approval : null;
  const advance = term.approval?.kind === 'advance' ? term.approval : null;
  if (delay !== null && delay.until > latestDelay) {
    report('error', `批准延期至 ${delay.until}，超过届满日 ${end} 后1年（最迟 ${latestDelay}）。`, {
      termEnd: end,
      until: delay.until,
      latest: latestDelay,
    });
  }
  const d = term.electionDate;
  if (d !== null && term.held) {
    if (d > end && delay === null) {
      report('error', `任期 ${end} 届满，${d} 才换届，未见上级批准延期。`, {
        termEnd: end,
        electionDate: d,
      });
    } else if (d > end && delay !== null && d > delay.until) {
      report('error', `批准延期至 ${delay.until}，实际 ${d} 才换届。`, {
        until: delay.until,
        electionDate: d,
      });
    }
    if (d < earliestAdvance) {
      report('error', `${d} 换届，比届满日 ${end} 提前超过1年（最早 ${earliestAdvance}）。`, {
        termEnd: end,
        electionDate: d,
        earliest: earliestAdvance,
      });
    } else if (d < addDays(end, -ON_TIME_WINDOW_DAYS) && advance === null) {
      report('warning', `${d} 换届，早于届满日 ${end} 三个月以上，未见上级批准提前换届。`, {
        termEnd: end,
        electionDate: d,
      });
    }
  } else if (asOf > end) {
    if (delay === null) {
      report(
        'error',
        `任期已于 ${end} 届满（已过 ${diffDays(end, asOf)} 天），尚未换届，也未见批准延期。`,
        {
          termEnd: end,
          asOf,
        },
      );
    } else if (asOf > delay.until) {
      report('error', `批准延期至 ${delay.until}，至 ${asOf} 仍未换届。`, {
        until: delay.until,
        asOf,
      });
    }
  } else if (diffDays(asOf, end) <= ON_TIME_WINDOW_DAYS && d === null) {
    report('warning', `任期 ${end} 届满，仅剩 ${diffDays(asOf, end)} 天，尚未安排选举。`, {
      termEnd: end,
      asOf,
    });
  }
  if (d !== null && !term.held && d > end && delay === null) {
    report('warning', `计划选举日 ${d} 晚于届满日 ${end}，须报上级批准延期。`, {
      termEnd: end,
      electionDate: d,
    });
  }
  const daysLeft = diffDays(asOf, end);
  let status: TermStatus;
  if (term.held && d !== null && d <= asOf) {
    status = 'renewed';
  } else if (asOf > end) {
    status = 'expired';
  } else if (end <= addMonths(asOf, 6)) {
    status = 'due6';
  } else if (end <= addMonths(asOf, 12)) {
    status = 'due12';
  } else {
    status = 'current';
  }
  return { status, daysLeft, findings };
}
