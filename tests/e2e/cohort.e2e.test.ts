import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot } from '../support/browser.js';
import { apiUrl, repoRoot, waitUntil } from '../support/stack.js';

jest.setTimeout(180_000);

/** Code does the arithmetic: every echo-sum case scores 100. */
const correct = readFileSync(join(repoRoot, 'examples/echo-sum/decomposed.pipeline.yaml'), 'utf8');

async function signIn(page: Page, login: string, password: string, next: string) {
  await page.goto(`${apiUrl()}/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email or handle').fill(login);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === next);
}

describe('a cohort in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('an instructor creates a cohort, a new learner joins with its code and practises, and both see it', async () => {
    const viewport = { width: 1360, height: 900 };
    const errors: string[] = [];
    const teacherContext = await browser.newContext({ viewport });
    const teacher = await teacherContext.newPage();
    teacher.on('pageerror', (error) => errors.push(error.message));
    const cohortName = `E2E cohort ${Date.now().toString(36)}`;

    // The demo instructor creates a cohort from the Cohorts page and is shown its join code.
    await signIn(teacher, 'instructor@reps.local', 'reps-instructor', '/');
    await teacher.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cohorts' }).click();
    await teacher.getByRole('heading', { name: 'Cohorts', level: 1 }).waitFor();
    await teacher.getByLabel('Cohort name').fill(cohortName);
    await teacher.getByRole('button', { name: 'Create cohort' }).click();
    const created = teacher.getByRole('status').filter({ hasText: 'Share its join code' });
    const code = (await created.locator('code.join-code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^[A-Z0-9]{8}$/);
    await teacher
      .getByRole('region', { name: 'My cohorts' })
      .getByRole('link', { name: cohortName })
      .waitFor();
    await screenshot(teacher, 'cohorts-instructor');

    // A new learner registers, finds no reps yet on the progress page, and joins with the code.
    const learnerContext = await browser.newContext({ viewport });
    const learner = await learnerContext.newPage();
    learner.on('pageerror', (error) => errors.push(error.message));
    const handle = `e2e-c-${Date.now().toString(36)}`;
    await learner.goto(`${apiUrl()}/register?next=%2Fprogress`);
    await learner.getByLabel('Email').fill(`${handle}@example.test`);
    await learner.getByLabel('Handle').fill(handle);
    await learner.getByLabel('Password').fill('a long enough password');
    await learner.getByRole('button', { name: 'Create account' }).click();
    await learner.waitForURL(/\/progress$/);
    await learner.getByRole('heading', { name: 'No reps yet — pick a challenge' }).waitFor();
    await screenshot(learner, 'progress-empty');

    await learner.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cohorts' }).click();
    await learner.getByText('You are not in a cohort yet').waitFor();
    expect(await learner.getByLabel('Cohort name').count()).toBe(0);
    await learner.getByLabel('Join code').fill('NOPE0000');
    await learner.getByRole('button', { name: 'Join' }).click();
    await learner.getByText('No cohort has this join code').waitFor();
    await learner.getByLabel('Join code').fill(code.toLowerCase());
    await learner.getByRole('button', { name: 'Join' }).click();
    await learner.getByRole('status').getByText(`You joined ${cohortName}`).waitFor();
    await learner.getByRole('region', { name: 'My cohorts' }).getByRole('link', { name: cohortName }).click();
    await learner.getByRole('heading', { name: cohortName, level: 1 }).waitFor();
    // Members see the board, not the join code or the instructor's table.
    expect(await learner.getByRole('region', { name: 'Learners' }).count()).toBe(0);

    // The learner submits a passing echo-sum pipeline (through the API, with the browser's session).
    const submitted = await learner.request.post(`${apiUrl()}/api/challenges/echo-sum/submissions`, {
      data: { pipeline: correct },
    });
    expect(submitted.status()).toBe(202);
    const { id } = await submitted.json();
    await waitUntil(
      async () => {
        const res = await learner.request.get(`${apiUrl()}/api/submissions/${id}`);
        return (await res.json()).status === 'graded';
      },
      120_000,
      'grading',
    );

    // The cohort board lists the learner, highlighted, with a rating.
    await learner.reload();
    const board = learner.getByRole('region', { name: 'Ratings' });
    const mine = board.locator('tr.row--highlight');
    await mine.getByRole('link', { name: `@${handle}` }).waitFor();
    await mine.getByText('1', { exact: true }).last().waitFor();
    await board.getByRole('button', { name: 'This week' }).click();
    await board
      .locator('tr.row--highlight')
      .getByRole('link', { name: `@${handle}` })
      .waitFor();
    await screenshot(learner, 'cohort-learner');

    // The progress page counts the rep and the streak, and draws the charts.
    await learner.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
    await learner.getByRole('heading', { name: 'Progress', level: 1 }).waitFor();
    const figures = learner.getByRole('region', { name: 'Reps and streaks' });
    await figures.locator('.stat').filter({ hasText: 'Reps' }).getByText('1', { exact: true }).waitFor();
    await figures.locator('.stat').filter({ hasText: 'Current streak' }).getByText('1 day').waitFor();
    await figures.getByRole('img', { name: /1 rep on 1 day/ }).waitFor();
    const bests = learner.getByRole('region', { name: 'Personal bests' });
    await bests.getByRole('row').filter({ hasText: 'Echo sum' }).getByText('passed').waitFor();
    await learner
      .getByRole('region', { name: 'Scores over time' })
      .locator('.recharts-surface')
      .first()
      .waitFor();
    await learner.getByRole('region', { name: 'Skills' }).locator('.recharts-surface').first().waitFor();
    await learner
      .getByRole('region', { name: 'Rating history' })
      .locator('.recharts-surface')
      .first()
      .waitFor();
    await screenshot(learner, 'progress');

    // The challenge's board draws cost against correctness with the learner's own point.
    await learner.goto(`${apiUrl()}/c/echo-sum`);
    const challengeBoard = learner.getByRole('region', { name: 'Leaderboard', exact: true });
    const pareto = challengeBoard.getByRole('figure', { name: 'Cost against correctness' });
    await pareto.locator('.recharts-wrapper').waitFor();
    await pareto.getByText('You', { exact: true }).waitFor();
    await challengeBoard.scrollIntoViewIfNeeded();
    await screenshot(learner, 'challenge-pareto');

    // The learner is not an instructor: the console says which role it needs.
    await learner.goto(`${apiUrl()}/instructor`);
    await learner.getByRole('heading', { name: 'This page needs the instructor role' }).waitFor();
    expect(
      await learner
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Instructor' })
        .count(),
    ).toBe(0);
    await screenshot(learner, 'instructor-forbidden');

    // The instructor's cohort page: the join code and the learner's row in the per-learner table.
    await teacher.getByRole('region', { name: 'My cohorts' }).getByRole('link', { name: cohortName }).click();
    await teacher.getByRole('heading', { name: cohortName, level: 1 }).waitFor();
    await teacher.getByText(code, { exact: true }).waitFor();
    await teacher.getByText(/Instructor @demo-instructor · 1 member ·/).waitFor();
    const row = teacher
      .getByRole('region', { name: 'Learners' })
      .getByRole('row')
      .filter({ hasText: `@${handle}` });
    await row.waitFor();
    const cells = await row.getByRole('cell').allTextContents();
    // handle, reps, submissions, solved, rating, last active, joined
    expect(cells.slice(1, 4)).toEqual(['1', '1', '1']);
    expect(Number(cells[4])).toBeGreaterThan(0);
    await row.getByRole('link', { name: `@${handle}` }).waitFor();
    await screenshot(teacher, 'cohort-instructor');

    expect(errors).toEqual([]);
    await learnerContext.close();
    await teacherContext.close();
  });
});
