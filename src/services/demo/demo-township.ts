/**
 * The demo township, made deterministically from a seed: 云岭县 (fictional, area code 990102 —
 * no real province uses the prefix 99) with 青山镇 and its 12 villages and communities, about
 * 900 Party members, and one account per role. All names are invented.
 */
import { addMonths, addDays, formatDate, type IsoDate } from '../../domain/calendar/date';
import { idCheckChar } from '../../domain/id-number';
import type { MembershipStatus } from '../../db/schema';
import type { OrgKind } from '../../domain/org';
import type { Role } from '../../domain/access';
import { createRng, type Rng } from '../gen/rng';
import { inventName, type Gender } from '../gen/names';

export const DEMO_AREA_CODE = '990102';
export const DEMO_PASSWORD = 'Zugong@2026';
export const DEMO_USERNAMES = ['xianji', 'zuzhi', 'shuji', 'xuncha'];
/** The demo's "today" for member ages and dates, fixed so the same seed gives the same data. */
export const DEMO_REFERENCE_DATE: IsoDate = '2026-11-01';

export interface DemoOrg {
  key: string;
  parentKey: string | null;
  name: string;
  kind: OrgKind;
}

export interface DemoPerson {
  orgKey: string;
  name: string;
  gender: Gender;
  ethnicity: string;
  birthDate: IsoDate;
  idNumber: string;
  education: string;
  phone: string;
  occupation: string;
  status: MembershipStatus;
  joinedOn: IsoDate | null;
  fullMemberSince: IsoDate | null;
}

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  scopeKey: string;
}

export interface DemoTownship {
  orgs: DemoOrg[];
  people: DemoPerson[];
  accounts: DemoAccount[];
}

interface VillagePlan {
  name: string;
  kind: 'partyCommittee' | 'generalBranch' | 'branch';
  members: number;
  /** Branches under a 党委/党总支, or 党小组 under a 党支部. */
  units: number;
}

const VILLAGES: VillagePlan[] = [
  { name: '河口村', kind: 'partyCommittee', members: 162, units: 3 },
  { name: '青山社区', kind: 'generalBranch', members: 104, units: 2 },
  { name: '石桥村', kind: 'branch', members: 78, units: 3 },
  { name: '桃源村', kind: 'branch', members: 71, units: 2 },
  { name: '柳湾村', kind: 'branch', members: 63, units: 2 },
  { name: '杨家坪村', kind: 'branch', members: 76, units: 3 },
  { name: '松林村', kind: 'branch', members: 58, units: 2 },
  { name: '龙泉村', kind: 'branch', members: 67, units: 2 },
  { name: '新田村', kind: 'branch', members: 60, units: 2 },
  { name: '白沙村', kind: 'branch', members: 49, units: 2 },
  { name: '东岭村', kind: 'branch', members: 41, units: 2 },
  { name: '新街社区', kind: 'branch', members: 58, units: 2 },
];

const SUFFIX: Record<VillagePlan['kind'], string> = {
  partyCommittee: '党委',
  generalBranch: '党总支',
  branch: '党支部',
};
const ORDINALS = ['第一', '第二', '第三', '第四'];
const EDUCATION = ['小学', '初中', '初中', '高中', '中专', '大专', '本科'];
const RURAL_JOBS = ['农民', '农民', '农民', '个体工商户', '外出务工人员', '村干部', '退休人员'];
const URBAN_JOBS = ['社区工作者', '个体工商户', '企业职工', '退休人员', '教师', '医务人员'];

function idNumberFor(rng: Rng, birthDate: IsoDate, gender: Gender): string {
  const seq = rng.int(0, 49) * 2 + (gender === '男' ? 1 : 0) + 100;
  const first17 = `${DEMO_AREA_CODE}${birthDate.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

function randomDateBetween(rng: Rng, from: IsoDate, to: IsoDate): IsoDate {
  const [fy] = from.split('-').map(Number) as [number];
  const [ty] = to.split('-').map(Number) as [number];
  const year = rng.int(fy, ty);
  const month = rng.int(1, 12);
  const date = formatDate(year, month, rng.int(1, 28));
  return date < from ? from : date > to ? to : date;
}

function makePerson(
  rng: Rng,
  orgKey: string,
  urban: boolean,
  status: MembershipStatus,
): DemoPerson {
  const gender: Gender = rng.chance(0.32) ? '女' : '男';
  const minAge = status === 'full' ? 24 : 19;
  const age = status === 'full' ? rng.int(minAge, 88) : rng.int(minAge, 45);
  const birthYear = Number(DEMO_REFERENCE_DATE.slice(0, 4)) - age;
  const birthDate = formatDate(birthYear, rng.int(1, 12), rng.int(1, 28));
  let joinedOn: IsoDate | null = null;
  let fullMemberSince: IsoDate | null = null;
  if (status === 'full') {
    const earliest = addMonths(birthDate, 12 * 20);
    const latest = addMonths(DEMO_REFERENCE_DATE, -14);
    joinedOn = randomDateBetween(rng, earliest < latest ? earliest : latest, latest);
    fullMemberSince = addMonths(joinedOn, 12);
  } else if (status === 'probationary') {
    joinedOn = addDays(DEMO_REFERENCE_DATE, -rng.int(30, 330));
  }
  return {
    orgKey,
    name: inventName(rng, gender),
    gender,
    ethnicity: rng.chance(0.93) ? '汉族' : rng.pick(['土家族', '苗族', '回族']),
    birthDate,
    idNumber: idNumberFor(rng, birthDate, gender),
    education: age > 65 ? rng.pick(EDUCATION.slice(0, 4)) : rng.pick(EDUCATION),
    // 100 is not a mobile prefix in China, so these numbers reach nobody.
    phone: `100${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
    occupation: rng.pick(urban ? URBAN_JOBS : RURAL_JOBS),
    status,
    joinedOn,
    fullMemberSince,
  };
}

/** Builds the whole demo township from a seed; the same seed gives the same township. */
export function generateDemoTownship(seed: number | string = 2026): DemoTownship {
  const rng = createRng(seed);
  const orgs: DemoOrg[] = [
    { key: 'county', parentKey: null, name: '云岭县委组织部', kind: 'countyDepartment' },
    { key: 'township', parentKey: 'county', name: '青山镇党委', kind: 'townshipCommittee' },
  ];
  const people: DemoPerson[] = [];
  VILLAGES.forEach((village, vi) => {
    const villageKey = `v${vi + 1}`;
    orgs.push({
      key: villageKey,
      parentKey: 'township',
      name: village.name + SUFFIX[village.kind],
      kind: village.kind,
    });
    const urban = village.name.endsWith('社区');
    const memberUnits: string[] = [];
    for (let u = 0; u < village.units; u++) {
      const ordinal = ORDINALS[u] ?? `第${u + 1}`;
      if (village.kind === 'branch') {
        orgs.push({
          key: `${villageKey}g${u + 1}`,
          parentKey: villageKey,
          name: `${ordinal}党小组`,
          kind: 'partyGroup',
        });
      } else {
        const branchKey = `${villageKey}b${u + 1}`;
        orgs.push({
          key: branchKey,
          parentKey: villageKey,
          name: `${village.name}${ordinal}党支部`,
          kind: 'branch',
        });
        memberUnits.push(branchKey);
      }
    }
    const targets = memberUnits.length > 0 ? memberUnits : [villageKey];
    for (let m = 0; m < village.members; m++) {
      const status: MembershipStatus = rng.chance(0.04) ? 'probationary' : 'full';
      people.push(makePerson(rng, targets[m % targets.length] ?? villageKey, urban, status));
    }
    // A few people on the way in, so rosters show every stage.
    for (const status of ['applicant', 'activist', 'candidate'] as const) {
      for (let k = rng.int(0, 2); k > 0; k--) {
        people.push(makePerson(rng, targets[0] ?? villageKey, urban, status));
      }
    }
  });
  const accounts: DemoAccount[] = [
    { username: 'xianji', displayName: '赵县管', role: 'countyAdmin', scopeKey: 'county' },
    { username: 'zuzhi', displayName: '林组织', role: 'townshipOrganizer', scopeKey: 'township' },
    { username: 'shuji', displayName: '王书记', role: 'branchSecretary', scopeKey: 'v1' },
    { username: 'xuncha', displayName: '周巡察', role: 'inspector', scopeKey: 'county' },
  ];
  return { orgs, people, accounts };
}
