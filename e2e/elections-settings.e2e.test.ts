import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
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

const NEW_LABEL = '被列为失信被执行人且未履行完毕';
const NEW_SOURCE = '某省村“两委”换届候选人资格条件第5项';

async function choose(id: string, option: string): Promise<void> {
  await page.locator(`#${id}`).click();
  await page
    .locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`)
    .click();
  await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
}

describe('换届选举 settings: the 负面清单 in the browser', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ensureWebBuild();
    server = await startServer();
    ({ browser, page } = await openBrowser(server.baseUrl));
    await page.setViewportSize({ width: 1366, height: 768 });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') {
      await page.screenshot({
        path: join(SHOTS, `elections-settings-failed-${context.task.id}.png`),
      });
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the county edits an item of the list, with its source', async () => {
    await page.goto('/login');
    await page.getByLabel('用户名').fill('xianji');
    await page.getByLabel('密码').fill('Zugong@2026');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText(/(上午好|下午好|晚上好)，/).waitFor();
    await page.goto('/elections?tab=negative');
    const row = page.getByRole('row').filter({ hasText: '被列为失信被执行人' });
    await row.waitFor();
    expect(await page.locator('.ant-table-tbody tr').count()).toBe(8);

    await row.getByRole('button', { name: '编辑' }).click();
    await page.locator('#negative-label').fill(NEW_LABEL);
    await page.locator('#negative-source').fill(NEW_SOURCE);
    await page.getByRole('switch').click();
    await page.getByRole('button', { name: '保存' }).click();
    const edited = page.getByRole('row').filter({ hasText: NEW_LABEL });
    await edited.waitFor();
    expect(await edited.innerText()).toContain('已核实');
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(KEEP, 'elections-negative-list.png'), fullPage: true });
  });

  it('a candidate check applies the edited item and keeps it when saved', async () => {
    await page.getByRole('tab', { name: '候选人资格' }).click();
    await choose('cand-village', '河口村党委');
    await choose('cand-body', '村民委员会');
    await page.locator('#cand-people').click();
    const options = page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '党员' });
    await options.first().waitFor();
    for (let i = 0; i < 4; i++) {
      await options.nth(i).click();
    }
    await page.keyboard.press('Escape');
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    await page.locator('#cand-negative-0').click();
    await page
      .locator('.ant-select-dropdown:visible')
      .getByText(NEW_LABEL, { exact: true })
      .click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '检查并保存（资格联审记录）' }).click();
    await page.getByText('资格检查已保存').waitFor();

    const result = await page.locator('.ant-card').nth(1).innerText();
    expect(result).toContain(NEW_LABEL);
    expect(result).toContain(NEW_SOURCE);
    expect(result).not.toContain(`${NEW_SOURCE}（未核实）`);
    const history = page.locator('.ant-card').filter({ hasText: '已保存的资格检查' });
    expect(await history.locator('.ant-table-tbody tr').count()).toBe(1);
    await page.getByRole('heading', { name: '换届选举' }).click();
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(KEEP, 'elections-candidates-saved.png'), fullPage: true });

    await page.getByRole('tab', { name: '负面清单设置' }).click();
    // The candidate tab's result table also has a row with the label; antd hides an inactive
    // pane only after its transition, so look only inside the pane the tab opened.
    const used = page
      .getByRole('tabpanel', { name: '负面清单设置' })
      .getByRole('row')
      .filter({ hasText: NEW_LABEL });
    await used.waitFor();
    await expect.poll(() => used.innerText(), { timeout: 10_000 }).toContain('已引用');
    expect(await used.getByRole('button', { name: '删除' }).count()).toBe(0);
  });

  it('the tally page offers the post a round elects', async () => {
    await page.getByRole('tab', { name: '会场计票' }).click();
    await choose('tally-village', '河口村党委');
    await choose('tally-kind', '村民委员会');
    await choose('tally-post', '主任');
    expect(await page.locator('#candidate-post-0').count()).toBe(1);
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(KEEP, 'elections-tally-post.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
