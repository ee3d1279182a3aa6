import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../services/demo/demo-township';
import { openTestWorld, testDatabaseTargets, type TestWorld } from '../../services/testing';
import { SESSION_COOKIE } from '../access';
import { buildServer } from '../build-server';

// The handbook reads no tables, so one database (the first target, SQLite) is enough.
const target = testDatabaseTargets()[0];

describe.runIf(target !== undefined)('handbook HTTP API', () => {
  let w: TestWorld;
  let app: FastifyInstance;
  let get: (url: string) => Promise<Awaited<ReturnType<FastifyInstance['inject']>>>;

  beforeAll(async () => {
    w = await openTestWorld(target!);
    app = (await buildServer({ ctx: w.ctx })).app;
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'shuji', password: DEMO_PASSWORD },
    });
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? '';
    get = (url) =>
      app.inject({ method: 'GET', url, headers: { cookie: `${SESSION_COOKIE}=${cookie}` } });
  });
  afterAll(async () => {
    await app.close();
    await w.close();
  });

  it('refuses the handbook without a session', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/handbook' });

    expect(res.statusCode).toBe(401);
  });

  it('lists every rule grouped by regulation and topic, and the questions', async () => {
    const res = await get('/api/handbook');

    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      rules: { id: string }[];
      questions: unknown[];
      topics: { module: string }[];
    };
    expect(body.rules.map((r) => r.id)).toEqual(expect.arrayContaining(['DEV-09', 'DUES-02']));
    expect(body.questions.length).toBeGreaterThanOrEqual(60);
    expect(body.topics.map((t) => t.module)).toContain('dues');
  });

  it('shows a rule with its worked examples from the case files and its settings', async () => {
    const notice = (await get('/api/handbook/rules/DEV-NOTICE')).json() as {
      examples: { outcome: string }[];
      settings: { key: string; source: string }[];
    };
    const dues = (await get('/api/handbook/rules/DUES-02')).json() as {
      examples: { detail: string }[];
    };

    expect(notice.examples.some((e) => e.outcome === 'flagged')).toBe(true);
    expect(notice.examples.some((e) => e.outcome === 'clean')).toBe(true);
    expect(notice.settings.map((s) => s.key)).toContain('publicNoticeWorkdays');
    expect(dues.examples.map((e) => e.detail)).toContain('每月 75.00 元');
    expect((await get('/api/handbook/rules/NOPE-1')).statusCode).toBe(404);
  });

  it('opens a question with the titles of the rules it cites', async () => {
    const body = (await get('/api/handbook/questions/Q01')).json() as {
      rules: { id: string; title: string }[];
    };

    expect(body.rules[0]?.id).toBe('DEV-09');
  });

  it('searches with highlights and refuses a query of punctuation only in Chinese', async () => {
    const found = (await get(`/api/handbook/search?q=${encodeURIComponent('介绍人')}`)).json() as {
      hits: { id: string }[];
    };
    const empty = await get(`/api/handbook/search?q=${encodeURIComponent('？？')}`);
    const long = await get(`/api/handbook/search?q=${encodeURIComponent('党'.repeat(500))}`);

    expect(found.hits.map((h) => h.id)).toContain('Q01');
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ code: 'ERR_HANDBOOK_QUERY_INVALID' });
    expect((empty.json() as { message: string }).message).toContain('标点');
    expect(long.json()).toMatchObject({ code: 'ERR_HANDBOOK_QUERY_INVALID' });
  });

  it('computes 党费 at the boundaries and names the rule', async () => {
    const cases: [string, string, string, string][] = [
      ['在职', '3000.00', '15.00', 'DUES-02'],
      ['在职', '3000.01', '30.00', 'DUES-02'],
      ['在职', '5000.00', '50.00', 'DUES-02'],
      ['在职', '5000.01', '75.00', 'DUES-02'],
      ['在职', '10000.00', '150.00', 'DUES-02'],
      ['在职', '10000.01', '200.00', 'DUES-02'],
      ['离退休', '5000.00', '25.00', 'DUES-05'],
      ['离退休', '5000.01', '50.00', 'DUES-05'],
    ];
    for (const [category, income, monthly, rule] of cases) {
      const res = await get(
        `/api/handbook/dues?category=${encodeURIComponent(category)}&income=${income}`,
      );
      expect(res.json(), `${category} ${income}`).toMatchObject({ monthly, rule });
    }
  });

  it.each([
    ['income=-5', 'income', '负数'],
    ['income=abc', 'income', '金额数字'],
    ['income=', 'income', '请填写月收入'],
    [`category=${encodeURIComponent('干部')}&income=1`, 'category', '党员类别'],
    [`category=${encodeURIComponent('农民')}&farmerAmount=2`, 'farmerAmount', '0.20 元至 1.00 元'],
  ])('refuses 党费 input %s with a Chinese message', async (query, field, part) => {
    const res = await get(`/api/handbook/dues?${query}`);

    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'ERR_CALCULATOR_INPUT_INVALID', field });
    expect((res.json() as { message: string }).message).toContain(part);
  });

  it('computes 预备期满 and 党龄 with an extension', async () => {
    const res = await get(
      '/api/handbook/membership-age?admissionMeetingDate=2024-07-01&extensionMonths=6&asOf=2026-11-27',
    );

    expect(res.json()).toMatchObject({
      probationEnd: '2026-01-01',
      fullMemberSince: '2026-01-01',
      partyStanding: { years: 0, months: 10 },
      rules: ['DEV-24', 'DEV-26'],
    });
  });

  it('refuses a date that does not exist', async () => {
    const res = await get(
      '/api/handbook/membership-age?admissionMeetingDate=2025-02-30&asOf=2026-11-27',
    );

    expect(res.statusCode).toBe(400);
    expect((res.json() as { message: string }).message).toContain('2025-02-30');
  });

  it('counts working days, ends a 公示 and warns for a year without holiday data', async () => {
    const notice = (await get('/api/handbook/workdays?mode=notice&start=2026-09-28')).json();
    const count = (
      await get('/api/handbook/workdays?mode=count&start=2026-09-28&end=2026-10-08')
    ).json();
    const next = (await get('/api/handbook/workdays?mode=add&start=2026-12-28&days=5')).json() as {
      warnings: string[];
    };

    expect(notice).toMatchObject({ end: '2026-10-09', nextDay: '2026-10-10', warnings: [] });
    expect(count).toMatchObject({ workdays: 4 });
    expect(next.warnings[0]).toContain('2027 年没有节假日安排数据');
  });

  it('plans the 发展党员 timeline from an application date', async () => {
    const res = await get('/api/handbook/plan?from=2025-03-01');

    const body = res.json() as { steps: { step: string; earliest: string }[] };
    expect(body.steps).toHaveLength(25);
    expect(body.steps[0]).toMatchObject({ step: 'application', earliest: '2025-03-01' });
  });

  it('gives the election thresholds of reference.md TC-32 and TC-34', async () => {
    const tc32 = (
      await get('/api/handbook/election-thresholds?expected=10&present=8&seats=5&date=2021-06-01')
    ).json();
    const tc34 = (
      await get('/api/handbook/election-thresholds?expected=20&present=17&seats=5&date=2021-06-01')
    ).json();
    const before2020 = (
      await get('/api/handbook/election-thresholds?expected=20&present=17&seats=5&date=2019-06-01')
    ).json();

    expect(tc32).toMatchObject({ minPresent: 9, isQuorate: false, minCandidates: 6 });
    expect(tc34).toMatchObject({ minVotes: 11, isQuorate: true });
    expect(before2020).toMatchObject({ minVotes: 9 });
    const bad = await get(
      '/api/handbook/election-thresholds?expected=10&present=12&seats=5&date=2021-06-01',
    );
    expect(bad.json()).toMatchObject({ code: 'ERR_CALCULATOR_INPUT_INVALID', field: 'present' });
  });

  it('gives the 换届 dates from a term start', async () => {
    const res = await get('/api/handbook/term-dates?termStart=2021-03-01');

    expect(res.json()).toMatchObject({
      termEnd: '2026-03-01',
      latestWithApproval: '2027-03-01',
      reminderFrom: '2025-12-01',
    });
    expect((res.json() as { steps: unknown[] }).steps.length).toBeGreaterThan(3);
  });
});
