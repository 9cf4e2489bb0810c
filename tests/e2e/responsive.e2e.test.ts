import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.js';
import { demoClient, graded } from '../support/client.js';
import { apiUrl, repoRoot } from '../support/stack.js';

jest.setTimeout(600_000);

/**
 * Every page on a 360 px and a 390 px phone and a 1440 px desktop: the page itself never scrolls sideways
 * (long code, tables and pre blocks scroll in their own box), and the header keeps Sign in or the
 * account link, and on a phone the Menu button, on screen. Screenshots go to REPS_SCREENSHOTS or
 * a fresh temporary folder, named <who>-<width>-<page>.png.
 */
const VIEWPORTS = [
  { width: 360, height: 740 },
  { width: 390, height: 844 },
  { width: 1440, height: 900 },
] as const;
const shots = process.env.REPS_SCREENSHOTS ?? mkdtempSync(join(tmpdir(), 'reps-responsive-'));
mkdirSync(shots, { recursive: true });

const correct = readFileSync(join(repoRoot, 'examples/echo-sum/decomposed.pipeline.yaml'), 'utf8');

type Who = 'learner' | 'instructor' | 'admin';

interface Visit {
  name: string;
  path: string;
  /** What shows once the page has loaded. */
  ready: (page: Page) => Promise<unknown>;
  /** Done after loading, before measuring (opening the run view, a trace …). */
  act?: (page: Page) => Promise<unknown>;
}

const h1 = (name: string | RegExp) => (page: Page) =>
  page.getByRole('heading', { level: 1, name }).first().waitFor({ timeout: 30_000 });

async function signedIn(browser: Browser, who: Who | 'anonymous', width: number, height: number) {
  const context = await browser.newContext({ viewport: { width, height } });
  if (who !== 'anonymous') {
    const res = await context.request.post(`${apiUrl()}/api/auth/login`, {
      data: { login: `${who}@reps.local`, password: `reps-${who}` },
    });
    expect(res.status()).toBe(200);
  }
  return context;
}

/** Waits until no skeleton is left on the page (data, the editor, the graph, charts). */
async function settled(page: Page) {
  await page.waitForFunction(
    () =>
      !document.querySelector(
        '[aria-busy="true"], .loading, .editor-skeleton, .card--skeleton, .chart-skeleton, .pipeline-graph__skeleton',
      ),
    undefined,
    { timeout: 30_000 },
  );
  await page.waitForTimeout(300);
}

interface Measure {
  scrollWidth: number;
  innerWidth: number;
  header: number;
  offscreen: string[];
}

/** The page's width, the header's height, and header controls that lie outside the viewport. */
function measure(page: Page): Promise<Measure> {
  return page.evaluate(() => {
    const inside = (el: Element) => {
      const r = el.getBoundingClientRect();
      return (
        r.width > 0 &&
        r.left >= 0 &&
        r.right <= window.innerWidth &&
        r.top >= 0 &&
        r.bottom <= window.innerHeight
      );
    };
    const visible = (el: Element) =>
      getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().width > 0;
    const controls = [
      ...document.querySelectorAll(
        '.topbar .user-menu a, .topbar .user-menu button, .topbar .menu-button, .brand',
      ),
    ].filter(visible);
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      header: document.querySelector('header.topbar')!.getBoundingClientRect().height,
      offscreen: controls.filter((el) => !inside(el)).map((el) => el.textContent?.trim() || el.className),
    };
  });
}

async function check(page: Page, who: string, width: number, visit: Visit) {
  await page.goto(`${apiUrl()}${visit.path}`);
  await visit.ready(page);
  await visit.act?.(page);
  await settled(page);
  const m = await measure(page);
  await page.screenshot({ path: join(shots, `${who}-${width}-${visit.name}.png`), fullPage: true });
  // document.documentElement.scrollWidth <= window.innerWidth: the page does not scroll sideways.
  expect(`${visit.path} at ${width} px: ${m.scrollWidth} px wide`).toBe(
    `${visit.path} at ${width} px: ${Math.min(m.scrollWidth, m.innerWidth)} px wide`,
  );
  expect({ page: visit.path, width, offscreen: m.offscreen }).toEqual({
    page: visit.path,
    width,
    offscreen: [],
  });
  // One row of header on every screen: links fold behind Menu on a phone instead of stacking.
  expect(m.header).toBeLessThan(80);
  const accountOrSignIn =
    who === 'anonymous'
      ? page.locator('.topbar').getByRole('link', { name: 'Sign in' })
      : page.locator('.topbar .user-menu__account');
  expect(await accountOrSignIn.isVisible()).toBe(true);
  const menu = page.getByRole('button', { name: 'Menu' });
  expect(await menu.isVisible()).toBe(width < 900);
  expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(width >= 900);
}

describe('every page at 360, 390 and 1440 px', () => {
  let browser: Browser;
  let submissionId: string;
  beforeAll(async () => {
    browser = await launchBrowser();
    process.stdout.write(`responsive screenshots in ${shots}\n`);
    const learner = await demoClient('learner');
    const submitted = await learner.post('/challenges/echo-sum/submissions', { pipeline: correct });
    expect(submitted.status).toBe(202);
    submissionId = submitted.body.id;
    await graded(learner, submissionId, 180_000);
  });
  afterAll(async () => {
    await browser?.close();
  });

  const learnerPages = (): Visit[] => [
    { name: 'catalogue', path: '/', ready: (p) => p.getByRole('article').first().waitFor() },
    {
      name: 'challenge-workbench',
      path: '/c/echo-sum',
      ready: (p) => p.locator('.cm-content').waitFor({ timeout: 30_000 }),
      act: async (p) => {
        // The graph starts closed on narrow screens: open it, it must fit too.
        const show = p.getByRole('button', { name: 'Show', exact: true });
        if (await show.isVisible()) await show.click();
        await p.locator('.react-flow__node').first().waitFor({ timeout: 30_000 });
      },
    },
    {
      name: 'run-trace',
      path: '/c/echo-sum',
      ready: (p) => p.locator('.cm-content').waitFor({ timeout: 30_000 }),
      act: async (p) => {
        await p.locator('.cm-content').click();
        await p.keyboard.press('ControlOrMeta+A');
        await p.keyboard.press('Delete');
        await p.keyboard.insertText(correct);
        await p.getByRole('button', { name: 'Run on examples' }).click();
        const run = p.getByRole('region', { name: 'Run on the public examples' });
        await run.getByRole('button', { name: 'Trace of case 1' }).click({ timeout: 90_000 });
        await run.getByRole('list', { name: 'Trace timeline' }).waitFor();
      },
    },
    {
      name: 'submission',
      path: `/c/echo-sum?submission=${submissionId}`,
      ready: (p) => p.getByRole('region', { name: 'Submission result' }).waitFor({ timeout: 60_000 }),
    },
    { name: 'challenge-long', path: '/c/contract-clause-risk', ready: h1(/risky clauses/i) },
    {
      name: 'leaderboards',
      path: '/leaderboards',
      ready: (p) => p.getByRole('region', { name: 'Ratings' }).getByRole('link').first().waitFor(),
    },
    {
      name: 'profile',
      path: '/u/demo-learner',
      ready: (p) => p.getByRole('region', { name: 'Verified results' }).waitFor(),
    },
    { name: 'progress', path: '/progress', ready: h1('Progress') },
    { name: 'docs', path: '/docs', ready: h1('Getting started') },
    { name: 'docs-dsl', path: '/docs/dsl', ready: h1('The pipeline DSL') },
    { name: 'docs-sim', path: '/docs/sim', ready: h1(/Simulated models/) },
    { name: 'docs-grading', path: '/docs/grading', ready: (p) => p.locator('article.doc h1').waitFor() },
    { name: 'settings', path: '/settings', ready: h1('Settings') },
    { name: 'cohorts', path: '/cohorts', ready: h1('Cohorts') },
  ];

  const staffPages: Record<'instructor' | 'admin', Visit[]> = {
    instructor: [{ name: 'instructor', path: '/instructor', ready: h1(/Instructor/) }],
    admin: [
      { name: 'admin', path: '/admin', ready: (p) => p.getByRole('table').waitFor() },
      {
        name: 'analytics',
        path: '/instructor/echo-sum',
        ready: (p) =>
          p
            .getByText(/learners/i)
            .first()
            .waitFor(),
      },
    ],
  };

  for (const { width, height } of VIEWPORTS) {
    it(`the demo learner's pages at ${width} px`, async () => {
      const context = await signedIn(browser, 'learner', width, height);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      for (const visit of learnerPages()) await check(page, 'learner', width, visit);
      expect(errors).toEqual([]);
      await context.close();
    });

    it(`the instructor's and the admin's pages at ${width} px`, async () => {
      for (const who of ['instructor', 'admin'] as const) {
        const context = await signedIn(browser, who, width, height);
        const page = await context.newPage();
        for (const visit of staffPages[who]) await check(page, who, width, visit);
        await context.close();
      }
    });

    it(`a visitor's header at ${width} px`, async () => {
      const context = await signedIn(browser, 'anonymous', width, height);
      const page = await context.newPage();
      await check(page, 'anonymous', width, { name: 'catalogue', path: '/', ready: h1(/Practise/) });
      await check(page, 'anonymous', width, { name: 'sign-in', path: '/login', ready: h1(/Sign in/) });
      await context.close();
    });
  }

  it('opens the menu on a phone: every link on screen, and following one closes it', async () => {
    const context = await signedIn(browser, 'admin', 390, 844);
    const page = await context.newPage();
    await page.goto(`${apiUrl()}/`);
    await page.getByRole('article').first().waitFor();
    const menu = page.getByRole('button', { name: 'Menu' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    const nav = page.getByRole('navigation', { name: 'Main' });
    const links = nav.getByRole('link');
    expect(await links.allTextContents()).toEqual(
      expect.arrayContaining([
        'Challenges',
        'Leaderboards',
        'Docs',
        'Progress',
        'Profile',
        'Instructor',
        'Admin',
      ]),
    );
    for (const link of await links.all()) {
      const box = (await link.boundingBox())!;
      expect(box.x >= 0 && box.x + box.width <= 390 && box.y + box.height <= 844).toBe(true);
    }
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.screenshot({ path: join(shots, 'admin-390-menu-open.png') });
    await nav.getByRole('link', { name: 'Leaderboards' }).click();
    await page.getByRole('heading', { name: 'Leaderboards', level: 1 }).waitFor();
    expect(await nav.isVisible()).toBe(false);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    // Escape closes it too.
    await menu.click();
    await page.keyboard.press('Escape');
    expect(await nav.isVisible()).toBe(false);
    await context.close();
  });
});

describe('4xx answers show at once', () => {
  let browser: Browser;
  let context: BrowserContext;
  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Requests to the API path, counted while the page is open. */
  function counting(page: Page, path: string): () => number {
    let n = 0;
    page.on('request', (req) => {
      if (new URL(req.url()).pathname === path) n += 1;
    });
    return () => n;
  }

  it('a 404 is asked once and says so, without Try again', async () => {
    const page = await context.newPage();
    const asked = counting(page, '/api/challenges/no-such-challenge');
    await page.goto(`${apiUrl()}/c/no-such-challenge`);
    await page.getByRole('heading', { name: /No challenge/ }).waitFor();
    await page.waitForTimeout(2_500);
    expect(asked()).toBe(1);
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0);
  });

  it('a 403 is asked once and reads "You do not have access", without Try again', async () => {
    const instructor = await signedIn(browser, 'instructor', 1280, 800);
    const page = await instructor.newPage();
    // Instructors now read every published challenge's analytics (scoped to their cohorts), so the
    // refusal is the one an instructor whose role was withdrawn mid-session gets: the API's own 403
    // body, served for this one request.
    await page.route('**/api/instructor/challenges/echo-sum/analytics*', (route) =>
      route.fulfill({
        status: 403,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'forbidden', message: 'This needs the instructor role.' } }),
      }),
    );
    const asked = counting(page, '/api/instructor/challenges/echo-sum/analytics');
    await page.goto(`${apiUrl()}/instructor/echo-sum`);
    await page.getByRole('heading', { name: 'You do not have access' }).waitFor();
    await page.waitForTimeout(2_500);
    expect(asked()).toBe(1);
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    await instructor.close();
  });
});

describe('the queue dashboard in the browser', () => {
  it('is linked from /admin and loads nothing from another origin', async () => {
    const browser = await launchBrowser();
    try {
      const context = await signedIn(browser, 'admin', 1440, 900);
      const page = await context.newPage();
      const outside: string[] = [];
      const origin = new URL(apiUrl()).origin;
      page.on('request', (req) => {
        if (!req.url().startsWith('data:') && new URL(req.url()).origin !== origin) outside.push(req.url());
      });
      const violations: string[] = [];
      page.on('console', (msg) => {
        if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
      });
      await page.goto(`${apiUrl()}/admin`);
      await page.getByRole('link', { name: 'Open the queue dashboard' }).click();
      await page.waitForURL(/\/api\/admin\/queues/);
      await page.getByText('grading', { exact: false }).first().waitFor({ timeout: 30_000 });
      await page.waitForTimeout(1_000);
      await page.screenshot({ path: join(shots, 'admin-1440-queue-dashboard.png') });
      expect(outside).toEqual([]);
      expect(violations).toEqual([]);
      await context.close();
    } finally {
      await browser.close();
    }
  });
});
