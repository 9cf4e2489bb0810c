import { jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { launchBrowser, screenshot } from '../support/browser.js';
import { apiUrl } from '../support/stack.js';

jest.setTimeout(60_000);

describe('the home page in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('renders the app, reads /api/health and shows the platform is up', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(apiUrl());
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
      'Practise AI orchestration',
    );
    await page.getByRole('status').filter({ hasText: 'All systems go' }).waitFor({ timeout: 15_000 });
    await page.getByRole('heading', { name: 'Challenges', exact: true }).waitFor();
    await screenshot(page, 'home');
    expect(errors).toEqual([]);
  });

  it('shows a designed not-found page for an unknown address', async () => {
    const page = await browser.newPage();
    await page.goto(`${apiUrl()}/no/such/page`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await page.getByRole('link', { name: 'Back to the challenges' }).click();
    await page.waitForURL(`${apiUrl()}/`);
  });
});
