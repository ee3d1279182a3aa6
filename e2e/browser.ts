/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser), with one page
 * pointed at a running server, in Chinese, at a desktop size.
 */
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function openBrowser(
  baseUrl: string,
  options: { acceptDownloads?: boolean } = {},
): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: 'zh-CN',
    viewport: { width: 1440, height: 900 },
    acceptDownloads: options.acceptDownloads === true,
  });
  return { browser, page: await context.newPage() };
}
