/** Months, quarters, half-years and the year as periods with first and last day. */
import { daysInMonth, formatDate, type IsoDate } from '../calendar/date';

export type PeriodKind = 'month' | 'quarter' | 'halfYear' | 'year';

export interface Period {
  /** `2026-03`, `2026-Q1`, `2026-H1`, `2026`. */
  key: string;
  kind: PeriodKind;
  /** Chinese label: 3月, 一季度, 上半年, 全年. */
  label: string;
  start: IsoDate;
  end: IsoDate;
}

const QUARTER_LABELS = ['一季度', '二季度', '三季度', '四季度'];

function span(year: number, fromMonth: number, toMonth: number): { start: IsoDate; end: IsoDate } {
  return {
    start: formatDate(year, fromMonth, 1),
    end: formatDate(year, toMonth, daysInMonth(year, toMonth)),
  };
}

export function monthsOf(year: number): Period[] {
  return Array.from({ length: 12 }, (_, i) => ({
    key: `${year}-${String(i + 1).padStart(2, '0')}`,
    kind: 'month' as const,
    label: `${i + 1}月`,
    ...span(year, i + 1, i + 1),
  }));
}

export function quartersOf(year: number): Period[] {
  return [0, 1, 2, 3].map((q) => ({
    key: `${year}-Q${q + 1}`,
    kind: 'quarter' as const,
    label: QUARTER_LABELS[q] ?? '',
    ...span(year, q * 3 + 1, q * 3 + 3),
  }));
}

export function halvesOf(year: number): Period[] {
  return [
    { key: `${year}-H1`, kind: 'halfYear', label: '上半年', ...span(year, 1, 6) },
    { key: `${year}-H2`, kind: 'halfYear', label: '下半年', ...span(year, 7, 12) },
  ];
}

export function yearOf(year: number): Period {
  return { key: String(year), kind: 'year', label: '全年', ...span(year, 1, 12) };
}

export function inPeriod(date: IsoDate, p: Period): boolean {
  return p.start <= date && date <= p.end;
}
