import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { loadChallenge } from '@reps/engine';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot } from '../support/browser.js';
import { newLearner } from '../support/client.js';
import { apiUrl, repoRoot, waitUntil } from '../support/stack.js';

jest.setTimeout(240_000);

const fixture = join(repoRoot, 'packages/engine/src/challenges/fixtures/echo-sum');
const exact =
  'name: exact\nbudget: {}\nsteps:\n  - id: r\n    output: "({ sum: input.numbers.reduce((a, b) => a + b, 0) })"\n';
const offByOne =
  'name: off\nbudget: {}\nsteps:\n  - id: r\n    output: "({ sum: input.numbers.reduce((a, b) => a + b, 1) })"\n';

/** A bundle as `reps challenge bundle` writes it, from the engine's echo-sum fixture, as a file. */
async function bundleFile(dir: string, slug: string, title: string, manifestEdit = (m: string) => m) {
  const challenge = await loadChallenge(fixture);
  const manifest = readFileSync(join(fixture, 'challenge.yaml'), 'utf8')
    .replace(/^slug: .*$/m, `slug: ${slug}`)
    .replace(/^version: .*$/m, 'version: 1')
    .replace(/^title: .*$/m, `title: ${title}`);
  const bundle = {
    format: 'reps-challenge-bundle@1',
    manifest: manifestEdit(manifest),
    brief: challenge.brief,
    generator_script: challenge.generatorScript,
    reference_pipeline: exact,
    baseline_pipeline: offByOne,
  };
  const path = join(dir, `${slug}.json`);
  writeFileSync(path, JSON.stringify(bundle));
  return path;
}

async function signIn(page: Page, who: 'instructor' | 'admin', next: string) {
  await page.goto(`${apiUrl()}/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email or handle').fill(`${who}@reps.local`);
  await page.getByLabel('Password').fill(`reps-${who}`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === next);
}

describe('the instructor console in the browser', () => {
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), 'reps-e2e-bundles-'));
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('uploads a bundle, shows its problems or its calibration until published, rejudges, and shows analytics', async () => {
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const slug = `e2e-sum-${Date.now().toString(36)}`;
    const title = `E2E uploaded sum ${Date.now().toString(36)}`;

    await signIn(page, 'instructor', '/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Instructor' }).click();
    await page.getByRole('heading', { name: 'Instructor console', level: 1 }).waitFor();
    const fileInput = page.getByLabel('Challenge bundle file');

    // A broken manifest: each problem is listed at its path and line.
    await fileInput.setInputFiles(
      await bundleFile(dir, `${slug}-bad`, 'Broken', (m) =>
        m.replace('difficulty: 1', 'difficulty: 9\ncolour: blue'),
      ),
    );
    const problems = page.getByRole('list', { name: 'Problems in the bundle' });
    await problems
      .getByRole('listitem')
      .filter({ hasText: 'difficulty' })
      .getByText(/line 7/)
      .waitFor();
    await problems
      .getByRole('listitem')
      .filter({ hasText: 'colour' })
      .getByText(/line 8/)
      .waitFor();
    await screenshot(page, 'instructor-upload-issues');

    // A good bundle: accepted, calibrating, then published with the calibration table.
    await fileInput.setInputFiles(await bundleFile(dir, slug, title));
    await page
      .getByRole('status')
      .getByText(/being calibrated/)
      .waitFor();
    expect(await problems.count()).toBe(0);
    const group = page.getByRole('article', { name: title });
    await group.waitFor();
    await group.getByText('published', { exact: true }).waitFor({ timeout: 90_000 });
    const calibration = group.getByRole('table', { name: 'Calibration' });
    const baseline = calibration.getByRole('row').filter({ hasText: 'baseline' });
    const reference = calibration.getByRole('row').filter({ hasText: 'reference' });
    await baseline.getByRole('cell', { name: '0.0', exact: true }).waitFor();
    await reference.getByRole('cell', { name: '100.0', exact: true }).waitFor();
    expect(await calibration.getByText('holds', { exact: true }).count()).toBe(2);
    await screenshot(page, 'instructor-console');

    // Rejudging with no earlier version has nothing to queue, and says so.
    await group.getByRole('button', { name: 'Rejudge' }).click();
    await group
      .getByRole('status')
      .getByText(/Nothing to rejudge/)
      .waitFor();

    // Two learners submit (one passing, one not) so the analytics have something to show.
    for (const pipeline of [exact, offByOne]) {
      const { client } = await newLearner('e2e-an');
      const res = await client.post(`/challenges/${slug}/submissions`, { pipeline });
      expect(res.status).toBe(202);
      await waitUntil(
        async () => (await client.get(`/submissions/${res.body.id}`)).body.status === 'graded',
        90_000,
        'grading',
      );
    }

    await group.getByRole('link', { name: 'Analytics' }).click();
    await page.getByRole('heading', { name: `Analytics: ${title}`, level: 1 }).waitFor();
    const summary = page.getByRole('region', { name: 'Summary' });
    await summary.locator('.stat').filter({ hasText: 'Learners' }).getByText('2', { exact: true }).waitFor();
    await summary.locator('.stat').filter({ hasText: 'Passed' }).getByText('1', { exact: true }).waitFor();
    await summary.getByText('1 median').waitFor();
    for (const name of ['Score distribution', 'Cost vs correctness', 'Attempts to pass']) {
      await page.getByRole('region', { name }).locator('.recharts-surface').waitFor();
    }
    await page.getByRole('region', { name: 'Failure categories' }).waitFor();
    await screenshot(page, 'instructor-analytics');

    expect(errors).toEqual([]);
    await context.close();
  });

  it('lets an admin find a user and change their role, with confirmation', async () => {
    const { handle } = await newLearner('e2e-role');
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    const page = await context.newPage();
    await signIn(page, 'admin', '/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('heading', { name: 'Admin', level: 1 }).waitFor();
    await page.getByLabel('Search users').fill(handle);
    const row = page.getByRole('row').filter({ hasText: `@${handle}` });
    await row.waitFor();
    await row.getByLabel(`Role of @${handle}`).selectOption('instructor');
    await row.getByText(`✓ @${handle} is now instructor`).waitFor();
    await screenshot(page, 'admin-users');

    await page.reload();
    await page.getByLabel('Search users').fill(handle);
    expect(await page.getByLabel(`Role of @${handle}`).inputValue()).toBe('instructor');
    await context.close();
  });
});
