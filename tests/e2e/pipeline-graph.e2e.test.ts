import { jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { launchBrowser, screenshot } from '../support/browser.js';
import { newLearner } from '../support/client.js';
import { apiUrl } from '../support/stack.js';

jest.setTimeout(90_000);

describe('the live pipeline graph beside the editor', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('draws the starter’s steps and follows the learner’s edits, keeping the last graph while the YAML is broken', async () => {
    const { client } = await newLearner('graph-ui');
    const context = await browser.newContext({ viewport: { width: 1360, height: 1000 } });
    const [name, value] = (client.cookie ?? '').split('=');
    await context.addCookies([{ name, value, url: apiUrl() }]);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${apiUrl()}/c/echo-sum`);

    // Open by default on a wide screen: the starter's two steps, the output using the answer.
    const panel = page.getByRole('region', { name: 'Pipeline graph' });
    await panel.getByRole('button', { name: 'Hide' }).waitFor();
    const node = (id: string) => panel.getByTestId(`rf__node-${id}`);
    const edge = (from: string, to: string) => panel.getByTestId(`rf__edge-${from}->${to}`);
    await node('answer').waitFor();
    await node('result').waitFor();
    await edge('answer', 'result').waitFor({ state: 'attached' });
    expect(await node('answer').textContent()).toContain('llm');
    expect(await panel.locator('.react-flow__node').count()).toBe(2);

    // Typing a step that validates the answer adds its node and a validate edge.
    await page.locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.insertText('  - id: checked\n    validate: answer\n    check: value.sum >= 0\n');
    await node('checked').waitFor();
    await edge('answer', 'checked').waitFor({ state: 'attached' });
    expect(await edge('answer', 'checked').getAttribute('aria-label')).toBe('checked validates answer');
    expect(await panel.locator('.react-flow__node').count()).toBe(3);

    // A step whose code uses another gets a plain dependency edge.
    await page.keyboard.insertText('  - id: doubled\n    code: return checked.sum * 2\n');
    await edge('checked', 'doubled').waitFor({ state: 'attached' });
    await expect(panel.getByRole('list', { name: 'Legend' }).textContent()).resolves.toContain('validates');
    await page.waitForTimeout(300); // the refit animates for 200 ms
    await screenshot(page, 'pipeline-graph');

    // Broken YAML: a note, and the last good graph stays.
    await page.keyboard.insertText('  - id: [oops\n');
    await panel.getByText('Fix the YAML to update the graph').waitFor();
    expect(await panel.locator('.react-flow__node').count()).toBe(4);
    await page.keyboard.press('ControlOrMeta+z');
    await panel.getByText('Fix the YAML to update the graph').waitFor({ state: 'detached' });

    // The panel folds away and comes back.
    await panel.getByRole('button', { name: 'Hide' }).click();
    expect(await panel.locator('.react-flow__node').count()).toBe(0);
    await panel.getByRole('button', { name: 'Show' }).click();
    await node('doubled').waitFor();

    // Emptied of steps: the empty state in place of the canvas.
    await page.locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText('name: p\nsteps: []\n');
    await panel.getByText('No steps yet.').waitFor();
    expect(await panel.locator('.react-flow__node').count()).toBe(0);

    expect(errors).toEqual([]);
    await context.close();
  });
});
