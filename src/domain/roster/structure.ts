/**
 * Structure of a membership (年龄、党龄 bands as in 党内统计) and the 村两委 indicators of
 * 《中国共产党农村基层组织工作条例》第十九条: 书记、主任“一肩挑” and 交叉任职.
 */
import { addMonths, ageOn, type IsoDate } from '../calendar/date';
import type { CadreBody, CadreTitle } from './types';

/** 年龄段 as reported in 党内统计. */
export const AGE_BANDS = [
  { label: '35岁及以下', max: 35 },
  { label: '36至45岁', max: 45 },
  { label: '46至55岁', max: 55 },
  { label: '56至60岁', max: 60 },
  { label: '61岁及以上', max: Number.POSITIVE_INFINITY },
] as const;

/** 党龄段, counted from 转正日期. */
export const PARTY_YEARS_BANDS = [
  { label: '不满5年', max: 4 },
  { label: '5至9年', max: 9 },
  { label: '10至19年', max: 19 },
  { label: '20至29年', max: 29 },
  { label: '30至49年', max: 49 },
  { label: '50年及以上', max: Number.POSITIVE_INFINITY },
] as const;

export function ageBand(birthDate: IsoDate, asOf: IsoDate): string {
  const age = ageOn(birthDate, asOf);
  return (AGE_BANDS.find((b) => age <= b.max) ?? AGE_BANDS[4]).label;
}

/** 党龄 in whole years from 转正日期 (a 预备党员 has none yet: null). */
export function partyYears(fullMemberSince: IsoDate | null, asOf: IsoDate): number | null {
  return fullMemberSince === null ? null : Math.max(0, ageOn(fullMemberSince, asOf));
}

export function partyYearsBand(fullMemberSince: IsoDate | null, asOf: IsoDate): string {
  const years = partyYears(fullMemberSince, asOf);
  if (years === null) {
    return '预备党员';
  }
  return (PARTY_YEARS_BANDS.find((b) => years <= b.max) ?? PARTY_YEARS_BANDS[0]).label;
}

/**
 * The latest birth date for someone at least `years` old on `asOf`, so an age filter becomes
 * a date comparison the database can index.
 */
export function bornOnOrBefore(years: number, asOf: IsoDate): IsoDate {
  return addMonths(asOf, -12 * years);
}

export interface CurrentPost {
  personId: number;
  body: CadreBody;
  title: CadreTitle;
}

export interface CadreIndicators {
  /** 村党组织书记 (null when the post is vacant). */
  secretaryId: number | null;
  /** 村委会主任. */
  directorId: number | null;
  /** 书记、主任“一肩挑”: one person holds both. */
  isOneShoulder: boolean;
  /** People on both the Party org and the villagers' committee (交叉任职). */
  crossAppointedIds: number[];
  /** Distinct people on the 两委 (村党组织 + 村委会). */
  twoCommitteesSize: number;
}

export function cadreIndicators(posts: readonly CurrentPost[]): CadreIndicators {
  const secretaryId =
    posts.find((p) => p.body === 'partyOrg' && p.title === 'secretary')?.personId ?? null;
  const directorId =
    posts.find((p) => p.body === 'villagersCommittee' && p.title === 'director')?.personId ?? null;
  const party = new Set(posts.filter((p) => p.body === 'partyOrg').map((p) => p.personId));
  const committee = new Set(
    posts.filter((p) => p.body === 'villagersCommittee').map((p) => p.personId),
  );
  return {
    secretaryId,
    directorId,
    isOneShoulder: secretaryId !== null && secretaryId === directorId,
    crossAppointedIds: [...party].filter((id) => committee.has(id)).sort((a, b) => a - b),
    twoCommitteesSize: new Set([...party, ...committee]).size,
  };
}

/** 外出 6 个月以上 (EDU-08, 《党员教育管理工作条例》第二十五条): the relationship should move. */
export function isAwayLongEnoughToTransfer(awaySince: IsoDate, asOf: IsoDate): boolean {
  return addMonths(awaySince, 6) <= asOf;
}
