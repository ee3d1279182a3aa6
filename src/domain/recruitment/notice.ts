/**
 * 发展对象公示: the notice runs a number of working days, start and end day both counted
 * (dossier-format.md §3); the end date comes from the working-day calendar.
 */
import type { IsoDate } from '../calendar/date';
import type { WorkdayCalendar } from '../calendar/workdays';

export interface NoticePeriod {
  startDate: IsoDate;
  endDate: IsoDate;
  workdays: number;
  /** False when a year of the period has no holiday table (counted Monday–Friday). */
  calendarComplete: boolean;
}

/**
 * The 公示 period of `workdays` working days from `start` (the first working day on or after it).
 * @example noticePeriod('2026-09-28', 5, calendar).endDate // '2026-10-09' (国庆 not counted)
 */
export function noticePeriod(
  start: IsoDate,
  workdays: number,
  calendar: WorkdayCalendar,
): NoticePeriod {
  const first = calendar.nthWorkday(start, 1);
  const endDate = calendar.nthWorkday(start, workdays);
  return {
    startDate: first,
    endDate,
    workdays,
    calendarComplete:
      calendar.hasData(Number(first.slice(0, 4))) && calendar.hasData(Number(endDate.slice(0, 4))),
  };
}
