import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { expectNoSidewaysScroll, launchBrowser, setPipeline } from '../support/browser.js';
import { newLearner } from '../support/client.js';
import { apiUrl, repoRoot, waitUntil } from '../support/stack.js';

jest.setTimeout(240_000);

/** Code adds the numbers: every case scores 100. */
const correct = readFileSync(join(repoRoot, 'examples/echo-sum/decomposed.pipeline.yaml'), 'utf8');
/** The same, off by one in every case: 0. */
const offByOne = correct.replace('sum + n, 0)', 'sum + n, 1)');

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${apiUrl()}/login?next=%2Fc%2Fecho-sum`);
  await page.getByLabel('Email or handle').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('.cm-content').waitFor();
}

describe('attempts: history, compare two, open one again', () => {
  let browser: Browser;
  let learner: Awaited<ReturnType<typeof newLearner>>;
  beforeAll(async () => {
    browser = await launchBrowser();
    learner = await newLearner('e2e-attempts');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('runs twice and submits, compares the two runs, and opens the earlier one in the editor (1440 px)', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signIn(page, learner.email, learner.password);

    const attempts = page.getByRole('region', { name: 'Attempts' });
    await attempts.getByText('No attempts yet').waitFor();

    // Two runs: off by one, then right. Each appears in the attempts, newest first, as it finishes.
    const list = attempts.getByRole('list', { name: 'Your attempts' });
    const items = list.getByRole('listitem');
    const run = page.getByRole('region', { name: 'Run on the public examples' });
    await setPipeline(page, offByOne);
    await page.getByRole('button', { name: 'Run on examples' }).click();
    await run.getByRole('button', { name: 'Trace of case 1' }).waitFor({ timeout: 60_000 });
    await items.first().getByText('done').waitFor();
    await setPipeline(page, correct);
    await page.getByRole('button', { name: 'Run on examples' }).click();
    await items.nth(1).waitFor({ timeout: 60_000 });
    await items.first().getByText('done').waitFor({ timeout: 60_000 });

    // Then the right one submitted; the list follows it until it is graded.
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await items.nth(2).waitFor({ timeout: 30_000 });
    await items.first().getByText('graded').waitFor({ timeout: 120_000 });
    expect(await items.count()).toBe(3);
    expect(await items.nth(0).locator('.attempt-kind').textContent()).toBe('Submission');
    expect(await items.nth(1).locator('.attempt-kind').textContent()).toBe('Run');
    await items.nth(0).getByText('100.0 ± 0.0').waitFor();
    await items.nth(2).getByText('0.0', { exact: true }).waitFor();

    // The two runs side by side, picked newest first: read from the earlier to the later.
    await items.nth(1).getByRole('checkbox').check();
    await items.nth(2).getByRole('checkbox').check();
    const compare = attempts.getByRole('region', { name: 'Compare' });
    await compare.waitFor();
    const correctness = compare.getByRole('row', { name: /^Correctness/ });
    expect(await correctness.locator('td').allTextContents()).toEqual(['0.0', '100.0', '+100.0 (better)']);
    await compare.getByText('+1 −1 lines').waitFor();
    const diff = compare.getByRole('region', { name: 'Pipeline diff' });
    expect(await diff.locator('.diff-line--del .diff-line__text').allTextContents()).toEqual([
      '    code: return input.numbers.reduce((sum, n) => sum + n, 1)',
    ]);
    expect(await diff.locator('.diff-line--add .diff-line__text').allTextContents()).toEqual([
      '    code: return input.numbers.reduce((sum, n) => sum + n, 0)',
    ]);

    // A third pick replaces the earlier pick: now the off-by-one run against the submission.
    await items.nth(0).getByRole('checkbox').check();
    expect(await items.nth(1).getByRole('checkbox').isChecked()).toBe(false);
    await compare.getByText(/Not over the same cases/).waitFor();
    await compare
      .getByRole('row', { name: /^Correctness/ })
      .getByText('+100.0')
      .waitFor();
    await compare.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/attempts-1440-compare.png', fullPage: true });
    await attempts.screenshot({ path: '/tmp/attempts-1440-panel.png' });

    // Open the off-by-one run again: the draft differs, so the page asks first.
    const asked: string[] = [];
    page.on('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.accept();
    });
    const openEarlier = items.nth(2).getByRole('button', { name: 'Open in editor' });
    await openEarlier.click();
    await waitUntil(
      async () => ((await page.locator('.cm-content').textContent()) ?? '').includes('sum + n, 1)'),
      10_000,
      'the earlier pipeline in the editor',
    );
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatch(/^Replace your draft with the pipeline of your run of /);
    await page.screenshot({ path: '/tmp/attempts-1440-reopened.png' });

    // The same text again is put back without a question.
    await openEarlier.click();
    await page.waitForTimeout(300); // the pipeline is cached: a question would have come by now
    await waitUntil(() => openEarlier.isEnabled(), 10_000, 'the open button again');
    expect(asked).toHaveLength(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lists, compares and keeps the draft when the question is declined, on a 390 px phone', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signIn(page, learner.email, learner.password);

    const attempts = page.getByRole('region', { name: 'Attempts' });
    const items = attempts.getByRole('list', { name: 'Your attempts' }).getByRole('listitem');
    await items.nth(2).waitFor();
    await items.nth(0).getByRole('checkbox').check();
    await items.nth(2).getByRole('checkbox').check();
    const compare = attempts.getByRole('region', { name: 'Compare' });
    await compare.getByText('+1 −1 lines').waitFor();
    await expectNoSidewaysScroll(page);
    // The diff's box scrolls sideways inside itself rather than widening the page.
    const box = compare.getByRole('region', { name: 'Pipeline diff' });
    const sizes = await box.evaluate((el) => ({ client: el.clientWidth, scroll: el.scrollWidth }));
    expect(sizes.client).toBeLessThanOrEqual(390);
    expect(sizes.scroll).toBeGreaterThan(sizes.client);
    // The figures fit the phone: the Change column is in view, not behind a sideways scroll.
    const figures = compare.locator('.table-scroll').first();
    expect(await figures.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await compare.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/attempts-390-compare.png', fullPage: true });
    await attempts.screenshot({ path: '/tmp/attempts-390-panel.png' });

    // Declining keeps the draft as it was.
    const before = await page.locator('.cm-content').textContent();
    page.once('dialog', (dialog) => void dialog.dismiss());
    const draftIsOffByOne = (before ?? '').includes('sum + n, 1)');
    await items
      .nth(draftIsOffByOne ? 0 : 2)
      .getByRole('button', { name: 'Open in editor' })
      .click();
    await page.waitForTimeout(500);
    expect(await page.locator('.cm-content').textContent()).toBe(before);
    await expectNoSidewaysScroll(page);

    expect(errors).toEqual([]);
    await context.close();
  });
});
