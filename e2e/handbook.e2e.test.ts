import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser } from './browser';
import { ensureWebBuild, repoRoot, startServer, type RunningServer } from './server';

const SHOTS = join(repoRoot, 'test-results');
const SECRETARY = { username: 'shuji', password: 'Zugong@2026' };
const NEW_PASSWORD = 'Hekou2026xyz';

let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

async function shot(name: string): Promise<void> {
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(SHOTS, name), fullPage: true });
}

async function search(text: string): Promise<void> {
  const box = page.getByPlaceholder(/输入问题或关键词/);
  await box.fill(text);
  await box.press('Enter');
}

describe('问不倒 in the browser', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ensureWebBuild();
    server = await startServer();
    ({ browser, page } = await openBrowser(server.baseUrl));
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await page.goto('/ask');
    await page.getByLabel('用户名').fill(SECRETARY.username);
    await page.getByLabel('密码').fill(SECRETARY.password);
    await page.getByRole('button', { name: '登录' }).click();
    const forced = page.getByText('首次登录，请先修改密码');
    const header = page.getByRole('heading', { name: '问不倒' });
    await forced.or(header).first().waitFor();
    if (await forced.isVisible()) {
      await page.getByLabel('当前密码').fill(SECRETARY.password);
      await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel('确认新密码').fill(NEW_PASSWORD);
      await page.getByRole('button', { name: '确认修改' }).click();
    }
    if (!new URL(page.url()).pathname.startsWith('/ask')) {
      await page.goto('/ask');
    }
    await header.waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('searches 介绍人 and marks the word in the answers found', async () => {
    await search('介绍人');

    const first = page.locator('.zg-search-hit').first();
    await first.waitFor();
    expect(await first.locator('mark').first().innerText()).toContain('介绍人');
    expect(await page.locator('.zg-search-results').innerText()).toContain(
      '预备党员能否担任入党介绍人',
    );
    await shot('handbook-search.png');
  });

  it('searches jsr by pinyin initials, opens the answer and follows its citation to the rule', async () => {
    await search('jsr');
    const hit = page.locator('.zg-search-hit', { hasText: '预备党员能否担任入党介绍人' });
    // The earlier results stay on screen until the new ones arrive: wait for the initials' marks.
    await expect.poll(() => hit.locator('mark').first().innerText()).toBe('介绍人');

    await hit.click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('不能。入党介绍人必须是正式党员', { exact: false }).waitFor();
    expect(await drawer.innerText()).toContain('第十四条（条号待核实）');
    await shot('handbook-answer.png');

    await drawer.locator('.zg-rule-link', { hasText: 'DEV-09' }).click();
    await drawer.getByText('案例（来自规则测试用例）').waitFor();
    expect(new URL(page.url()).searchParams.get('rule')).toBe('DEV-09');
    expect(await drawer.innerText()).toContain('条号待核实');
    await shot('handbook-rule.png');
    await page.keyboard.press('Escape');
  });

  it('says in Chinese why a query of punctuation only finds nothing', async () => {
    await search('？？！');

    const error = page.locator('.zg-search-error');
    await error.waitFor();
    expect(await error.innerText()).toContain('只有标点符号');
  });

  it('computes 党费 with its rule and refuses a negative income', async () => {
    await page.getByRole('tab', { name: '计算器' }).click();
    const card = page.locator('.zg-calc-dues');
    await card.getByLabel('月收入（元）').fill('5000.01');
    await card.getByRole('button', { name: '计算' }).click();
    await card.getByText('每月党费 75.00 元').waitFor();
    expect(await card.innerText()).toContain('DUES-02');

    const workdays = page.locator('.zg-calc-workdays');
    await workdays.getByLabel('开始日期').fill('2026-09-28');
    await workdays.getByRole('button', { name: '计算' }).click();
    await workdays.getByText('2026-10-09 结束', { exact: false }).waitFor();
    const age = page.locator('.zg-calc-age');
    await age.getByLabel('接收预备党员的支部大会日期').fill('2024-07-01');
    await age.getByLabel('延长预备期（月，可空）').fill('6');
    await age.getByLabel('计算到哪天').fill('2026-11-27');
    await age.getByRole('button', { name: '计算' }).click();
    await age.getByText('2026-01-01').first().waitFor();
    const election = page.locator('.zg-calc-election');
    await election.getByLabel('应到人数').fill('10');
    await election.getByLabel('实到人数').fill('8');
    await election.getByLabel('应选人数').fill('5');
    await election.getByRole('button', { name: '计算' }).click();
    await election.getByText('不能进行选举', { exact: false }).waitFor();
    const term = page.locator('.zg-calc-term');
    await term.getByLabel('本届任期开始日期').fill('2021-03-01');
    await term.getByRole('button', { name: '计算' }).click();
    await term.getByText('2027-03-01').waitFor();
    await shot('handbook-calculators.png');

    await card.getByLabel('月收入（元）').fill('-1');
    await card.getByRole('button', { name: '计算' }).click();
    await card.locator('.zg-calc-error').getByText('月收入不能为负数').waitFor();
    expect(pageErrors).toEqual([]);
  });
});
