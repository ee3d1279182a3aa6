import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckChar } from '../src/domain/id-number';
import { openBrowser } from './browser';
import { ensureWebBuild, repoRoot, startServer, type RunningServer } from './server';

const SHOTS = join(repoRoot, 'test-results');

let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

function idNumber(birth: string, seq: number): string {
  const first17 = `990102${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

const HEADERS = [
  '姓名',
  '性别',
  '出生日期',
  '公民身份号码',
  '学历',
  '所在党组织',
  '党籍状态',
  '入党日期',
  '转正日期',
];

async function rosterFile(dir: string, name: string, badId: boolean): Promise<string> {
  const good = idNumber('1984-03-12', 951);
  const wrong = `${good.slice(0, 17)}${good.endsWith('0') ? '1' : '0'}`;
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('党员花名册');
  sheet.addRow(HEADERS);
  sheet.addRow([
    '测试甲',
    '男',
    '1984-03-12',
    badId ? wrong : good,
    '大专',
    '河口村第一党支部',
    '正式党员',
    '2008-06-20',
    '2009-06-20',
  ]);
  sheet.addRow([
    '测试乙',
    '女',
    '1990-10-02',
    idNumber('1990-10-02', 952),
    '本科',
    '石桥村党支部',
    '预备党员',
    '2026-05-06',
    '',
  ]);
  const path = join(dir, name);
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
  return path;
}

async function shot(name: string): Promise<void> {
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(SHOTS, name), fullPage: true });
}

describe('党员队伍 in Chromium against the real server', () => {
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

  it('refuses a file with a bad ID number, imports the fixed file, finds the member by initials and opens the village', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zugong-roster-e2e-'));
    await page.goto('/login');
    await page.getByLabel('用户名').fill('zuzhi');
    await page.getByLabel('密码').fill('Zugong@2026');
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/');

    await page.goto('/members?tab=import');
    await page.locator('input[type=file]').setInputFiles(await rosterFile(dir, 'bad.xlsx', true));
    const problems = page.locator('.zg-import-problems');
    await problems.waitFor();
    const report = await problems.innerText();
    expect(report).toContain('第2行');
    expect(report).toContain('公民身份号码');
    expect(report).toContain('校验位不正确');
    expect(await page.getByRole('button', { name: /确认导入/ }).count()).toBe(0);
    await shot('roster-import-errors.png');

    await page.locator('input[type=file]').setInputFiles(await rosterFile(dir, 'good.xlsx', false));
    const confirm = page.getByRole('button', { name: /确认导入（新增 2，更新 0）/ });
    await confirm.waitFor();
    await confirm.click();
    await page.getByText('已导入：新增 2 人').waitFor();

    await page.goto('/members');
    await page.getByLabel('检索姓名').fill('csj');
    await page.getByLabel('检索姓名').press('Enter');
    const row = page.locator('.ant-table-row', { hasText: '测试甲' });
    await row.waitFor();
    expect(await row.innerText()).toContain('河口村第一党支部');
    expect(await row.innerText()).toMatch(/9901\*{10}\d{3}[\dX]/);

    await page.goto('/members?tab=villages');
    await page.getByRole('link', { name: '河口村党委' }).click();
    await page.getByText('两委班子').waitFor();
    expect(await page.getByText('书记、主任“一肩挑”').count()).toBeGreaterThan(0);
    await shot('roster-village-profile.png');
    expect(pageErrors).toEqual([]);
  });
});
