/**
 * 年度发展计划: the structure of the members admitted in a year (35岁及以下, 女性, 学历, 职业), the
 * figures a township reports against its quota.
 */
import { ageOn, type IsoDate } from '../calendar/date';

/** One member admitted in the year: the facts the structure counts. */
export interface AdmittedMember {
  birthDate: IsoDate | null;
  gender: '男' | '女';
  education: string | null;
  occupation: string | null;
  /** 上级党委审批 date: the day the person became a 预备党员. */
  admittedOn: IsoDate;
}

export interface MemberStructure {
  total: number;
  /** 35岁及以下 on the day admitted. */
  youth: number;
  female: number;
  /** 大专及以上 (大专, 本科, 研究生). */
  college: number;
  byEducation: Record<string, number>;
  byOccupation: Record<string, number>;
}

const COLLEGE = new Set(['大专', '本科', '研究生', '硕士', '博士']);

/**
 * @example memberStructure([{ birthDate: '1995-01-01', gender: '女', education: '本科', occupation: '农民', admittedOn: '2026-06-01' }]).youth // 1
 */
export function memberStructure(members: readonly AdmittedMember[]): MemberStructure {
  const s: MemberStructure = {
    total: members.length,
    youth: 0,
    female: 0,
    college: 0,
    byEducation: {},
    byOccupation: {},
  };
  for (const m of members) {
    if (m.birthDate !== null && ageOn(m.birthDate, m.admittedOn) <= 35) {
      s.youth += 1;
    }
    if (m.gender === '女') {
      s.female += 1;
    }
    const education = m.education ?? '未填';
    if (COLLEGE.has(education)) {
      s.college += 1;
    }
    s.byEducation[education] = (s.byEducation[education] ?? 0) + 1;
    const occupation = m.occupation ?? '未填';
    s.byOccupation[occupation] = (s.byOccupation[occupation] ?? 0) + 1;
  }
  return s;
}
