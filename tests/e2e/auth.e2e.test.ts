import { jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { launchBrowser, screenshot } from '../support/browser.js';
import { apiUrl } from '../support/stack.js';

jest.setTimeout(60_000);

describe('a new learner in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('registers, sees field errors first, signs out and signs back in, and creates a CLI token', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const handle = `e2e-${Date.now().toString(36)}`;
    await page.goto(`${apiUrl()}/register`);

    await page.getByLabel('Email').fill('not-an-email');
    await page.getByLabel('Handle').fill(handle);
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('must be an email address').waitFor();
    await page.getByText('must be at least 10 characters').waitFor();
    await screenshot(page, 'register-errors');

    await page.getByLabel('Email').fill(`${handle}@example.test`);
    await page.getByLabel('Password').fill('a long enough password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('link', { name: `@${handle}` }).waitFor();
    // A new account lands on the start-here challenge (whose workbench also offers a sign-in link once
    // signed out): the header's link is the one to use.
    await page.waitForURL(/\/c\/[a-z0-9-]+$/);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).click();
    await page.getByLabel('Email or handle').fill(handle);
    await page.getByLabel('Password').fill('a long enough password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: `@${handle}` }).click();

    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await page.getByLabel('Token name').fill('e2e laptop');
    await page.getByRole('button', { name: 'Create token' }).click();
    const token = await page.locator('code.secret').textContent();
    expect(token).toMatch(/^reps_/);
    await page.getByRole('cell', { name: 'e2e laptop', exact: true }).waitFor();
    await screenshot(page, 'settings');

    const me = await fetch(`${apiUrl()}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    expect((await me.json()).handle).toBe(handle);
    await context.close();
  });

  it('sends an anonymous visitor of a private page to sign in, then back', async () => {
    const page = await browser.newPage();
    await page.goto(`${apiUrl()}/settings`);
    await page.waitForURL(/\/login\?next=%2Fsettings/);
    await page.getByLabel('Email or handle').fill('learner@reps.local');
    await page.getByLabel('Password').fill('reps-learner');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
  });

  it('says so when the password is wrong', async () => {
    const page = await browser.newPage();
    await page.goto(`${apiUrl()}/login`);
    await page.getByLabel('Email or handle').fill('learner@reps.local');
    await page.getByLabel('Password').fill('not it');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong email, handle or password.' }).waitFor();
  });
});
