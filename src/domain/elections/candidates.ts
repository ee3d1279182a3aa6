/**
 * Candidate checks (候选人资格): eligibility from the roster's data and the 负面清单 hits recorded
 * by the 资格联审, each explained with its source; and the 差额 check of a slate.
 */
import { ageOn, monthsBetween, type IsoDate } from '../calendar/date';
import { formatElectionCitation, regulation2020, villageLaw } from './citations';
import type { BodyKind } from './term';
import type { ElectionFinding } from './types';

export const NEGATIVE_LIST_SCOPES = ['both', '党组织委员会', '村民委员会'] as const;
/** Which candidates an item of the 负面清单 applies to: both bodies, or one. */
export type NegativeListScope = (typeof NEGATIVE_LIST_SCOPES)[number];

/**
 * One item of the 负面清单 (a local setting: provinces publish their own lists; a county keeps
 * its list in the settings, the defaults below are used until it does).
 */
export interface NegativeListItem {
  key: string;
  label: string;
  /** Where the item comes from, e.g. the province's document and its number. */
  source: string;
  /** The source was checked against the document itself. */
  verified: boolean;
  appliesTo: NegativeListScope;
}

const LOCAL_LIST_SOURCE =
  '地方口径：各省（区、市）村“两委”换届候选人资格条件中的“负面清单”（请按本省文件调整）';

function localItem(key: string, label: string): NegativeListItem {
  return { key, label, source: LOCAL_LIST_SOURCE, verified: false, appliesTo: 'both' };
}

export const DEFAULT_NEGATIVE_LIST: readonly NegativeListItem[] = [
  localItem('criminal', '因故意犯罪受过刑事处罚'),
  localItem('gang', '涉黑涉恶受过处理'),
  localItem('discipline', '受到党纪政务处分尚在影响期内'),
  localItem('investigation', '涉嫌违纪违法正在接受调查'),
  localItem('defaulter', '被列为失信被执行人'),
  localItem('religion', '组织、参与非法宗教活动或邪教组织'),
  localItem('bribery', '以贿选等不正当手段影响选举'),
  localItem('petition', '长期无理缠访闹访、拒不履行村民义务'),
];

/** The items that apply to candidates for `body`. */
export function negativeItemsFor(
  list: readonly NegativeListItem[],
  body: BodyKind,
): NegativeListItem[] {
  return list.filter((i) => i.appliesTo === 'both' || i.appliesTo === body);
}

/** The citation shown for an item: its source, marked 未核实 until someone checked it. */
export function negativeItemCitation(item: NegativeListItem): string {
  return item.verified ? item.source : `${item.source}（未核实）`;
}

/** Where a 村民委员会 candidate is registered (村民委员会组织法第十三条). */
export type Residence = 'hukouResident' | 'hukouAbsent' | 'residentOneYear' | 'none';

/** What the roster and the 联审 say about one candidate. */
export interface CandidateFacts {
  name: string;
  birthDate: IsoDate | null;
  /** Party membership status from the roster (null = not a Party member or unknown). */
  membershipStatus: string | null;
  fullMemberSince: IsoDate | null;
  /** For 村民委员会 candidates; null = not recorded. */
  residence: Residence | null;
  /** Keys of the negative list the 资格联审 found. */
  negativeHits: readonly string[];
  /** Stands for 书记 (the ≥ 1 year 党龄 practice applies). */
  forSecretary: boolean;
}

export interface CandidateCheck {
  name: string;
  eligible: boolean;
  findings: ElectionFinding[];
}

const PARTY_RIGHTS = formatElectionCitation(regulation2020('verified', 5));
const VILLAGE_RIGHTS = formatElectionCitation(villageLaw(13));

/** Checks one candidate for a body on the election date. */
export function checkCandidate(
  facts: CandidateFacts,
  body: BodyKind,
  date: IsoDate,
  negativeList: readonly NegativeListItem[] = DEFAULT_NEGATIVE_LIST,
): CandidateCheck {
  const findings: ElectionFinding[] = [];
  const add = (
    rule: string,
    severity: ElectionFinding['severity'],
    message: string,
    citation: string,
    extra: Record<string, unknown> = {},
  ): void => {
    findings.push({ rule, severity, message, citation, facts: extra });
  };
  if (facts.birthDate === null) {
    add(
      'CAND-AGE',
      'warning',
      `${facts.name}的出生日期未登记，无法核实是否年满十八周岁。`,
      VILLAGE_RIGHTS,
    );
  } else if (ageOn(facts.birthDate, date) < 18) {
    add(
      'CAND-AGE',
      'error',
      `${facts.name}出生于 ${facts.birthDate}，到选举日 ${date} 未满十八周岁，没有被选举权。`,
      VILLAGE_RIGHTS,
      { birthDate: facts.birthDate, date },
    );
  }
  if (body === '党组织委员会') {
    if (facts.membershipStatus !== 'full') {
      add(
        'CAND-MEMBER',
        'error',
        `${facts.name}${facts.membershipStatus === 'probationary' ? '是预备党员' : '不是正式党员'}：只有正式党员有被选举权。`,
        PARTY_RIGHTS,
        { status: facts.membershipStatus },
      );
    } else if (facts.forSecretary) {
      if (facts.fullMemberSince === null) {
        add(
          'CAND-STANDING',
          'warning',
          `${facts.name}的转正日期未登记，无法核实党龄是否满一年。`,
          '党支部书记一般应有1年以上党龄（实践口径，未核实）',
        );
      } else if (monthsBetween(facts.fullMemberSince, date) < 12) {
        add(
          'CAND-STANDING',
          'warning',
          `${facts.name}自 ${facts.fullMemberSince} 转正，到 ${date} 党龄不满一年，一般不宜作为书记人选。`,
          '党支部书记一般应有1年以上党龄（实践口径，未核实）',
          { fullMemberSince: facts.fullMemberSince },
        );
      }
    }
  } else if (facts.residence === null) {
    add(
      'CAND-RESIDENCE',
      'warning',
      `${facts.name}的户籍和居住情况未登记，无法核实选民资格。`,
      VILLAGE_RIGHTS,
    );
  } else if (facts.residence === 'none') {
    add(
      'CAND-RESIDENCE',
      'error',
      `${facts.name}户籍不在本村，也未在本村居住一年以上，不能在本村登记为选民。`,
      VILLAGE_RIGHTS,
    );
  }
  const items = negativeItemsFor(negativeList, body);
  for (const key of facts.negativeHits) {
    const item = items.find((i) => i.key === key);
    if (item === undefined) {
      add(
        'CAND-NEGATIVE',
        'warning',
        `${facts.name}：资格联审记下的“${key}”不在现行负面清单（${body}）中，请核对。`,
        LOCAL_LIST_SOURCE,
        { key },
      );
      continue;
    }
    add(
      'CAND-NEGATIVE',
      'error',
      `${facts.name}：资格联审发现“${item.label}”，属负面清单情形，不能作为候选人。`,
      negativeItemCitation(item),
      { key, label: item.label, verified: item.verified },
    );
  }
  return { name: facts.name, eligible: !findings.some((f) => f.severity === 'error'), findings };
}

/** What the slate check needs beyond the count: the candidates' genders where known. */
export interface SlateFacts {
  seats: number;
  candidates: number;
  /** Candidates recorded as women in the roster; null when the genders are not known. */
  women: number | null;
}

const VILLAGE_COMPOSITION = formatElectionCitation(villageLaw(6));

/**
 * 差额 of a slate: ELC-04 for 党组织委员会 (≥ 20%), VC-06 for 村民委员会 (more than seats); and
 * VC-01 for 村民委员会: 3 to 7 members (error outside), a woman among the candidates (warning).
 */
export function checkSlate(body: BodyKind, slate: SlateFacts): ElectionFinding[] {
  const { seats, candidates } = slate;
  if (body === '党组织委员会') {
    const margin = Math.floor((seats + 4) / 5);
    return candidates - seats >= margin
      ? []
      : [
          {
            rule: 'ELC-04',
            severity: 'error',
            message: `应选 ${seats} 人，候选人 ${candidates} 名，至少需 ${seats + margin} 名（差额不少于20%）。`,
            citation: formatElectionCitation(regulation2020('articleUnverified')),
            facts: { seats, candidates, needed: seats + margin },
          },
        ];
  }
  const findings: ElectionFinding[] = [];
  if (seats < 3 || seats > 7) {
    findings.push({
      rule: 'VC-01',
      severity: 'error',
      message: `应选 ${seats} 名：村民委员会由主任、副主任和委员共 3 至 7 人组成。`,
      citation: VILLAGE_COMPOSITION,
      facts: { seats },
    });
  }
  if (candidates <= seats) {
    findings.push({
      rule: 'VC-06',
      severity: 'error',
      message: `应选 ${seats} 名，候选人 ${candidates} 名：候选人名额应当多于应选名额。`,
      citation: formatElectionCitation(villageLaw(15)),
      facts: { seats, candidates },
    });
  }
  if (slate.women === 0 && candidates > 0) {
    findings.push({
      rule: 'VC-01',
      severity: 'warning',
      message: `${candidates} 名候选人中没有妇女：村民委员会成员中应当有妇女成员。`,
      citation: VILLAGE_COMPOSITION,
      facts: { candidates, women: 0 },
    });
  }
  return findings;
}

/** One person elected to the 村民委员会, with the gender the roster records (null: not found). */
export interface ElectedMember {
  name: string;
  gender: '男' | '女' | null;
}

/**
 * VC-01 on the result: the members elected to a 村民委员会 include no woman → warning
 * (妇女应当有适当的名额). Members whose gender is unknown are named, and then no warning is given
 * if one of them could be the woman member.
 */
export function checkElectedWomen(members: readonly ElectedMember[]): ElectionFinding[] {
  if (members.length === 0 || members.some((m) => m.gender === '女')) {
    return [];
  }
  const unknown = members.filter((m) => m.gender === null).map((m) => m.name);
  if (unknown.length > 0) {
    return [
      {
        rule: 'VC-01',
        severity: 'info',
        message: `当选的村民委员会成员中，名册里登记的都是男性；${unknown.join('、')}名册中未找到，无法核实是否有妇女成员。`,
        citation: VILLAGE_COMPOSITION,
        facts: { members: members.length, unknown },
      },
    ];
  }
  return [
    {
      rule: 'VC-01',
      severity: 'warning',
      message: `当选的 ${members.length} 名村民委员会成员中没有妇女：村民委员会成员中，妇女应当有适当的名额。`,
      citation: VILLAGE_COMPOSITION,
      facts: { members: members.length, women: 0 },
    },
  ];
}
