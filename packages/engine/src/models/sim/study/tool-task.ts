import type { Aspect, FactUnit } from '@reps/shared';
import type { ToolSpec } from '../../types.js';
import { hashSeed, Rng } from '../prng.js';

/**
 * A synthetic order-support task for the tool-use rules (docs/sim.md, "Tool use"): customer
 * messages about orders, a store of order records and a policy handbook. A message's decision rests
 * on its order record and on a policy clause (its evidence); a model with tools finds the record by
 * the order id the message names (or, when it names none, by the customer's email, which lists the
 * id) and the clause by searching the handbook for the message's topic, which lists clause ids to
 * fetch. Deterministic in its seed, like a challenge generator.
 */
export const DECISION_ASPECTS: Aspect[] = [
  {
    name: 'decision',
    values: ['refund', 'replacement', 'store_credit', 'deny', 'escalate'],
    synonyms: ['resolution'],
    keywords: ['decision', 'decide'],
  },
];

export const DECISION_SCHEMA = {
  type: 'object',
  required: ['decision'],
  properties: {
    decision: { type: 'string', enum: ['refund', 'replacement', 'store_credit', 'deny', 'escalate'] },
  },
};

const TOPICS = [
  'arrived damaged',
  'late delivery',
  'return window',
  'warranty repair',
  'final sale',
  'subscription cancellation',
];
const NAMES = ['ana', 'bo', 'chen', 'dara', 'eli', 'fatou', 'gus', 'hana', 'ivo', 'jun', 'kemal', 'lea'];
const ITEMS = [
  'blender',
  'kettle',
  'desk lamp',
  'rain jacket',
  'headphones',
  'yoga mat',
  'coffee grinder',
  'backpack',
];
const CARRIERS = ['Parcelo', 'Swiftline', 'Northpost', 'Boxway'];
const FILLER = (
  'amber basil cedar dune ember fjord grove heath inlet juniper kestrel larch meadow nettle orchard ' +
  'pebble quarry reed sorrel thistle upland vale willow yarrow zephyr'
).split(' ');

export interface ToolCaseOrder {
  id: string;
  email: string;
  record: string;
}

export interface ToolCaseClause {
  id: string;
  topic: string;
  title: string;
  text: string;
}

export interface ToolCase {
  facts: FactUnit[];
  orders: ToolCaseOrder[];
  clauses: ToolCaseClause[];
  /** The messages as the case input presents them, one a line. */
  document: string;
}

export interface ToolCaseOptions {
  /** Customer messages (units). */
  messages?: number;
  /** Orders in the store besides the messages' own. */
  otherOrders?: number;
  /** Share of messages that name no order id (found by email). */
  byEmail?: number;
  /** Whether the policy clause is evidence too (two lookups per message) or only the order. */
  policy?: boolean;
}

export function toolCase(seed: string, options: ToolCaseOptions = {}): ToolCase {
  const { messages = 1, otherOrders = 20, byEmail = 0.3, policy = true } = options;
  const rng = new Rng(hashSeed('tool-case', seed));
  const filler = (n: number) => Array.from({ length: n }, () => rng.pick(FILLER)).join(' ');
  const tag = seed.replace(/[^a-z0-9]/gi, '').slice(-6);
  const clauses: ToolCaseClause[] = TOPICS.map((topic, i) => ({
    id: `P-${tag}-${i + 1}`,
    topic,
    title: `Handbook section on ${topic}`,
    text: `Clause P-${tag}-${i + 1} (${topic}): when a customer reports ${topic} the agent checks the ${filler(6)} record and settles it under rule ${rng.int(900) + 100} of the ${filler(3)} handbook.`,
  }));
  const usedIds = new Set<string>();
  const newOrder = (): ToolCaseOrder => {
    let id: string;
    do id = `ORD-${rng.int(90_000) + 10_000}`;
    while (usedIds.has(id));
    usedIds.add(id);
    const email = `${rng.pick(NAMES)}.${rng.int(900) + 100}@example.com`;
    const record = `Order ${id} for ${email}: a ${rng.pick(ITEMS)} shipped by ${rng.pick(CARRIERS)} on day ${rng.int(300) + 1}, ${filler(5)}, status ${rng.pick(['delivered', 'in transit', 'returned'])}.`;
    return { id, email, record };
  };
  const orders: ToolCaseOrder[] = [];
  const facts: FactUnit[] = [];
  for (let i = 1; i <= messages; i++) {
    const order = newOrder();
    orders.push(order);
    const clause = rng.pick(clauses);
    const named = !rng.chance(byEmail);
    const text = named
      ? `Message M${i} from ${order.email} about order ${order.id}: my ${filler(4)} purchase, ${clause.topic}, please help with ${filler(3)}.`
      : `Message M${i} from ${order.email}: my recent ${filler(4)} purchase, ${clause.topic}, please help with ${filler(3)}.`;
    const orderVia = named
      ? [{ words: ['get', 'order', 'id'], arg: order.id }]
      : [
          { words: ['find', 'customer', 'email', 'orders'], arg: order.email },
          { words: ['get', 'order', 'id'], arg: order.id },
        ];
    const clauseVia = [
      { words: ['search', 'policy'], arg: clause.topic },
      { words: ['get', 'policy', 'clause'], arg: clause.id },
    ];
    const evidence = policy ? [order.record, clause.text] : [order.record];
    facts.push({
      id: `m-${i}`,
      text,
      answers: { decision: rng.pick(DECISION_ASPECTS[0]!.values as string[]) },
      evidence: { decision: evidence },
      sources: policy
        ? [
            { span: order.record, via: orderVia },
            { span: clause.text, via: clauseVia },
          ]
        : [{ span: order.record, via: orderVia }],
    });
  }
  for (let i = 0; i < otherOrders; i++) orders.push(newOrder());
  return { facts, orders, clauses, document: facts.map((f) => f.text).join('\n') };
}

const ID = { type: 'string', description: 'The order id, e.g. ORD-12345.', pattern: '^ORD-[0-9]+$' };

/** The task's tools, clear (names and descriptions that say what they do) or vague, tight or loose. */
export function supportTools(options: { vague?: boolean; loose?: boolean } = {}): ToolSpec[] {
  const { vague = false, loose = false } = options;
  const schema = (name: string, sub: Record<string, unknown>) =>
    loose ? { type: 'object' } : { type: 'object', required: [name], properties: { [name]: sub } };
  return [
    {
      name: 'get_order',
      description: vague
        ? 'Returns data.'
        : 'Get one order record (items, shipping, status) by its order id.',
      input_schema: schema('order_id', ID),
    },
    {
      name: 'find_orders',
      description: vague
        ? 'Looks things up.'
        : "Find a customer's orders by their email address; lists the order ids and dates.",
      input_schema: schema('email', {
        type: 'string',
        minLength: 3,
        description: "The customer's email.",
      }),
    },
    {
      name: 'search_policy',
      description: vague
        ? 'Runs a query.'
        : 'Search the policy handbook by keywords; lists the matching clause ids and titles.',
      input_schema: schema('query', { type: 'string', description: 'Keywords, e.g. late delivery.' }),
    },
    {
      name: 'get_clause',
      description: vague ? 'Returns text.' : 'Get the full text of one policy clause by its clause id.',
      input_schema: schema('clause_id', { type: 'string', description: 'A clause id such as P-3.' }),
    },
  ];
}

/** Tools a support desk might also offer, none of which helps with this task (tool dilution). */
export function distractorTools(n: number): ToolSpec[] {
  const names = [
    ['get_weather', 'Get the weather forecast for a city for the next three days.'],
    ['list_products', 'List the products of a catalogue category with their prices.'],
    ['get_invoice', 'Get an invoice PDF link by its invoice number for accounting.'],
    ['create_ticket', 'Open a ticket for the engineering team with a title and a body.'],
    ['send_email', 'Send an email message to a recipient address with a subject.'],
    ['check_inventory', 'Check how many units of a product SKU a warehouse holds.'],
    ['get_exchange_rate', 'Get the exchange rate between two currencies today.'],
    ['translate_text', 'Translate a short text into another language.'],
    ['list_stores', 'List the physical stores in a region with their opening hours.'],
    ['get_shift_roster', 'Get the support team roster for a week.'],
    ['convert_units', 'Convert a quantity between metric and imperial units.'],
    ['summarise_reviews', 'Summarise the product reviews of a product SKU.'],
    ['get_coupon', 'Get the discount coupons currently valid for a campaign.'],
    ['schedule_call', 'Schedule a phone call with a customer at a given time.'],
  ];
  return names.slice(0, n).map(([name, description]) => ({
    name: name!,
    description: description!,
    input_schema: { type: 'object', required: ['value'], properties: { value: { type: 'string' } } },
  }));
}

/** The case input a pipeline reads: the messages, the store's orders and the handbook's clauses. */
export function toolCaseInput(c: ToolCase) {
  return {
    messages: c.facts.map((f) => ({ id: f.id, text: f.text })),
    orders: c.orders,
    clauses: c.clauses,
  };
}

/**
 * The bodies of the task's tools, as an agent step's `code` tools (with `input` and `args` in
 * scope): the study runs them in a pipeline, and its direct loop runs the same text.
 */
export const SUPPORT_TOOL_CODE: Record<string, string> = {
  get_order: `const order = input.orders.find((o) => o.id === args.order_id);
if (!order) throw new Error('no order ' + args.order_id);
return { id: order.id, record: order.record };`,
  find_orders: `const email = String(args.email || '').toLowerCase();
if (!email) throw new Error('email is required');
return input.orders.filter((o) => o.email === email).map((o) => ({ order_id: o.id }));`,
  search_policy: `const words = String(args.query || '').toLowerCase().split(/\\s+/).filter((w) => w.length > 3);
if (words.length === 0) throw new Error('query is required');
return input.clauses.filter((c) => words.some((w) => c.topic.includes(w))).map((c) => ({ clause_id: c.id, title: c.title }));`,
  get_clause: `const clause = input.clauses.find((c) => c.id === args.clause_id);
if (!clause) throw new Error('no clause ' + args.clause_id);
return { id: clause.id, text: clause.text };`,
};

/** A distractor's body: it answers, but with nothing the task needs. */
export const DISTRACTOR_TOOL_CODE = "return { note: 'nothing about this here' };";

export function toolCode(name: string): string {
  return SUPPORT_TOOL_CODE[name] ?? DISTRACTOR_TOOL_CODE;
}

const compiled = new Map<string, (input: unknown, args: unknown) => unknown>();

/** Runs a tool's code on a case, as a code tool would (the study's direct loop). */
export function runSupportTool(c: ToolCase, name: string, args: unknown): unknown {
  let run = compiled.get(name);
  if (!run) {
    run = new Function('input', 'args', toolCode(name)) as (input: unknown, args: unknown) => unknown;
    compiled.set(name, run);
  }
  return run(toolCaseInput(c), args && typeof args === 'object' ? args : {});
}
