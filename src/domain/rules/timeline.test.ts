import { describe, expect, it } from 'vitest';
import { createWorkdayCalendar } from '../calendar/workdays';
import type { Dossier } from '../dossier/types';
import { evaluate } from './catalogue';
import { DEFAULT_SETTINGS, resolveSettings } from './settings';
import { planTimeline } from './timeline';

const calendar = createWorkdayCalendar();

const activist: Dossier = {
  id: 'N-1',
  name: '测试',
  birthDate: '1995-01-01',
  branch: '测试支部',
  steps: {
    application: { date: '2022-09-01' },
    applicationTalk: { date: '2022-09-15' },
    activistSelection: { date: '2023-03-10', method: '党员推荐', decidedBy: '支部委员会' },
  },
};

describe('evaluate next', () => {
  it('gives the earliest 发展对象 date and the latest 考察 date after activist selection', () => {
    const { next } = evaluate(activist, {
      asOf: '2023-04-01',
      settings: DEFAULT_SETTINGS,
      calendar,
    });

    expect(next).toContainEqual({
      step: 'candidateSelection',
      earliest: '2024-03-10',
      latest: null,
      rule: 'DEV-08',
    });
    expect(next).toContainEqual(
      expect.objectContaining({ step: 'activistReviews', latest: '2023-09-10' }),
    );
  });

  it('gives the approval window of three months after the 支部大会', () => {
    const dossier: Dossier = {
      ...activist,
      steps: {
        ...activist.steps,
        admissionMeeting: { date: '2024-05-31', expectedVoters: 10, presentVoters: 9, votesFor: 9 },
      },
    };

    const { next } = evaluate(dossier, {
      asOf: '2024-06-01',
      settings: DEFAULT_SETTINGS,
      calendar,
    });

    expect(next).toContainEqual({
      step: 'approval',
      earliest: '2024-05-31',
      latest: '2024-08-31',
      rule: 'DEV-20',
    });
  });
});

describe('planTimeline', () => {
  it('plans every one of the 25 steps from an application date', () => {
    const rows = planTimeline('2025-03-01', { settings: DEFAULT_SETTINGS, calendar });

    expect(rows).toHaveLength(25);
    expect(rows.map((r) => [r.step, r.earliest])).toEqual([
      ['application', '2025-03-01'],
      ['applicationTalk', '2025-03-01'],
      ['activistSelection', '2025-09-01'],
      ['activistFiling', '2025-09-01'],
      ['mentors', '2025-09-01'],
      ['activistReviews', '2025-09-01'],
      ['candidateSelection', '2026-09-01'],
      ['candidateFiling', '2026-09-01'],
      ['sponsors', '2026-09-01'],
      ['politicalReview', '2026-09-01'],
      ['training', '2026-09-01'],
      ['committeeReview', '2026-09-03'],
      ['preReview', '2026-09-03'],
      ['applicationForm', '2026-09-03'],
      ['admissionMeeting', '2026-09-10'],
      ['approvalTalk', '2026-09-10'],
      ['approval', '2026-09-10'],
      ['approvalFiling', '2026-09-10'],
      ['groupAssignment', '2026-09-10'],
      ['oath', '2026-09-10'],
      ['probationReviews', '2026-09-10'],
      ['fullMembershipApplication', '2026-09-10'],
      ['fullMembershipMeeting', '2027-09-10'],
      ['fullMembershipApproval', '2027-09-10'],
      ['archiving', '2027-09-10'],
    ]);
  });

  it('counts the 公示 in working days across the 国庆 break', () => {
    // Application 2025-03-19 → 预审 2026-09-21 (Mon); 5 working days: 9/21–9/24, then 9/28 (9/25–27 中秋).
    const rows = planTimeline('2025-03-19', { settings: DEFAULT_SETTINGS, calendar });

    const meeting = rows.find((r) => r.step === 'admissionMeeting');

    expect(rows.find((r) => r.step === 'preReview')?.earliest).toBe('2026-09-21');
    expect(meeting).toMatchObject({ earliest: '2026-09-29', rule: 'DEV-NOTICE' });
  });

  it('follows the local minimum wait before activist selection', () => {
    const settings = resolveSettings({ applicationToActivistMinMonths: 3 });

    const rows = planTimeline('2025-03-01', { settings, calendar });

    expect(rows.find((r) => r.step === 'activistSelection')?.earliest).toBe('2025-06-01');
  });
});
