import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser } from './browser';
import { ensureWebBuild, repoRoot, startServer, type RunningServer } from './server';

const SHOTS = join(repoRoot, 'test-results');
const BRANCH = '河口村第一党支部';
const QUARTERS = ['一季度', '二季度', '三季度', '四季度'];

let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

/** Today in China, as the server judges dates. */
function today(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

async function login(username: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('Zugong@2026');
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** The 合计 学时 of a member of BRANCH, read from the 学习培训 › 学时 table. */
async function hoursOf(name: string): Promise<number> {
  await page.goto('/training?tab=hours');
  await page.getByLabel('党支部').click();
  await page.locator('.ant-select-item-option', { hasText: BRANCH }).click();
  const row = page.getByRole('row').filter({ hasText: name }).first();
  await row.waitFor();
  const total = await row.getByRole('cell').nth(5).innerText();
  return Number(total);
}

/** The state shown in the compliance matrix for BRANCH's 党员大会 in a quarter. */
async function assemblyState(quarter: string): Promise<string> {
  await page.goto('/meetings');
  const cell = page.getByRole('button', { name: new RegExp(`^${BRANCH} 党员大会 ${quarter} `) });
  await cell.waitFor();
  const label = (await cell.getAttribute('aria-label')) ?? '';
  return label.split(' ').at(-1) ?? '';
}

describe('组织生活 in Chromium against the real server', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ensureWebBuild();
    server = await startServer();
    ({ browser, page } = await openBrowser(server.baseUrl));
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('records a 支部党员大会: the quarter turns 已开展 and the attendees gain the hours', async () => {
    const date = today();
    const quarter = QUARTERS[Math.floor((Number(date.slice(5, 7)) - 1) / 3)] ?? '';
    await login('shuji');

    const before = await assemblyState(quarter);
    expect(['未到期', '缺少']).toContain(before);

    await page.goto('/meetings?tab=records');
    await page.getByLabel('党支部').click();
    await page.locator('.ant-select-item-option', { hasText: BRANCH }).click();
    const boxes = page.locator('.zg-ml-members .ant-checkbox-wrapper');
    await boxes.first().waitFor();
    const attendee = (await boxes.nth(0).innerText()).trim();
    const absentee = (await boxes.nth(1).innerText()).trim();
    const hoursBefore = await hoursOf(attendee);

    await page.goto('/meetings?tab=records');
    await page.getByLabel('党支部').click();
    await page.locator('.ant-select-item-option', { hasText: BRANCH }).click();
    await page.getByLabel('会议类型').click();
    await page.locator('.ant-select-item-option', { hasText: '支部党员大会' }).click();
    await page.getByLabel('日期').fill(date);
    await page.getByLabel('主题').fill('讨论第四季度重要事项（端到端测试）');
    await page.getByRole('checkbox', { name: absentee }).uncheck();
    await page.getByLabel(`${absentee} 请假理由（未填为无故缺席）`).fill('外出务工');
    const minutes = page.getByRole('textbox', { name: '会议记录' });
    await minutes.fill('会议由书记主持，讨论并通过了第四季度工作安排。');
    await minutes.press('Control+Enter');
    await page.getByText(`已登记：支部党员大会 ${date}`).waitFor();
    await page.screenshot({ path: join(SHOTS, 'meetings-recorded.png') });

    expect(await assemblyState(quarter)).toBe('已开展');
    expect(await hoursOf(attendee)).toBeCloseTo(hoursBefore + 1.5, 5);
    expect(pageErrors).toEqual([]);
  });

  it('refuses a meeting dated in the future with a Chinese message', async () => {
    const tomorrow = new Date(Date.now() + 8 * 3600_000 + 86_400_000).toISOString().slice(0, 10);
    await page.goto('/meetings?tab=records');
    await page.getByLabel('主题').fill('未来的会议');
    await page.getByLabel('日期').fill(tomorrow);
    await page.getByRole('button', { name: /保存/ }).click();
    await page.getByText(/晚于今天/).waitFor();
  });
});
