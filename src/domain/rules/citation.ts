/**
 * Structured legal citations (法规引用) and the one formatter that renders them.
 * A citation whose article number is not verified carries that status in its data
 * (rules.md: 条号待核实 / 未核实) and the formatted text says so.
 */
import type { IsoDate } from '../calendar/date';

/**
 * ✅ `verified`: content and article number seen in a public source;
 * 🟡 `articleUnverified`: content confirmed, article number not (条号待核实);
 * ❌ `unverified`: not confirmed at all (未核实).
 */
export type VerificationStatus = 'verified' | 'articleUnverified' | 'unverified';

export interface Citation {
  /** Full title without 书名号, e.g. 中国共产党发展党员工作细则. */
  instrument: string;
  /** 条 */
  article?: number;
  /** 款 */
  paragraph?: number;
  /** 项 */
  item?: number;
  /** Version label, e.g. '2014' or '2026（待核实）'. */
  version: string;
  /** First day this version applies. */
  effectiveFrom: IsoDate;
  /** Last day this version applies; null while in force. */
  effectiveTo: IsoDate | null;
  status: VerificationStatus;
  /** A local practice (地方口径) rather than a national article. */
  isLocalPractice?: boolean;
  url?: string;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/**
 * Chinese numeral for 1–999 as used in article numbers.
 * @example chineseNumeral(12) // '十二'; chineseNumeral(37) // '三十七'; chineseNumeral(105) // '一百零五'
 */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) {
    throw new RangeError(`条号超出范围：${n}`);
  }
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  let s = '';
  if (hundreds > 0) {
    s += `${DIGITS[hundreds]}百`;
    if (tens === 0 && ones > 0) {
      s += '零';
    }
  }
  if (tens > 0) {
    s += tens === 1 && hundreds === 0 ? '十' : `${DIGITS[tens]}十`;
  }
  if (ones > 0) {
    s += DIGITS[ones];
  }
  return s;
}

/**
 * Renders a citation as users read it.
 * @example formatCitation({ instrument: '中国共产党发展党员工作细则', article: 7, ... }) // '《中国共产党发展党员工作细则》第七条'
 */
export function formatCitation(c: Citation): string {
  let s = `《${c.instrument}》`;
  if (c.article !== undefined) {
    s += `第${chineseNumeral(c.article)}条`;
    if (c.paragraph !== undefined) {
      s += `第${chineseNumeral(c.paragraph)}款`;
    }
    if (c.item !== undefined) {
      s += `第（${chineseNumeral(c.item)}）项`;
    }
  }
  if (c.isLocalPractice === true) {
    s += '（地方口径）';
  }
  if (c.status === 'articleUnverified' && c.article !== undefined) {
    s += '（条号待核实）';
  } else if (c.status === 'unverified' || c.status === 'articleUnverified') {
    s += '（未核实）';
  }
  return s;
}

/** The 2014 细则, in force from its publication until a verified revision replaces it. */
export const XIZE_2014 = {
  instrument: '中国共产党发展党员工作细则',
  version: '2014',
  effectiveFrom: '2014-06-10',
  effectiveTo: null,
} as const;

/** The reported 2026 revision: text not seen (reference.md §3), so every number is 未核实. */
export const XIZE_2026 = {
  instrument: '中国共产党发展党员工作细则',
  version: '2026（待核实）',
  effectiveFrom: '2026-05-18',
  effectiveTo: null,
  status: 'unverified',
} as const;

export function xize2014(
  article: number,
  status: VerificationStatus,
  extra: Partial<Pick<Citation, 'paragraph' | 'item'>> = {},
): Citation {
  return { ...XIZE_2014, article, status, ...extra };
}

export function xize2026(article: number): Citation {
  return { ...XIZE_2026, article };
}
