/**
 * 预备期满 and 党龄: the probation ends 12 months after the 支部大会 that admitted the member, plus
 * the one allowed extension (dossier-format.md §3; 细则第三十二条); 党龄 counts from that day
 * (细则第三十四条), also for a member whose 转正 was discussed late (第三十六条).
 */
import { addMonths, compareDates, monthsBetween, type IsoDate } from '../calendar/date';

/** The extension limits of DEV-24: at most one, 6–12 months. */
export const EXTENSION_MIN_MONTHS = 6;
export const EXTENSION_MAX_MONTHS = 12;

export interface MembershipAgeInput {
  /** 支部大会通过接收预备党员之日. */
  admissionMeetingDate: IsoDate;
  /** Months of each 延长预备期 decision (at most one is lawful). */
  extensionMonths: readonly number[];
  asOf: IsoDate;
}

export interface MembershipAgeProblem {
  rule: string;
  message: string;
}

export interface MembershipAge {
  /** admission + 12 months, before any extension. */
  regularProbationEnd: IsoDate;
  /** 预备期满: admission + 12 months + Σ extensions. */
  probationEnd: IsoDate;
  /** 党龄起算日: the day of 预备期满 (转为正式党员之日). */
  fullMemberSince: IsoDate;
  /** True when `asOf` is on or after 预备期满. */
  isProbationOver: boolean;
  /** Whole years and remaining months of 党龄 on `asOf`; null while still in probation. */
  partyStanding: { years: number; months: number } | null;
  /** Rule violations in the input (DEV-24). */
  problems: MembershipAgeProblem[];
  /** Rule ids used: DEV-24 (预备期), DEV-26 (党龄). */
  rules: string[];
}

/**
 * @example membershipAge({ admissionMeetingDate: '2025-07-01', extensionMonths: [], asOf: '2027-08-01' }).probationEnd // '2026-07-01'
 */
export function membershipAge(input: MembershipAgeInput): MembershipAge {
  const problems: MembershipAgeProblem[] = [];
  if (input.extensionMonths.length > 1) {
    problems.push({
      rule: 'DEV-24',
      message: `预备期只能延长一次，填写了 ${input.extensionMonths.length} 次延长`,
    });
  }
  input.extensionMonths.forEach((m, i) => {
    if (!Number.isInteger(m) || m < EXTENSION_MIN_MONTHS || m > EXTENSION_MAX_MONTHS) {
      problems.push({
        rule: 'DEV-24',
        message: `第${i + 1}次延长 ${m} 个月：延长预备期不能少于半年（6个月），最长不超过一年（12个月）`,
      });
    }
  });
  const extension = input.extensionMonths.reduce((a, b) => a + b, 0);
  const regularProbationEnd = addMonths(input.admissionMeetingDate, 12);
  const probationEnd = addMonths(input.admissionMeetingDate, 12 + extension);
  const isProbationOver = compareDates(input.asOf, probationEnd) >= 0;
  let partyStanding: MembershipAge['partyStanding'] = null;
  if (isProbationOver) {
    const total = monthsBetween(probationEnd, input.asOf);
    partyStanding = { years: Math.floor(total / 12), months: total % 12 };
  }
  return {
    regularProbationEnd,
    probationEnd,
    fullMemberSince: probationEnd,
    isProbationOver,
    partyStanding,
    problems,
    rules: ['DEV-24', 'DEV-26'],
  };
}
