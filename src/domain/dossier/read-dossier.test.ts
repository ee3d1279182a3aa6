import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDossier } from './read-dossier';
import { dossierSchema } from './schema';

const clean = JSON.parse(
  readFileSync(new URL('../rules/xize-2014/cases/base-dossier.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

function withSteps(patch: Record<string, unknown>): Record<string, unknown> {
  const d = structuredClone(clean);
  d.steps = { ...(d.steps as object), ...patch };
  return d;
}

describe('readDossier', () => {
  it('accepts the clean example dossier and keeps unknown extra fields', () => {
    const raw = withSteps({ oath: { date: '2023-02-15', place: '党员活动室' } });

    const result = readDossier(raw, 1);

    expect(result.ok).toBe(true);
    expect(result.ok && (result.dossier.steps.oath as unknown as { place: string }).place).toBe(
      '党员活动室',
    );
  });

  it('names the line, field path and value of an impossible date', () => {
    const raw = withSteps({ oath: { date: '2024-02-30' } });

    const result = readDossier(raw, 12);

    expect(result).toEqual({
      ok: false,
      id: 'HK-2021-003',
      error: { code: 'ERR_INPUT_DATE', message: '第12行 steps.oath.date 不是有效日期：2024-02-30' },
    });
  });

  it.each([
    [{ partyClass: { date: '2022-01-01' } }, 'ERR_INPUT_STEP', 'steps.partyClass'],
    [{ oath: { date: '2023/02/15' } }, 'ERR_INPUT_DATE', 'steps.oath.date'],
    [
      {
        admissionMeeting: {
          date: '2022-12-27',
          expectedVoters: 31,
          presentVoters: -1,
          votesFor: 0,
        },
      },
      'ERR_INPUT_COUNT',
      'presentVoters',
    ],
    [
      {
        admissionMeeting: { date: '2022-12-27', expectedVoters: 0, presentVoters: 0, votesFor: 0 },
      },
      'ERR_INPUT_VOTE',
      '至少为 1',
    ],
    [
      {
        admissionMeeting: {
          date: '2022-12-27',
          expectedVoters: 31,
          presentVoters: 25,
          votesFor: 26,
        },
      },
      'ERR_INPUT_VOTE',
      '赞成票 26',
    ],
    [
      {
        admissionMeeting: {
          date: '2022-12-27',
          expectedVoters: 31,
          presentVoters: 31,
          votesFor: 30,
          writtenVotesFor: 2,
        },
      },
      'ERR_INPUT_VOTE',
      '书面赞成 2',
    ],
    [
      {
        fullMembershipMeeting: {
          date: '2023-12-27',
          expectedVoters: 32,
          presentVoters: 28,
          votesFor: 28,
          outcome: '通过',
        },
      },
      'ERR_INPUT_FIELD',
      'outcome',
    ],
    [
      { mentors: { date: '2021-10-15', people: [{ fullMemberSince: '2005-06-30' }] } },
      'ERR_INPUT_FIELD',
      'people[0].name',
    ],
    [{ activistReviews: { dates: ['2022-04-12', '2022-13-01'] } }, 'ERR_INPUT_DATE', 'dates[1]'],
  ])('rejects the bad step %j with %s', (patch, code, fragment) => {
    const result = readDossier(withSteps(patch), 3);

    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe(code);
    expect(!result.ok && result.error.message).toContain(fragment);
    expect(!result.ok && result.error.message.startsWith('第3行 ')).toBe(true);
  });

  it('rejects a dossier with neither birth date nor ID number', () => {
    const raw = structuredClone(clean);
    delete raw.birthDate;

    const result = readDossier(raw, 2);

    expect(!result.ok && result.error.code).toBe('ERR_INPUT_FIELD');
  });

  it('accepts an ID number alone as the source of the birth date', () => {
    const raw = structuredClone(clean);
    delete raw.birthDate;
    raw.idNumber = '11010519901103012X';

    expect(readDossier(raw, 1).ok).toBe(true);
  });

  it('rejects a probation extension without months', () => {
    const raw = { ...structuredClone(clean), probationExtensions: [{ decidedOn: '2023-12-27' }] };

    const result = readDossier(raw, 5);

    expect(!result.ok && result.error.message).toBe(
      '第5行 probationExtensions[0].months 缺少必填字段',
    );
  });

  it('reports a value that is not an object as unreadable JSON with a null id', () => {
    expect(readDossier([1, 2], 4)).toMatchObject({
      ok: false,
      id: null,
      error: { code: 'ERR_INPUT_JSON' },
    });
  });
});

describe('dossierSchema', () => {
  it('agrees with the fast reader on accepted and rejected dossiers', () => {
    const samples: unknown[] = [
      clean,
      withSteps({ partyClass: { date: '2022-01-01' } }),
      withSteps({ oath: { date: '2024-02-30' } }),
      withSteps({
        admissionMeeting: {
          date: '2022-12-27',
          expectedVoters: 31,
          presentVoters: 25,
          votesFor: 26,
        },
      }),
      withSteps({ politicalReview: { date: '2022-11-25', result: '良好' } }),
      withSteps({ training: { startDate: '2022-11-28', endDate: '2022-11-30', hours: -1 } }),
      withSteps({ oath: { date: '2023-02-15', note: '额外字段' } }),
      { ...clean, birthDate: undefined, idNumber: '11010519901103012X' },
      { ...clean, id: '' },
    ];

    for (const sample of samples) {
      expect(dossierSchema.safeParse(sample).success, JSON.stringify(sample).slice(0, 80)).toBe(
        readDossier(sample, 1).ok,
      );
    }
  });
});
