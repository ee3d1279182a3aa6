import { describe, expect, it } from 'vitest';
import {
  checkCandidate,
  checkElectedWomen,
  checkSlate,
  DEFAULT_NEGATIVE_LIST,
  type CandidateFacts,
  type NegativeListItem,
} from './candidates';

const base: CandidateFacts = {
  name: '周平',
  birthDate: '1980-05-01',
  membershipStatus: 'full',
  fullMemberSince: '2010-07-01',
  residence: 'hukouResident',
  negativeHits: [],
  forSecretary: false,
};

function rules(
  facts: Partial<CandidateFacts>,
  body: '党组织委员会' | '村民委员会' = '党组织委员会',
) {
  return checkCandidate({ ...base, ...facts }, body, '2026-06-20').findings.map(
    (f) => `${f.rule}:${f.severity}`,
  );
}

describe('checkCandidate', () => {
  it('passes a full member of age', () => {
    expect(rules({})).toEqual([]);
  });

  it('refuses someone one day short of 18 and accepts him on his 18th birthday', () => {
    expect(rules({ birthDate: '2008-06-21' }, '村民委员会')).toEqual(['CAND-AGE:error']);
    expect(rules({ birthDate: '2008-06-20' }, '村民委员会')).toEqual([]);
  });

  it('refuses a probationary member for the Party committee but not for the villagers committee', () => {
    expect(rules({ membershipStatus: 'probationary' })).toEqual(['CAND-MEMBER:error']);
    expect(rules({ membershipStatus: null }, '村民委员会')).toEqual([]);
  });

  it('warns when a secretary candidate has less than a year as a full member', () => {
    expect(rules({ forSecretary: true, fullMemberSince: '2025-06-21' })).toEqual([
      'CAND-STANDING:warning',
    ]);
    expect(rules({ forSecretary: true, fullMemberSince: '2025-06-20' })).toEqual([]);
  });

  it('checks residence for the villagers committee', () => {
    expect(rules({ residence: 'none' }, '村民委员会')).toEqual(['CAND-RESIDENCE:error']);
    expect(rules({ residence: null }, '村民委员会')).toEqual(['CAND-RESIDENCE:warning']);
    expect(rules({ residence: 'residentOneYear' }, '村民委员会')).toEqual([]);
  });

  it('explains each negative-list hit with its source', () => {
    const check = checkCandidate(
      { ...base, negativeHits: ['defaulter'] },
      '村民委员会',
      '2026-06-20',
    );

    expect(check.eligible).toBe(false);
    expect(check.findings[0]?.message).toContain('失信被执行人');
    expect(check.findings[0]?.citation).toContain('地方口径');
  });
});

describe('negative list settings', () => {
  const villageOnly: NegativeListItem = {
    key: 'c9',
    label: '户籍不在本村且长期不在村居住',
    source: '某省村民委员会选举办法第十条',
    verified: true,
    appliesTo: '村民委员会',
  };
  const list = [...DEFAULT_NEGATIVE_LIST, villageOnly];

  it('cites a verified source as it is and marks an unverified one', () => {
    const hit = (key: string) =>
      checkCandidate({ ...base, negativeHits: [key] }, '村民委员会', '2026-06-20', list)
        .findings[0];
    expect(hit('c9')?.citation).toBe('某省村民委员会选举办法第十条');
    expect(hit('criminal')?.citation).toMatch(/（未核实）$/);
  });

  it('applies an item only to the body it names', () => {
    const party = checkCandidate(
      { ...base, negativeHits: ['c9'] },
      '党组织委员会',
      '2026-06-20',
      list,
    );
    expect(party.eligible).toBe(true);
    expect(party.findings.map((f) => `${f.rule}:${f.severity}`)).toEqual(['CAND-NEGATIVE:warning']);
    const village = checkCandidate(
      { ...base, negativeHits: ['c9'] },
      '村民委员会',
      '2026-06-20',
      list,
    );
    expect(village.eligible).toBe(false);
  });

  it('does not apply an item missing from the list (e.g. disabled)', () => {
    const check = checkCandidate(
      { ...base, negativeHits: ['criminal'] },
      '村民委员会',
      '2026-06-20',
      [villageOnly],
    );
    expect(check.eligible).toBe(true);
    expect(check.findings[0]?.severity).toBe('warning');
  });
});

describe('checkSlate', () => {
  const slate = (seats: number, candidates: number, women: number | null = 1) => ({
    seats,
    candidates,
    women,
  });
  const rulesOf = (body: '党组织委员会' | '村民委员会', s: ReturnType<typeof slate>) =>
    checkSlate(body, s).map((f) => `${f.rule}:${f.severity}`);

  it('needs 6 candidates for 5 committee seats and more than the seats for a villagers committee', () => {
    expect(rulesOf('党组织委员会', slate(5, 5))).toEqual(['ELC-04:error']);
    expect(rulesOf('党组织委员会', slate(5, 6))).toEqual([]);
    expect(rulesOf('村民委员会', slate(5, 5))).toEqual(['VC-06:error']);
    expect(rulesOf('村民委员会', slate(5, 6))).toEqual([]);
  });

  it('VC-01: a villagers committee of 3 to 7 (2 and 8 are refused, 3 and 7 pass)', () => {
    expect(rulesOf('村民委员会', slate(2, 3))).toEqual(['VC-01:error']);
    expect(rulesOf('村民委员会', slate(3, 4))).toEqual([]);
    expect(rulesOf('村民委员会', slate(7, 8))).toEqual([]);
    expect(rulesOf('村民委员会', slate(8, 9))).toEqual(['VC-01:error']);
    expect(checkSlate('村民委员会', slate(8, 9))[0]?.citation).toContain('第六条');
    expect(rulesOf('党组织委员会', slate(2, 3))).toEqual([]);
  });

  it('VC-01: warns when no candidate is a woman, not when one is or genders are unknown', () => {
    expect(rulesOf('村民委员会', slate(5, 6, 0))).toEqual(['VC-01:warning']);
    expect(rulesOf('村民委员会', slate(5, 6, 1))).toEqual([]);
    expect(rulesOf('村民委员会', slate(5, 6, null))).toEqual([]);
    expect(rulesOf('党组织委员会', slate(5, 6, 0))).toEqual([]);
  });
});

describe('checkElectedWomen', () => {
  it('warns when the elected are all men, not when one woman is elected', () => {
    const men = [
      { name: '甲', gender: '男' as const },
      { name: '乙', gender: '男' as const },
      { name: '丙', gender: '男' as const },
    ];
    expect(checkElectedWomen(men).map((f) => `${f.rule}:${f.severity}`)).toEqual(['VC-01:warning']);
    expect(checkElectedWomen([...men.slice(0, 2), { name: '丙', gender: '女' }])).toEqual([]);
    expect(checkElectedWomen(men)[0]?.citation).toContain('村民委员会组织法');
  });

  it('only notes it when someone elected is not in the roster', () => {
    const found = checkElectedWomen([
      { name: '甲', gender: '男' },
      { name: '乙', gender: null },
    ]);
    expect(found.map((f) => f.severity)).toEqual(['info']);
    expect(found[0]?.message).toContain('乙');
  });
});
