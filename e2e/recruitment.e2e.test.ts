import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser } from './browser';
import { ensureWebBuild, repoRoot, startServer, type RunningServer } from './server';

const SHOTS = join(repoRoot, 'test-results');
const APPLICANT = '测试申请人';

let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

/** A date `days` before today in China (the server judges dates by the China calendar). */
function daysAgo(days: number): string {
  const china = new Date(Date.now() + 8 * 3600_000 - days * 86_400_000);
  return china.toISOString().slice(0, 10);
}

/** Types a date into an antd DatePicker and confirms it. */
async function pickDate(label: string, value: string): Promise<void> {
  const input = page.getByRole('dialog').getByLabel(label, { exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

describe('发展党员 in the browser', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ensureWebBuild();
    server = await startServer();
    ({ browser, page } = await openBrowser(server.baseUrl, { acceptDownloads: true }));
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') {
      await page.screenshot({
        path: join(SHOTS, `recruitment-failed-${context.task.name.slice(0, 12)}.png`),
      });
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('logs the 组织委员 in and shows the pipeline of the demo township', async () => {
    await page.goto('/login');
    await page.getByLabel('用户名').fill('zuzhi');
    await page.getByLabel('密码').fill('Zugong@2026');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText(/(上午好|下午好|晚上好)，/).waitFor();
    await page.goto('/recruitment');
    await page.getByText('QS-2025-020').waitFor();
    await expect
      .poll(() => page.getByTestId('stage-total-activist').innerText())
      .toMatch(/积极分子\s*[1-9]/);
  });

  it('creates an applicant and enters the application', async () => {
    await page.getByRole('button', { name: '新建申请人' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('姓名').fill(APPLICANT);
    await pickDate('出生日期', '2000-03-15');
    await dialog.getByRole('button', { name: '建立档案' }).click();
    await page.getByText(`${APPLICANT} · `).waitFor();

    await page.getByTestId('step-application').getByRole('button', { name: '录入' }).click();
    await pickDate('日期', daysAgo(20));
    await page.getByTestId('step-preview').getByText('未发现问题').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText('已保存').waitFor();
    await expect
      .poll(() => page.getByTestId('step-application').innerText())
      .toContain(daysAgo(20));
  });

  it('shows a talk dated before the application as an error with its citation, then clears it', async () => {
    await page.getByTestId('step-applicationTalk').getByRole('button', { name: '录入' }).click();
    const preview = page.getByTestId('step-preview');
    // Wrong: the talk three days before the application.
    await pickDate('日期', daysAgo(23));
    await preview.getByText('保存后会有以下错误').waitFor();
    const text = await preview.innerText();
    expect(text).toContain('DEV-ORDER');
    expect(text).toMatch(/出处：《[^》]+》/);
    const save = page.getByRole('dialog').getByRole('button', { name: '保存', exact: true });
    expect(await save.isDisabled()).toBe(true);
    await page.getByRole('dialog').getByRole('button', { name: '保存并标记问题' }).waitFor();
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(SHOTS, 'recruitment-violation.png') });

    // Corrected: ten days after the application, inside the one-month window.
    await pickDate('日期', daysAgo(10));
    await preview.getByText('未发现问题').waitFor();
    expect(await preview.innerText()).not.toContain('DEV-ORDER');
    await save.click();
    await page.getByText('已保存').first().waitFor();
    await page.getByTestId('findings').getByText('未发现问题').waitFor();
    await expect
      .poll(() => page.getByTestId('step-applicationTalk').innerText())
      .toContain(daysAgo(10));
    await page.getByText(`录入“党组织派人谈话” ${daysAgo(10)}`).waitFor();
  });

  it('downloads the 公示 .docx with the name and the working-day end date', async () => {
    await page.getByRole('button', { name: '文书' }).hover();
    await page.getByRole('menuitem', { name: '发展对象公示' }).click();
    await pickDate('公示开始日期', '2026-09-28');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('dialog').getByRole('button', { name: '下载公示' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${APPLICANT}-发展对象公示.docx`);
    const file = join(mkdtempSync(join(tmpdir(), 'zugong-notice-')), 'notice.docx');
    await download.saveAs(file);
    const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' });
    expect(xml).toContain(APPLICANT);
    // 2026-09-28 plus five working days: 10-01…10-07 are 国庆 holidays, so it ends on 10-09.
    expect(xml).toContain('公示时间：2026年9月28日至2026年10月9日（共5个工作日）');
    expect(pageErrors).toEqual([]);
  });
});
