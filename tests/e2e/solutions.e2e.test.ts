import { jest } from '@jest/globals';
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot } from '../support/browser.js';
import { graded, newLearner } from '../support/client.js';
import { EXACT_SUM, EXACT_SUM_AFTER_A_LOOK } from '../support/echo-sum-pipelines.js';
import { apiUrl, waitUntil } from '../support/stack.js';

jest.setTimeout(240_000);

/** Submits through the browser's own session (its cookie) and waits for the grading. */
async function passEchoSum(request: APIRequestContext): Promise<string> {
  const res = await request.post(`${apiUrl()}/api/challenges/echo-sum/submissions`, {
    data: { pipeline: EXACT_SUM },
  });
  expect(res.status()).toBe(202);
  const { id } = await res.json();
  await waitUntil(
    async () => (await (await request.get(`${apiUrl()}/api/submissions/${id}`)).json()).status === 'graded',
    120_000,
    'grading',
  );
  return id;
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `/tmp/solutions-${name}.png`, fullPage: true });
  await screenshot(page, `solutions-${name}`);
}

describe('after solving, in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lands a new learner on start here, then after a pass offers the solutions, shows them once opened, sharing and the next challenge', async () => {
    // Another learner passed with a costlier pipeline and shared it.
    const other = await newLearner('e2e-sol-o');
    const sent = await other.client.post('/challenges/echo-sum/submissions', {
      pipeline: EXACT_SUM_AFTER_A_LOOK,
    });
    await graded(other.client, sent.body.id, 120_000);
    expect(
      (await other.client.post('/challenges/echo-sum/solutions/share', { submission_id: sent.body.id }))
        .status,
    ).toBe(201);

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const handle = `e2e-sol-${Date.now().toString(36)}`;

    // Sign-up lands on the start-here challenge.
    await page.goto(`${apiUrl()}/register`);
    await page.getByLabel('Email').fill(`${handle}@example.test`);
    await page.getByLabel('Handle').fill(handle);
    await page.getByLabel('Password').fill('a long enough password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(/\/c\/insurance-claim-triage$/);
    await page.getByRole('heading', { name: 'Home contents claim triage', level: 1 }).waitFor();
    const locked = page.getByRole('region', { name: 'Solutions' });
    await locked.getByText(/Pass insurance-claim-triage first/).waitFor();

    // A pass on echo-sum offers its solutions: what they hold and what opening them costs, no pipeline yet.
    await passEchoSum(context.request);
    await page.goto(`${apiUrl()}/c/echo-sum`);
    const panel = page.getByRole('region', { name: 'Solutions', exact: true });
    const next = panel.getByRole('region', { name: 'Next challenge' });
    await next.getByRole('link', { name: /Marketplace catalogue normalisation/ }).waitFor();
    const show = panel.getByRole('button', { name: 'Show solutions' });
    await panel.getByText(/0 reference pipelines and [1-9]\d* solutions? shared by learners/).waitFor();
    await panel
      .getByText('Your place on this board stays as it is now: later submissions are graded but not ranked.')
      .waitFor();
    const shared = panel.getByRole('list', { name: 'Learners’ solutions' });
    expect(await shared.count()).toBe(0);
    await panel.scrollIntoViewIfNeeded();
    await shot(page, 'closed-1440');

    // Opening them shows the lists; the next challenge stays.
    await show.click();
    await panel.getByText('This challenge has no reference pipeline to show.').waitFor();
    await shared.getByRole('link', { name: `@${other.handle}` }).waitFor();
    await panel.getByText(/You opened these on .*: your place on this board stays as it was then/).waitFor();
    expect(await show.count()).toBe(0);
    await next.getByRole('link', { name: /Marketplace catalogue normalisation/ }).waitFor();

    // A submission sent after opening is graded, and its view says why it is not ranked.
    const after = await passEchoSum(context.request);
    await page.reload();
    await page
      .getByRole('region', { name: 'My submissions' })
      .getByRole('button', { name: `View submission ${after.slice(0, 8)}` })
      .click();
    const result = page.getByRole('region', { name: 'Submission result' });
    await result.getByText('Not ranked: sent after you opened the solutions of this version.').waitFor();
    await result.getByText(/Your best \(100\.0\) stays at #\d+ of \d+\./).waitFor();
    await result.scrollIntoViewIfNeeded();
    await shot(page, 'not-ranked-1440');

    // Opting in: the learner's solution joins the list on the front, ahead of the costlier one.
    await panel.getByRole('button', { name: 'Share my solution' }).click();
    await panel.getByText('Shared', { exact: true }).waitFor();
    const items = shared.getByRole('listitem');
    await items
      .filter({ hasText: `@${handle}` })
      .getByText('Front')
      .waitFor();
    const order = await items.evaluateAll((lis) => lis.map((li) => li.textContent ?? ''));
    const mine = order.findIndex((text) => text.includes(`@${handle}`));
    const theirs = order.findIndex((text) => text.includes(`@${other.handle}`));
    expect(mine).toBeGreaterThanOrEqual(0);
    expect(mine).toBeLessThan(theirs);
    expect(order[theirs]).toMatch(/Layer \d/);
    // The pipeline is there to read.
    await items
      .filter({ hasText: `@${handle}` })
      .locator('summary')
      .click();
    await items
      .filter({ hasText: `@${handle}` })
      .getByText('input.numbers.reduce')
      .waitFor();
    await panel.scrollIntoViewIfNeeded();
    await shot(page, '1440');
    await panel.screenshot({ path: '/tmp/solutions-1440-panel.png' });

    // At 390 px: the panel fits the width, and the tracks on the catalogue mark echo-sum solved.
    await page.setViewportSize({ width: 390, height: 844 });
    await panel.scrollIntoViewIfNeeded();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await shot(page, '390');
    await panel.screenshot({ path: '/tmp/solutions-390-panel.png' });

    await page.goto(`${apiUrl()}/`);
    const tracks = page.getByRole('region', { name: 'Tracks' });
    const sequencing = tracks.getByRole('region', { name: /Sequencing/ });
    // By its link: other tests upload challenges with the same title under other slugs.
    const echoSum = sequencing.getByRole('listitem').filter({ has: page.locator('a[href="/c/echo-sum"]') });
    await echoSum.and(page.locator('li.track__step--solved')).waitFor();
    expect(await echoSum.textContent()).toMatch(/· solved/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await tracks.scrollIntoViewIfNeeded();
    await shot(page, 'tracks-390');
    await tracks.screenshot({ path: '/tmp/solutions-390-tracks.png' });

    // Withdrawing takes it down again.
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${apiUrl()}/c/echo-sum`);
    await panel.getByRole('button', { name: 'Withdraw' }).click();
    await panel.getByRole('button', { name: 'Share my solution' }).waitFor();
    expect(await shared.getByRole('link', { name: `@${handle}` }).count()).toBe(0);

    expect(errors).toEqual([]);
    await context.close();
  });
});
