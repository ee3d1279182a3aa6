import JSZip from 'jszip';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../services/demo/demo-township';
import { openTestWorld, testDatabaseTargets, type TestWorld } from '../../services/testing';
import { SESSION_COOKIE } from '../access';
import { buildServer } from '../build-server';

// The ballot and the tally sheet read no tables, so one database (the first target) is enough.
const target = testDatabaseTargets()[0];

const SLATE = ['周平', '吴丽', '陈建国', '李秀英', '王海', '赵卫东'];

function query(extra: [string, string][] = []): string {
  return new URLSearchParams([
    ['title', '河口村党委党组织委员会正式选举'],
    ['kind', '党组织委员会'],
    ['seats', '5'],
    ...SLATE.map((n) => ['names', n] as [string, string]),
    ...extra,
  ]).toString();
}

async function text(body: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(body);
  return ((await zip.file('word/document.xml')?.async('string')) ?? '').replace(/<[^>]+>/g, '');
}

describe.runIf(target !== undefined)('election documents over HTTP', () => {
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

  it('sends the 计票单 with the candidates in the ballot order', async () => {
    const sheet = await get(
      `/api/elections/documents/tally-sheet.docx?${query([['date', '2027-03-20']])}`,
    );
    const ballot = await get(`/api/elections/documents/ballot.docx?${query()}`);

    expect(sheet.statusCode).toBe(200);
    expect(sheet.headers['content-disposition']).toContain(
      encodeURIComponent('河口村党委党组织委员会正式选举计票单.docx'),
    );
    const order = ['王海', '李秀英', '吴丽', '陈建国', '周平', '赵卫东'];
    for (const body of [sheet.rawPayload, ballot.rawPayload]) {
      const t = await text(body);
      const positions = order.map((n) => t.indexOf(n));
      expect(positions.every((p) => p > 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    }
    expect(await text(sheet.rawPayload)).toContain('2027年3月20日');
  });

  it('refuses a date that does not exist', async () => {
    const res = await get(
      `/api/elections/documents/tally-sheet.docx?${query([['date', '2027-02-30']])}`,
    );

    expect(res.statusCode).toBe(400);
  });
});
