import type { Aspect, FactUnit } from '@reps/shared';
import { countToolCallTokens } from '../tokens.js';
import type { ChatMessage, CompletionRequest, ToolSpec } from '../types.js';
import { hashSeed, Rng } from './prng.js';
import { SimCall } from './sim-call.js';
import { getSimModel, type SimModelId, simCostUsd, simLatencyMs } from './sim-models.js';
import { completeSync } from './sim-provider.js';
import { runAgent } from './study/tool-study.js';
import {
  DECISION_ASPECTS,
  DECISION_SCHEMA,
  distractorTools,
  supportTools,
  type ToolCase,
  toolCase,
} from './study/tool-task.js';
import { clarityOf, toolChoiceAccuracy } from './tool-choice.js';
import { toolInput } from './tool-schema.js';
import { lookupWords } from './tool-words.js';

// Property tests of tool use (docs/sim.md, "Tool use"), each over many fresh cases.

const TASK =
  'Decide how to resolve this customer message: refund, replacement, store_credit, deny or escalate.';
const BY_ID = lookupWords(['get', 'order', 'id']);

function firstTurn(
  model: SimModelId,
  c: ToolCase,
  tools: ToolSpec[],
  extra: Partial<CompletionRequest> = {},
) {
  const request: CompletionRequest = {
    model,
    messages: [
      { role: 'system', content: 'You are a support agent for an online shop.' },
      { role: 'user', content: `${TASK}\n\n${c.document}` },
    ],
    tools,
    toolChoice: 'auto',
    output: { kind: 'json', schema: DECISION_SCHEMA, strict: true },
    ...extra,
  };
  return completeSync(getSimModel(model)!, request, { facts: c.facts, aspects: DECISION_ASPECTS });
}

/** The share of first turns that call get_order with the message's order id, and the rate the rules state. */
function rightLookupRate(model: SimModelId, tools: ToolSpec[], draws: number, salt: string) {
  const spec = getSimModel(model)!;
  const getOrder = tools.find((t) => t.name === 'get_order')!;
  let right = 0;
  let stated = 0;
  for (let i = 0; i < draws; i++) {
    const c = toolCase(`${salt}-${i}`, { messages: 1, byEmail: 0, policy: false, otherOrders: 0 });
    const completion = firstTurn(model, c, tools);
    const calls = completion.toolCalls ?? [];
    const args = (calls[0]?.arguments ?? {}) as Record<string, unknown>;
    if (calls.length === 1 && calls[0]!.name === 'get_order' && Object.values(args)[0] === c.orders[0]!.id)
      right++;
    stated += toolChoiceAccuracy(spec, {
      clarity: clarityOf(getOrder, BY_ID),
      tightness: toolInput(getOrder, BY_ID).tightness,
      tools: tools.length,
      turns: 0,
      contextFill: completion.usage.input_tokens / spec.contextTokens,
    });
  }
  return { rate: right / draws, stated: stated / draws };
}

const DRAWS = 10_000;

describe('sim tools: choosing the right tool (±2 points of the stated rate over 10,000 draws)', () => {
  it('picks a clearly described tool more often than a vaguely described one', () => {
    const clear = rightLookupRate('sim-mini', supportTools(), DRAWS, 'clear');
    const vague = rightLookupRate('sim-mini', supportTools({ vague: true }), DRAWS, 'vague');
    for (const r of [clear, vague]) expect(Math.abs(r.rate - r.stated)).toBeLessThan(0.02);
    expect(clear.rate - vague.rate).toBeGreaterThan(0.1);
  });

  it('loses accuracy with the number of tools offered: 2, 8, 16', () => {
    const rates = [2, 8, 16].map((n) => {
      const tools = [...supportTools(), ...distractorTools(12)].slice(0, n);
      return rightLookupRate('sim-mini', tools, DRAWS, `count-${n}`);
    });
    for (const r of rates) expect(Math.abs(r.rate - r.stated)).toBeLessThan(0.02);
    expect(rates[0]!.rate).toBeGreaterThan(rates[1]!.rate + 0.05);
    expect(rates[1]!.rate).toBeGreaterThan(rates[2]!.rate + 0.05);
  });

  it('fills a tight input schema right more often than a loose one', () => {
    const tight = rightLookupRate('sim-mini', supportTools(), DRAWS, 'tight');
    const loose = rightLookupRate('sim-mini', supportTools({ loose: true }), DRAWS, 'loose');
    for (const r of [tight, loose]) expect(Math.abs(r.rate - r.stated)).toBeLessThan(0.02);
    expect(tight.rate - loose.rate).toBeGreaterThan(0.08);
  });

  it('is right more often on a stronger tier: sim-mini < sim-standard < sim-pro', () => {
    const rates = (['sim-mini', 'sim-standard', 'sim-pro'] as SimModelId[]).map((m) =>
      rightLookupRate(m, supportTools(), DRAWS, `tier-${m}`),
    );
    for (const r of rates) expect(Math.abs(r.rate - r.stated)).toBeLessThan(0.02);
    expect(rates[0]!.rate).toBeLessThan(rates[1]!.rate);
    expect(rates[1]!.rate).toBeLessThan(rates[2]!.rate);
  });
});

describe('sim tools: arguments and turns', () => {
  it('passes only arguments it has seen: an order id comes from the search that lists it', () => {
    let early = 0;
    let fetched = 0;
    for (let i = 0; i < 300; i++) {
      const c = toolCase(`seen-${i}`, { messages: 1, byEmail: 1, policy: false });
      const id = c.orders[0]!.id;
      const { messages } = runAgent('sim-mini', c, c.facts[0]!, supportTools(), 8);
      messages.forEach((m, at) => {
        for (const call of m.tool_calls ?? []) {
          if (!JSON.stringify(call.arguments).includes(id)) continue;
          const listed = messages
            .slice(0, at)
            .some((earlier) => earlier.role === 'tool' && earlier.content.includes(id));
          if (listed) fetched++;
          else early++;
        }
      });
    }
    expect(early).toBe(0);
    expect(fetched).toBeGreaterThan(200);
  });

  it('asks for several lookups in one turn, more often on a stronger tier, never the same call twice', () => {
    const share = (model: SimModelId) => {
      let parallel = 0;
      for (let i = 0; i < 1000; i++) {
        const c = toolCase(`parallel-${i}`, { messages: 4, byEmail: 0, policy: false });
        const calls = firstTurn(model, c, supportTools()).toolCalls ?? [];
        const keys = calls.map((call) => `${call.name}:${JSON.stringify(call.arguments)}`);
        expect(new Set(keys).size).toBe(keys.length);
        if (calls.length > 1) parallel++;
      }
      return parallel / 1000;
    };
    const [mini, standard, pro] = [share('sim-mini'), share('sim-standard'), share('sim-pro')];
    expect(mini).toBeGreaterThan(0.4);
    expect(mini).toBeLessThan(standard);
    expect(standard).toBeLessThan(pro);
  });

  it('makes the same calls at temperature 0 whatever the wording, and the same call twice', () => {
    let differ = 0;
    for (let i = 0; i < 500; i++) {
      const c = toolCase(`wording-${i}`, { messages: 2, byEmail: 0.5 });
      const a = firstTurn('sim-mini', c, supportTools());
      const again = firstTurn('sim-mini', c, supportTools());
      expect(again).toEqual(a);
      const reworded = firstTurn('sim-mini', c, supportTools(), {
        messages: [
          { role: 'user', content: `Please settle these support requests, thanks!\n${c.document}\n` },
        ],
      });
      if (JSON.stringify(reworded.toolCalls) !== JSON.stringify(a.toolCalls)) differ++;
    }
    // The wording moves the context fill a hair, which moves the stated rate a hair: a few flips.
    expect(differ).toBeLessThan(10);
  });

  it('prices and times a tool-call turn like any call, its output the calls', () => {
    const spec = getSimModel('sim-standard')!;
    const c = toolCase('priced', { messages: 3 });
    const completion = firstTurn('sim-standard', c, supportTools());
    const calls = completion.toolCalls!;
    expect(calls.length).toBeGreaterThan(0);
    expect(completion.usage.output_tokens).toBe(countToolCallTokens(calls));
    expect(completion.cost_usd).toBe(
      simCostUsd(spec, completion.usage.input_tokens, completion.usage.output_tokens),
    );
    expect(completion.latency_ms).toBe(simLatencyMs(spec, completion.usage.output_tokens));
    // The tools offered are input: the same prompt without them costs fewer tokens.
    const without = firstTurn('sim-standard', c, [], { toolChoice: undefined });
    expect(without.usage.input_tokens).toBeLessThan(completion.usage.input_tokens);
  });

  it('answers without calling when tools may not be called, are not offered, or nothing is missing', () => {
    const c = toolCase('answers', { messages: 1 });
    expect(firstTurn('sim-pro', c, supportTools(), { toolChoice: 'none' }).toolCalls).toBeUndefined();
    // No tools offered is exactly a call without tools: tool use moves no other call.
    expect(firstTurn('sim-pro', c, [])).toEqual(
      firstTurn('sim-pro', c, [], { tools: undefined, toolChoice: undefined }),
    );
    expect(firstTurn('sim-pro', c, []).toolCalls).toBeUndefined();
    const all: ChatMessage[] = [
      { role: 'user', content: `${TASK}\n\n${c.document}\n\n${c.facts[0]!.evidence!.decision!.join('\n')}` },
    ];
    expect(firstTurn('sim-pro', c, supportTools(), { messages: all }).toolCalls).toBeUndefined();
  });

  it('reads evidence in a JSON tool result, line breaks escaped', () => {
    const c = toolCase('escaped', { messages: 1, policy: false });
    const record = c.orders[0]!.record.replace(/, /g, ',\n');
    const facts = [{ ...c.facts[0]!, evidence: { decision: [record] } }];
    const messages: ChatMessage[] = [
      { role: 'user', content: `${TASK}\n\n${c.document}` },
      { role: 'assistant', content: '', tool_calls: [{ id: 'call_1_1', name: 'get_order', arguments: {} }] },
      { role: 'tool', tool_call_id: 'call_1_1', name: 'get_order', content: JSON.stringify({ record }) },
    ];
    const spec = getSimModel('sim-mini')!;
    const call = new SimCall(spec, { model: spec.id, messages }, { facts, aspects: DECISION_ASPECTS }, 0.1);
    expect(JSON.stringify({ record })).toContain('\\n');
    expect(call.spanPresent(record)).toBe(true);
  });

  it('decides as well as a fixed pipeline once the lookups are done: the usual rules on the whole conversation', () => {
    let right = 0;
    let answered = 0;
    for (let i = 0; i < 400; i++) {
      const c = toolCase(`final-${i}`, { messages: 1 });
      const outcome = runAgent('sim-pro', c, c.facts[0]!, supportTools(), 10);
      const fetchedAll = c.facts[0]!.evidence!.decision!.every((span) =>
        outcome.messages.some((m) => m.role === 'tool' && m.content.includes(span.slice(0, 40))),
      );
      if (!fetchedAll || outcome.decision === undefined) continue;
      answered++;
      if (outcome.decision === c.facts[0]!.answers.decision) right++;
    }
    expect(answered).toBeGreaterThan(300);
    // sim-pro with its evidence: about 0.96, a little less for the items in the conversation.
    expect(right / answered).toBeGreaterThan(0.9);
  });
});

describe('sim tools: which visible argument the model knows to look up (rule 3, linked arguments)', () => {
  const ASPECTS: Aspect[] = [{ name: 'answer', synonyms: [], keywords: ['answer'] }];
  const SCHEMA = { type: 'object', required: ['answer'], properties: { answer: { type: 'string' } } };
  const FETCH: ToolSpec = {
    name: 'fetch_document',
    description: 'Fetch and read one document of the store by its id. Returns its title and text.',
    input_schema: {
      type: 'object',
      required: ['id'],
      properties: { id: { type: 'string', pattern: '^[A-Z]{2}-[0-9]{4}$' } },
    },
  };
  const SEARCH: ToolSpec = {
    name: 'search_documents',
    description: 'Search the documents of the store by a query; lists the ids and titles of the hits.',
    input_schema: {
      type: 'object',
      required: ['query'],
      properties: { query: { type: 'string', minLength: 2 } },
    },
  };
  const SPAN = 'The supplier shall replace any goods damaged on arrival within fourteen days of the claim.';
  const TITLE = 'Goods damaged on arrival: replacement terms';

  /** A store of 124 document ids; the evidence is in one of them, found by a search for "Helix". */
  function store(seed: string) {
    const rng = new Rng(hashSeed(seed));
    const ids = new Set<string>();
    while (ids.size < 124)
      ids.add(`${rng.pick(['AR', 'DK', 'PR', 'AG'])}-${String(1000 + rng.int(9000)).padStart(4, '0')}`);
    const all = [...ids];
    const right = all[rng.int(all.length)]!;
    const facts: FactUnit[] = [
      {
        id: 'Q1',
        text: 'What does Helix owe for goods damaged on arrival?',
        answers: { answer: 'replacement' },
        evidence: { answer: [SPAN] },
        sources: [
          {
            span: SPAN,
            via: [
              { words: ['search', 'documents', 'query'], arg: 'Helix' },
              { words: ['fetch', 'document'], arg: right },
            ],
          },
        ],
      },
    ];
    return { all, right, facts };
  }

  function firstCall(messages: ChatMessage[], facts: FactUnit[], tools = [FETCH]) {
    const spec = getSimModel('sim-pro')!;
    const request: CompletionRequest = {
      model: spec.id,
      messages,
      tools,
      toolChoice: 'auto',
      temperature: 0.9,
      sampleIndex: 0,
      output: { kind: 'json', schema: SCHEMA, strict: true },
    };
    const completion = completeSync(spec, request, { facts, aspects: ASPECTS });
    return completion.toolCalls?.[0];
  }

  const question = (facts: FactUnit[], extra: string) => `Question: ${facts[0]!.text}\n${extra}`;
  const fetched = (call: { name: string; arguments: unknown } | undefined, id: string) =>
    call?.name === 'fetch_document' && (call.arguments as { id?: string }).id === id;

  it('guesses among a bare list of ids: the right first fetch at about chance, 1 in 124', () => {
    let right = 0;
    const draws = 2000;
    for (let i = 0; i < draws; i++) {
      const { all, right: id, facts } = store(`bare-${i}`);
      const call = firstCall(
        [{ role: 'user', content: question(facts, `Document ids: ${all.join(' ')}`) }],
        facts,
      );
      if (fetched(call, id)) right++;
    }
    // Chance is 0.8 %; before the rule sim-pro fetched the right one about 96 % of the time. A rate
    // over 3 % over 2,000 draws is more than 5 standard deviations above chance.
    expect(right / draws).toBeLessThan(0.03);
  });

  it('knows the id in a titled contents list (the title shares words with the evidence)', () => {
    let right = 0;
    const draws = 500;
    for (let i = 0; i < draws; i++) {
      const { all, right: id, facts } = store(`titled-${i}`);
      const lines = all.map((d) => (d === id ? `${d} ${TITLE}` : `${d} Board minutes, quarterly meeting`));
      const call = firstCall([{ role: 'user', content: question(facts, lines.join('\n')) }], facts);
      if (fetched(call, id)) right++;
    }
    expect(right / draws).toBeGreaterThan(0.85);
  });

  /** The conversation after one search for "Helix" that returned `hits` (the model's own call and its result). */
  function afterSearch(facts: FactUnit[], hits: unknown[], prompt = question(facts, '')): ChatMessage[] {
    return [
      { role: 'user', content: prompt },
      {
        role: 'assistant',
        content: '',
        tool_calls: [{ id: 'call_1_1', name: 'search_documents', arguments: { query: 'Helix' } }],
      },
      { role: 'tool', tool_call_id: 'call_1_1', name: 'search_documents', content: JSON.stringify(hits) },
    ];
  }

  it('knows an id (a) in the question, (b) alone in the result of the search that led to it, (c) alone of its kind', () => {
    const rates = { a: 0, b: 0, bOwn: 0, c: 0 };
    const draws = 300;
    for (let i = 0; i < draws; i++) {
      const { all, right: id, facts } = store(`abc-${i}`);
      const inQuestion: FactUnit[] = [{ ...facts[0]!, text: `${facts[0]!.text} (see ${id})` }];
      const list = `Document ids: ${all.join(' ')}`;
      if (fetched(firstCall([{ role: 'user', content: question(inQuestion, list) }], inQuestion), id))
        rates.a++;
      // The search returned the one id, though the prompt lists the whole store.
      const searched = afterSearch(facts, [{ id }], question(facts, list));
      if (fetched(firstCall(searched, facts, [SEARCH, FETCH]), id)) rates.b++;
      // It returned the id and the one that document cites, where the unit's other evidence is: no rival.
      const cited = all.find((d) => d !== id)!;
      const chained: FactUnit[] = [
        {
          ...facts[0]!,
          evidence: { answer: [SPAN, 'The claim was filed on 2026-03-02.'] },
          sources: [
            ...facts[0]!.sources!,
            {
              span: 'The claim was filed on 2026-03-02.',
              via: [...facts[0]!.sources![0]!.via, { words: ['fetch', 'document'], arg: cited }],
            },
          ],
        },
      ];
      const both = [cited, id].sort().map((d) => ({ id: d }));
      if (fetched(firstCall(afterSearch(chained, both), chained, [SEARCH, FETCH]), id)) rates.bOwn++;
      if (fetched(firstCall([{ role: 'user', content: question(facts, `The file: ${id}`) }], facts), id))
        rates.c++;
    }
    for (const r of Object.values(rates)) expect(r / draws).toBeGreaterThan(0.85);
  });

  it('guesses among the ids of a search result that lists them bare: one that returns every id is no help', () => {
    // The omni-search: a tool that answers any query with every document id of the store. Before
    // rule (b) narrowed, the id's being in the previous lookup's result linked it (sim-pro about 97 %).
    let omni = 0;
    let ten = 0;
    const draws = 2000;
    for (let i = 0; i < draws; i++) {
      const { all, right: id, facts } = store(`omni-${i}`);
      const everything = afterSearch(
        facts,
        all.map((d) => ({ id: d })),
      );
      if (fetched(firstCall(everything, facts, [SEARCH, FETCH]), id)) omni++;
      if (i >= 1000) continue;
      const others = all.filter((d) => d !== id).slice(0, 9);
      const hits = [...others.slice(0, 4), id, ...others.slice(4)].map((d) => ({ id: d }));
      if (fetched(firstCall(afterSearch(facts, hits), facts, [SEARCH, FETCH]), id)) ten++;
    }
    // Chance among 124 is 0.8 %: over 3 % in 2,000 draws is more than 5 standard deviations above it.
    expect(omni / draws).toBeLessThan(0.03);
    // Among the ten the search returned, not the 124 of the store: about 1 in 10 times sim-pro's 97 %
    // (a standard deviation is about 1 point over 1,000 draws).
    expect(ten / 1000).toBeGreaterThan(0.06);
    expect(ten / 1000).toBeLessThan(0.14);
  });

  it('knows the id in a search result whose titles and snippets match the question', () => {
    let right = 0;
    const draws = 500;
    const filler = [
      ['Board minutes, quarterly meeting', 'The board met and approved the minutes of the last meeting.'],
      ['Annual report', 'Revenue for the year rose on stronger sales in the north.'],
      ['Press release: new chief executive', 'The company appointed a new chief executive officer.'],
      ['Subsidiary filing', 'The subsidiary filed its accounts with the registrar.'],
      ['Court docket: employment claim', 'A former employee claims unpaid overtime.'],
    ];
    for (let i = 0; i < draws; i++) {
      const { all, right: id, facts } = store(`snippets-${i}`);
      const others = all.filter((d) => d !== id).slice(0, filler.length);
      const hits = others.map((d, k) => ({ id: d, title: filler[k]![0], snippet: filler[k]![1] }));
      hits.splice(i % (hits.length + 1), 0, { id, title: TITLE, snippet: `${SPAN.slice(0, 60)}…` });
      if (fetched(firstCall(afterSearch(facts, hits), facts, [SEARCH, FETCH]), id)) right++;
    }
    expect(right / draws).toBeGreaterThan(0.85);
  });
});
