import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser } from './browser';
import { ensureWebBuild, repoRoot, startServer, type RunningServer } from './server';

const SHOTS = join(repoRoot, 'test-results');
const KEEP =
  process.env.ELECTIONS_SCREENSHOTS === '1' ? join(repoRoot, 'docs', 'screenshots') : SHOTS;

let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

const SLATE = [
  ['周平', 36],
  ['吴丽', 33],
  ['陈建国', 30],
  ['李秀英', 25],
  ['王海', 22],
  ['赵卫东', 12],
] as const;

/** The slate in 姓氏笔画 order, as the ballot and the tally sheet must list it. */
const STROKE_ORDER = ['王海', '李秀英', '吴丽', '陈建国', '周平', '赵卫东'];

/** Picks an option of the antd Select with the given id. */
async function choose(id: string, option: string): Promise<void> {
  await page.locator(`#${id}`).click();
  await page.locator('.ant-select-dropdown:visible').getByText(option, { exact: true }).click();
}

describe('换届选举 in the browser', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ensureWebBuild();
    server = await startServer();
    ({ browser, page } = await openBrowser(server.baseUrl, { acceptDownloads: true }));
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') {
      await page.screenshot({ path: join(SHOTS, `elections-failed-${context.task.id}.png`) });
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the township term register with the overdue village and the 6-month warnings', async () => {
    await page.goto('/login');
    await page.getByLabel('用户名').fill('zuzhi');
    await page.getByLabel('密码').fill('Zugong@2026');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText(/(上午好|下午好|晚上好)，/).waitFor();
    await page.goto('/elections');
    await page.getByText('青山社区党总支').waitFor();

    const text = await page.locator('.ant-table').innerText();
    expect(text).toContain('已届满');
    expect(text).toContain('ELC-01');
    expect(text).toContain('《中国共产党基层组织选举工作条例》第三条');
    await page.screenshot({ path: join(KEEP, 'elections-register.png'), fullPage: true });
  });

  it('plans an election from 选举日 back, with the voter roll 20 days before', async () => {
    await page.getByRole('tab', { name: '换届计划' }).click();
    await choose('plan-village', '石桥村党支部');
    await page.locator('#plan-date').fill('2027-03-20');
    await page.getByRole('button', { name: '倒排计划' }).click();
    await page.getByText('选民登记与公布').waitFor();

    const text = await page.locator('.ant-table').innerText();
    expect(text).toContain('2027-02-28');
    expect(text).toContain('2027-03-30');
    expect(text).toContain('第十四条');
    expect(text).toContain('选民名单异议处理');
    expect(text).toContain('2027-03-08');

    // VC-05: an election 19 days from today with the voter roll published today is too close.
    const day = (offset: number) => {
      const d = new Date();
      d.setDate(d.getDate() + offset);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    };
    await page.locator('#plan-date').fill(day(19));
    await page.getByRole('button', { name: '倒排计划' }).click();
    await page.getByText(day(-1)).first().waitFor();
    await page.locator('#plan-done-date').fill(day(0));
    await page.getByTestId('plan-mark-voterRoll').click();
    const findings = page.getByTestId('plan-findings');
    await findings.getByText('只有 19 日，不足二十日').waitFor();
    expect(await findings.innerText()).toContain('《中华人民共和国村民委员会组织法》第十四条');
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(KEEP, 'elections-plan.png'), fullPage: true });

    // One more day and the roll is on time: the appeal dates are shown instead.
    await page.locator('#plan-date').fill(day(20));
    await page.getByRole('button', { name: '倒排计划' }).click();
    await findings.getByText(`异议申诉至 ${day(5)}`).waitFor();
    expect(await findings.innerText()).not.toContain('不足二十日');
  });

  it('screens candidates from the roster and explains a negative-list hit', async () => {
    await page.getByRole('tab', { name: '候选人资格' }).click();
    await choose('cand-village', '河口村党委');
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    await page.locator('#cand-people').click();
    const options = page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '党员' });
    await options.first().waitFor();
    for (let i = 0; i < 6; i++) {
      await options.nth(i).click();
    }
    await page.keyboard.press('Escape');
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    await page.locator('#cand-negative-0').click();
    await page
      .locator('.ant-select-dropdown:visible')
      .getByText('被列为失信被执行人', { exact: true })
      .click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '检查资格和差额' }).click();
    await page.getByText('不符合资格').first().waitFor();

    const text = await page.locator('.ant-card').nth(1).innerText();
    expect(text).toContain('CAND-NEGATIVE');
    expect(text).toContain('地方口径');
    await page.getByRole('heading', { name: '换届选举' }).click();
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(KEEP, 'elections-candidates.png'), fullPage: true });
  });

  it('judges the round live, saves it and downloads the ballot in stroke order', async () => {
    await page.getByRole('tab', { name: '会场计票' }).click();
    await choose('tally-village', '河口村党委');
    await page.locator('#tally-code').fill('HK-2027-支委');
    for (const [key, value] of [
      ['seats', 5],
      ['expectedVoters', 42],
      ['presentVoters', 38],
      ['ballotsIssued', 38],
      ['ballotsReturned', 38],
    ] as const) {
      await page.locator(`#tally-${key}`).fill(String(value));
    }
    for (let i = 0; i < SLATE.length; i++) {
      if (i > 0) {
        await page.getByRole('button', { name: '添加候选人' }).click();
      }
      await page.locator(`#candidate-name-${i}`).fill(SLATE[i]![0]);
      await page.locator(`#candidate-votes-${i}`).fill(String(SLATE[i]![1]));
    }
    await page.getByTestId('elected').getByText('周平、吴丽、陈建国、李秀英、王海').waitFor();
    const result = await page.getByTestId('tally-result').innerText();
    expect(result).toContain('选举有效');
    expect(result).toContain('至少 22 票');
    expect(result).toContain('赵卫东');
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(KEEP, 'elections-tally.png'), fullPage: true });

    // One vote fewer for 王海 (21 = half of 42): not elected, one seat goes to 另行选举.
    await page.locator('#candidate-votes-4').fill('21');
    await page.getByText('不足名额 1 名，另行选举').waitFor();
    await page.locator('#candidate-votes-4').fill('22');
    await page.getByTestId('elected').getByText('周平、吴丽、陈建国、李秀英、王海').waitFor();

    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('link', { name: '下载选票（.docx）' }).click();
    const download = await downloadPromise;
    const path = join(SHOTS, 'elections-ballot.docx');
    await download.saveAs(path);
    const zip = await JSZip.loadAsync(readFileSync(path));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const text = xml.replace(/<[^>]+>/g, '');
    // 王 (4 strokes); 李 吴 陈 (7: 起笔 横 < 竖 < 折); 周 (8); 赵 (9).
    const order = STROKE_ORDER.map((n) => text.indexOf(n));
    expect(order.every((p) => p > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);

    const sheetDownload = page.waitForEvent('download');
    await page.getByRole('link', { name: '下载计票单（.docx）' }).click();
    const sheetPath = join(SHOTS, 'elections-tally-sheet.docx');
    await (await sheetDownload).saveAs(sheetPath);
    const sheetZip = await JSZip.loadAsync(readFileSync(sheetPath));
    const sheet = ((await sheetZip.file('word/document.xml')?.async('string')) ?? '').replace(
      /<[^>]+>/g,
      '',
    );
    const sheetOrder = STROKE_ORDER.map((n) => sheet.indexOf(n));
    expect(sheetOrder.every((p) => p > 0)).toBe(true);
    expect([...sheetOrder].sort((a, b) => a - b)).toEqual(sheetOrder);
    expect(sheet).toContain('计票单');
    expect(sheet).toContain('监票人');

    await page.getByRole('button', { name: '保存本轮' }).click();
    await page.getByText('已保存：HK-2027-支委').waitFor();
    await page.getByText('HK-2027-支委 已选满名额：任期台账已开始新一届任期').waitFor();
    await page.getByRole('cell', { name: 'HK-2027-支委' }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
