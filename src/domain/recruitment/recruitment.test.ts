import { describe, expect, it } from 'vitest';
import { createWorkdayCalendar } from '../calendar/workdays';
import {
  backdatingFlags,
  chinaDateOf,
  DEFAULT_BACKDATING_SETTINGS,
  isLateEntry,
  lateEntryDays,
} from './backdating';
import { noticePeriod } from './notice';
import { memberStructure } from './plan';
import { latestStepDate, stageOf, stepDateOf } from './stage';

const calendar = createWorkdayCalendar();

describe('stageOf', () => {
  it.each([
    [{ application: { date: '2025-03-01' } }, 'applicant'],
    [{ activistSelection: { date: '2025-09-01' } }, 'activist'],
    [{ candidateSelection: { date: '2026-09-01' } }, 'candidate'],
    [{ approval: { date: '2026-10-01' } }, 'probationary'],
    [
      {
        fullMembershipMeeting: {
          date: '2027-10-01',
          expectedVoters: 5,
          presentVoters: 5,
          votesFor: 5,
          outcome: '转为正式党员' as const,
        },
        fullMembershipApproval: { date: '2027-10-20' },
        approval: { date: '2026-10-01' },
      },
      'full',
    ],
    [
      {
        candidateSelection: { date: '2026-09-01' },
        politicalReview: { date: '2026-09-20', result: '不合格' as const },
      },
      'stopped',
    ],
  ])('%j is %s', (steps, expected) => {
    expect(stageOf(steps)).toBe(expected);
  });
});

describe('stepDateOf and latestStepDate', () => {
  it('takes date, else endDate, else the last of dates', () => {
    expect(stepDateOf({ date: '2026-01-02' })).toBe('2026-01-02');
    expect(stepDateOf({ startDate: '2026-01-02', endDate: '2026-01-05' })).toBe('2026-01-05');
    expect(stepDateOf({ dates: ['2026-03-01', '2026-01-01'] })).toBe('2026-03-01');
    expect(stepDateOf({})).toBeNull();
    expect(
      latestStepDate({
        application: { date: '2025-01-01' },
        applicationTalk: { date: '2025-01-20' },
      }),
    ).toBe('2025-01-20');
  });
});

describe('late entry (补录)', () => {
  it('counts days to the China calendar day of the recording', () => {
    // 2026-03-02T17:00Z is already 2026-03-03 in China.
    expect(chinaDateOf('2026-03-02T17:00:00Z')).toBe('2026-03-03');
    expect(lateEntryDays('2026-02-01', '2026-03-02T17:00:00Z')).toBe(30);
  });

  it('is late after more than N days: 30 days is on time, 31 is late', () => {
    expect(isLateEntry('2026-02-01', '2026-03-03T02:00:00Z', DEFAULT_BACKDATING_SETTINGS)).toBe(
      false,
    );
    expect(isLateEntry('2026-02-01', '2026-03-04T02:00:00Z', DEFAULT_BACKDATING_SETTINGS)).toBe(
      true,
    );
    expect(isLateEntry(null, '2026-03-04T02:00:00Z', DEFAULT_BACKDATING_SETTINGS)).toBe(false);
  });
});

describe('backdatingFlags', () => {
  const steps = {
    application: { date: '2025-01-06' },
    applicationTalk: { date: '2025-01-20' },
    activistSelection: { date: '2025-07-15' },
    mentors: { date: '2025-07-18', people: [] },
  };
  const at = (iso: string, step: keyof typeof steps, date: string) => ({
    step,
    date,
    recordedAt: iso,
    recordedBy: '王书记',
  });

  it('flags four steps spanning months entered in one sitting, and each late step', () => {
    const flags = backdatingFlags(
      steps,
      [
        at('2026-11-20T02:00:00Z', 'application', '2025-01-06'),
        at('2026-11-20T02:05:00Z', 'applicationTalk', '2025-01-20'),
        at('2026-11-20T02:10:00Z', 'activistSelection', '2025-07-15'),
        at('2026-11-20T02:15:00Z', 'mentors', '2025-07-18'),
      ],
      DEFAULT_BACKDATING_SETTINGS,
      calendar,
    );
    expect(flags.filter((f) => f.kind === 'late')).toHaveLength(4);
    expect(flags.filter((f) => f.kind === 'batch')).toHaveLength(1);
  });

  it('does not flag three steps in one sitting, nor four entered hours apart', () => {
    const three = backdatingFlags(
      steps,
      [
        at('2025-01-06T02:00:00Z', 'application', '2025-01-06'),
        at('2025-01-06T02:05:00Z', 'applicationTalk', '2025-01-06'),
        at('2025-01-06T02:10:00Z', 'activistSelection', '2025-01-06'),
      ],
      DEFAULT_BACKDATING_SETTINGS,
      calendar,
    );
    expect(three).toEqual([]);
    const apart = backdatingFlags(
      steps,
      [
        at('2025-01-07T02:00:00Z', 'application', '2025-01-06'),
        at('2025-01-21T02:00:00Z', 'applicationTalk', '2025-01-20'),
        at('2025-07-16T02:00:00Z', 'activistSelection', '2025-07-15'),
        at('2025-07-18T05:00:00Z', 'mentors', '2025-07-18'),
      ],
      DEFAULT_BACKDATING_SETTINGS,
      calendar,
    );
    expect(apart).toEqual([]);
  });

  it('flags a 预审 dated before the 政审 conclusion it depends on, not one on the same day', () => {
    const before = backdatingFlags(
      {
        politicalReview: { date: '2026-04-10', result: '合格' },
        preReview: { date: '2026-04-09' },
      },
      [],
      DEFAULT_BACKDATING_SETTINGS,
      calendar,
    );
    expect(before.map((f) => f.kind)).toEqual(['dependency']);
    const same = backdatingFlags(
      {
        politicalReview: { date: '2026-04-10', result: '合格' },
        preReview: { date: '2026-04-10' },
      },
      [],
      DEFAULT_BACKDATING_SETTINGS,
      calendar,
    );
    expect(same).toEqual([]);
  });

  it('notes an approval dated on a holiday (info), not on a 调休 working Sunday', () => {
    const holiday = backdatingFlags(
      { approval: { date: '2026-10-02' } },
      [],
      DEFAULT_BACKDATING_SETTINGS,
      calendar,
    );
    expect(holiday.map((f) => [f.kind, f.severity])).toEqual([['holiday', 'info']]);
    const makeup = backdatingFlags(
      { approval: { date: '2026-09-20' } },
      [],
      DEFAULT_BACKDATING_SETTINGS,
      calendar,
    );
    expect(makeup).toEqual([]);
  });
});

describe('noticePeriod (公示)', () => {
  it('skips 国庆: five working days from 2026-09-28 end on 2026-10-09', () => {
    expect(noticePeriod('2026-09-28', 5, calendar)).toEqual({
      startDate: '2026-09-28',
      endDate: '2026-10-09',
      workdays: 5,
      calendarComplete: true,
    });
  });

  it('counts the 调休 Sunday 2026-09-20 (reference.md TC-31)', () => {
    expect(noticePeriod('2026-09-17', 5, calendar).endDate).toBe('2026-09-22');
  });

  it('starts on the next working day when the start is a rest day', () => {
    expect(noticePeriod('2026-11-28', 5, calendar)).toMatchObject({
      startDate: '2026-11-30',
      endDate: '2026-12-04',
    });
  });

  it('says when a year has no holiday table', () => {
    expect(noticePeriod('2027-03-01', 5, calendar).calendarComplete).toBe(false);
  });
});

describe('memberStructure', () => {
  const base = { gender: '男' as const, education: '高中', occupation: '农民' };
  it('counts 35岁及以下 on the admission day: 35 counts, 36 does not', () => {
    const s = memberStructure([
      { ...base, birthDate: '1991-06-01', admittedOn: '2026-06-01' },
      { ...base, birthDate: '1990-06-01', admittedOn: '2026-06-01' },
      { ...base, birthDate: null, admittedOn: '2026-06-01' },
    ]);
    expect(s).toMatchObject({ total: 3, youth: 1 });
  });

  it('counts women, 大专及以上, education and occupation', () => {
    const s = memberStructure([
      {
        birthDate: null,
        gender: '女',
        education: '本科',
        occupation: '工人',
        admittedOn: '2026-01-05',
      },
      {
        birthDate: null,
        gender: '男',
        education: '大专',
        occupation: '农民',
        admittedOn: '2026-01-05',
      },
      {
        birthDate: null,
        gender: '男',
        education: null,
        occupation: '农民',
        admittedOn: '2026-01-05',
      },
    ]);
    expect(s).toEqual({
      total: 3,
      youth: 0,
      female: 1,
      college: 2,
      byEducation: { 本科: 1, 大专: 1, 未填: 1 },
      byOccupation: { 工人: 1, 农民: 2 },
    });
  });
});
