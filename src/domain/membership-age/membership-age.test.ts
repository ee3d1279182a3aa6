import { describe, expect, it } from 'vitest';
import { membershipAge } from './membership-age';

describe('membershipAge', () => {
  it.each([
    // admission, extensions, asOf, probationEnd, standing
    ['2025-07-01', [], '2026-06-30', '2026-07-01', null],
    ['2025-07-01', [], '2026-07-01', '2026-07-01', { years: 0, months: 0 }],
    ['2020-07-01', [], '2026-06-30', '2021-07-01', { years: 4, months: 11 }],
    ['2020-07-01', [], '2026-07-01', '2021-07-01', { years: 5, months: 0 }],
    ['2023-02-28', [], '2024-02-28', '2024-02-28', { years: 0, months: 0 }],
    ['2024-02-29', [], '2025-02-28', '2025-02-28', { years: 0, months: 0 }],
    ['2025-07-01', [6], '2026-12-31', '2027-01-01', null],
    ['2025-07-01', [6], '2027-01-01', '2027-01-01', { years: 0, months: 0 }],
    ['2025-08-31', [6], '2027-02-28', '2027-02-28', { years: 0, months: 0 }],
    ['2025-07-01', [12], '2029-07-01', '2027-07-01', { years: 2, months: 0 }],
  ] as const)(
    'admitted %s, extended %j: on %s the probation ends %s, standing %j',
    (admission, ext, asOf, end, standing) => {
      const result = membershipAge({
        admissionMeetingDate: admission,
        extensionMonths: ext,
        asOf,
      });

      expect(result.probationEnd).toBe(end);
      expect(result.fullMemberSince).toBe(end);
      expect(result.partyStanding).toEqual(standing);
      expect(result.problems).toEqual([]);
    },
  );

  it('flags an extension shorter than six or longer than twelve months (DEV-24)', () => {
    const short = membershipAge({
      admissionMeetingDate: '2025-07-01',
      extensionMonths: [5],
      asOf: '2026-01-01',
    });
    const long = membershipAge({
      admissionMeetingDate: '2025-07-01',
      extensionMonths: [13],
      asOf: '2026-01-01',
    });

    expect(short.problems).toEqual([expect.objectContaining({ rule: 'DEV-24' })]);
    expect(short.problems[0]?.message).toContain('不能少于半年');
    expect(long.problems).toHaveLength(1);
  });

  it('flags a second extension (DEV-24: only once)', () => {
    const result = membershipAge({
      admissionMeetingDate: '2025-07-01',
      extensionMonths: [6, 6],
      asOf: '2026-01-01',
    });

    expect(result.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('只能延长一次'),
    ]);
    expect(result.probationEnd).toBe('2027-07-01');
  });
});
