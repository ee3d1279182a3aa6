import { describe, expect, it } from 'vitest';
import { checkCandidate, checkSlate, type CandidateFacts } from './candidates';

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

describe('checkSlate', () => {
  it('needs 6 candidates for 5 committee seats and more than the seats for a villagers committee', () => {
    expect(checkSlate('党组织委员会', 5, 5).map((f) => f.rule)).toEqual(['ELC-04']);
    expect(checkSlate('党组织委员会', 5, 6)).toEqual([]);
    expect(checkSlate('村民委员会', 5, 5).map((f) => f.rule)).toEqual(['VC-06']);
    expect(checkSlate('村民委员会', 5, 6)).toEqual([]);
  });
});
