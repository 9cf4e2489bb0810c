import { jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { launchBrowser, screenshot } from '../support/browser.js';
import { newLearner } from '../support/client.js';
import { apiUrl } from '../support/stack.js';

jest.setTimeout(60_000);

describe('own model keys in Settings', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('saves a key, shows only its last characters, and removes it', async () => {
    const { client } = await newLearner('keys-ui');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const [name, value] = (client.cookie ?? '').split('=');
    await context.addCookies([{ name, value, url: apiUrl() }]);
    const page = await context.newPage();
    await page.goto(`${apiUrl()}/settings`);
    const section = page.getByRole('region', { name: 'Your model keys' });
    await section.getByText('No keys saved.').waitFor();
    await section.getByLabel('Provider').selectOption('anthropic');
    await section.getByLabel('API key').fill('sk-ant-secret-value-W9z3');
    await section.getByRole('button', { name: 'Save key' }).click();
    await section.getByRole('cell', { name: '…W9z3' }).waitFor();
    expect(await page.content()).not.toContain('sk-ant-secret-value');
    await screenshot(page, 'settings-keys');
    await section.getByRole('button', { name: 'Remove the anthropic key' }).click();
    await section.getByText('No keys saved.').waitFor();
    await context.close();
  });
});
