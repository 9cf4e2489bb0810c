import { jest } from '@jest/globals';
import type { Browser, Locator, Page } from 'playwright-core';
import { expectNoSidewaysScroll, launchBrowser, screenshot, setPipeline } from '../support/browser.js';
import { type Client, newLearner } from '../support/client.js';
import { apiUrl } from '../support/stack.js';

jest.setTimeout(420_000);

/**
 * Issue 17 in the browser: a learner writes an agent in the editor, runs it on a challenge's public
 * examples and reads its turns and tool calls in the trace timeline, at a desktop width and on a
 * 390 px phone. order-support-agent's facts say where each answer's evidence is found (an order
 * record, a handbook clause), so the simulated model looks them up with the tools that fit.
 */
const CHALLENGE = 'order-support-agent';

/** One agent per message, with a tool for each place the evidence is: an order, a customer's orders, a clause. */
const agentPipeline = `name: order-support-tools
budget: { max_calls: 200, max_cost_usd: 0.25 }
steps:
  - id: resolved
    map: input.messages
    concurrency: 8
    step:
      agent:
        model: sim-standard
        system: |
          You resolve customer messages for an online shop. Look the order and the handbook clause up
          with the tools; never guess them. The handbook's clauses:
          {{ input.handbook.map((c) => c.clause + ' ' + c.title).join('\\n') }}
        prompt: |
          Message {{ item.message_id }} from {{ item.from }}, received {{ item.received }}:
          {{ item.text }}

          Which order is it about (order_id), which handbook clause decides it (clause), and the
          decision: refund, replacement, store_credit, deny or escalate.
        max_turns: 6
        stop_when: turn >= 4
        output:
          json:
            type: object
            required: [order_id, decision, clause]
            properties:
              order_id: { type: string }
              decision: { enum: [refund, replacement, store_credit, deny, escalate] }
              clause: { type: string }
        tools:
          - name: lookup_order
            description: Looks up one order by its order id and returns its record, item, dates, courier events and status.
            input: { type: object, required: [order_id], properties: { order_id: { type: string } } }
            code: return input.orders.find((o) => o.order_id === args.order_id) || 'no order ' + args.order_id
          - name: customer_orders
            description: Lists the orders a customer placed, found by the customer's email, with their order ids.
            input: { type: object, required: [email], properties: { email: { type: string } } }
            code: return input.orders.filter((o) => o.customer_email === args.email)
          - name: handbook_clause
            description: Reads one clause of the customer care handbook policy by its clause id and returns its rules.
            input: { type: object, required: [clause], properties: { clause: { type: string } } }
            code: return input.handbook.find((c) => c.clause === args.clause) || 'no clause ' + args.clause
  - id: result
    code: |
      return { resolutions: input.messages.map((m, i) => ({ message_id: m.message_id, ...resolved[i] })) };
`;

/** A skill for a tool's `use:`: an order by its id. */
const orderSkill = `name: order-by-id
budget: {}
inputs:
  order_id: { type: string }
steps:
  - id: found
    output: input.order_id
`;

async function signedInPage(
  browser: Browser,
  viewport: { width: number; height: number },
  prepare?: (client: Client) => Promise<void>,
): Promise<Page> {
  const { client } = await newLearner('agent-ui');
  await prepare?.(client);
  const context = await browser.newContext({ viewport, isMobile: viewport.width < 500 });
  const [name, value] = (client.cookie ?? '').split('=');
  await context.addCookies([{ name: name!, value: value!, url: apiUrl() }]);
  return context.newPage();
}

/** A row of the trace timeline by its kind chip (`turn`, `tool`, a step kind). */
const rowsOfKind = (timeline: Locator, kind: string) =>
  timeline.getByRole('button').filter({ has: timeline.page().locator(`.kind--${kind}`) });

async function agentRun(browser: Browser, viewport: { width: number; height: number }, tag: string) {
  const page = await signedInPage(browser, viewport);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${apiUrl()}/c/${CHALLENGE}`);
  await page.locator('.cm-content').waitFor();

  await setPipeline(page, agentPipeline);
  await page.getByRole('button', { name: 'Run on examples' }).click();
  const run = page.getByRole('region', { name: 'Run on the public examples' });
  await run.getByRole('button', { name: 'Trace of case 1' }).waitFor({ timeout: 300_000 });
  await run.getByRole('button', { name: 'Trace of case 1' }).click();
  const timeline = run.getByRole('list', { name: 'Trace timeline' });
  await timeline.waitFor();

  // The agent step, its turns under it (one per model call, the answering one marked final) and
  // the tool calls the turns asked for under them.
  const agents = rowsOfKind(timeline, 'agent');
  const turns = rowsOfKind(timeline, 'turn');
  const tools = rowsOfKind(timeline, 'tool');
  expect(await agents.count()).toBeGreaterThan(0);
  expect(await turns.count()).toBeGreaterThan(await agents.count());
  expect(await turns.first().textContent()).toMatch(/turn 1 · sim-standard[\d,]+ → [\d,]+ tok · \$/);
  expect(await timeline.locator('.trace__badge', { hasText: 'final' }).count()).toBeGreaterThan(0);
  const toolCount = await tools.count();
  expect(toolCount).toBeGreaterThan(0);
  expect(await tools.first().textContent()).toMatch(/^tool(lookup_order|customer_orders|handbook_clause)\(/);

  // A tool call's detail: what the model passed and what went back to it (or why it failed).
  await tools.first().click();
  const detail = run.getByRole('region', {
    name: /^Details of (lookup_order|customer_orders|handbook_clause)\(/,
  });
  await detail.getByText('arguments', { exact: true }).waitFor();
  const failed = (await detail.locator('.badge--bad').count()) > 0;
  if (failed) await detail.locator('.form-error').waitFor();
  else await detail.getByText('result (sent back to the model)').waitFor();
  await expectNoSidewaysScroll(page);
  await screenshot(page, `agent-trace-${tag}-tool-call`);

  // The turn after a tool call shows what it added to the conversation: the calls and their results.
  const second = turns.filter({ hasText: /turn 2 · / }).first();
  await second.click();
  const turnDetail = run.getByRole('region', { name: /^Details of turn 2 / });
  await turnDetail.getByRole('list', { name: 'Tools asked for' }).first().waitFor();
  expect(await turnDetail.locator('.message--tool').count()).toBeGreaterThan(0);
  await expectNoSidewaysScroll(page);
  await screenshot(page, `agent-trace-${tag}-turn`);

  expect(errors).toEqual([]);
  await page.context().close();
  return toolCount;
}

describe('an agent in the workbench', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('runs on the public examples and shows its turns and tool calls in the trace, at 1440 px', async () => {
    await agentRun(browser, { width: 1440, height: 1000 }, 'desktop');
  });

  it('shows the same rows on a 390 px phone without the page scrolling sideways', async () => {
    await agentRun(browser, { width: 390, height: 844 }, 'phone');
  });

  it("completes an agent's keys, a tool's keys, skill names after use: and tool names in stop_when", async () => {
    const page = await signedInPage(browser, { width: 1360, height: 900 }, async (client) => {
      const saved = await client.post('/me/skills', {
        name: 'order-by-id',
        source: orderSkill,
        description: 'an order by its id',
      });
      expect(saved.status).toBe(201);
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${apiUrl()}/c/${CHALLENGE}`);
    await page.locator('.cm-content').waitFor();
    const completions = page.locator('.cm-tooltip-autocomplete');
    const offered = async (label: string) => {
      await page.keyboard.press('Control+Space');
      await completions.getByText(label, { exact: true }).first().waitFor();
      await page.keyboard.press('Escape');
    };

    await setPipeline(page, 'name: t\nsteps:\n  - id: support\n    agent:\n      ');
    await offered('stop_when');
    await offered('max_turns');
    await page.keyboard.insertText('model: ');
    await offered('sim-standard');
    await page.keyboard.insertText(
      'sim-mini\n      prompt: hi\n      tools:\n        - name: lookup_order\n          description: Finds an order.\n          ',
    );
    await offered('input');
    await page.keyboard.insertText('input: { type: object }\n          use: ');
    await offered('order-by-id');
    await page.keyboard.insertText('order-by-id\n      stop_when: ca');
    await offered('calls');
    await page.keyboard.insertText("lls.some((c) => c.name === 'look");
    await offered('lookup_order');

    // The graph beside the editor lists the agent's tool with its body.
    const node = page.getByRole('region', { name: 'Pipeline graph' }).getByTestId('rf__node-support');
    await node.getByText('skill order-by-id').waitFor();
    expect(await node.textContent()).toMatch(
      /agent.*support.*sim-mini, 1 tool.*lookup_order skill order-by-id/,
    );

    expect(errors).toEqual([]);
    await page.context().close();
  });
});
