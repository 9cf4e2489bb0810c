import { execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import { countTextTokens } from '../tokens.js';
import { type CompletionRequest, ModelError } from '../types.js';
import { SIM_MODELS } from './sim-models.js';
import { createSimProvider } from './sim-provider.js';
import { ASPECTS, ask, LIST_ASPECTS, makeFacts, makeListFacts } from './sim-test-kit.js';

const sim = createSimProvider();
const facts = makeFacts(6);
const context = { facts, aspects: ASPECTS };
const RISK = {
  type: 'object',
  required: ['risk'],
  properties: { risk: { type: 'string', enum: ['low', 'medium', 'high'] } },
};

function run(request: CompletionRequest, ctx = context) {
  return sim.complete(request, ctx);
}

describe('sim provider: contract', () => {
  it('lists the three published models with the table prices', () => {
    expect(sim.list().map((m) => m.id)).toEqual(['sim-mini', 'sim-standard', 'sim-pro']);
    expect(sim.describe('sim-pro')).toEqual({
      id: 'sim-pro',
      provider: 'sim',
      contextTokens: 131_072,
      inputPricePerM: 10,
      outputPricePerM: 40,
      simulated: true,
    });
    expect(sim.describe('gpt-4o')).toBeUndefined();
  });

  it('prices and times a call from the table, with gpt-tokenizer counts', async () => {
    const c = await run(ask('sim-standard', `Rate the risk:\n${facts[0]!.text}`));
    const spec = SIM_MODELS[1]!;
    expect(c.usage.output_tokens).toBe(countTextTokens(c.text));
    expect(c.cost_usd).toBeCloseTo((c.usage.input_tokens * 1 + c.usage.output_tokens * 4) / 1e6, 12);
    expect(c.latency_ms).toBe(spec.latencyBaseMs + spec.latencyPerOutputTokenMs * c.usage.output_tokens);
    expect(c.model).toBe('sim-standard');
  });

  it('fails with context_length_exceeded past the context, and not on a larger model', async () => {
    const long = `Rate the risk. ${'lorem ipsum dolor sit amet '.repeat(2_000)}`;
    const error = await run(ask('sim-mini', long)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelError);
    expect((error as ModelError).code).toBe('context_length_exceeded');
    await expect(run(ask('sim-standard', long))).resolves.toMatchObject({ model: 'sim-standard' });
  });

  it('rejects a model it does not serve with model_error', async () => {
    await expect(run(ask('sim-huge', 'hi'))).rejects.toMatchObject({ code: 'model_error' });
  });
});

describe('sim provider: determinism', () => {
  const request = (t: number, sampleIndex: number) =>
    ask('sim-mini', `Rate the risk of each clause:\n${facts.map((f) => f.text).join('\n')}`, {
      temperature: t,
      sampleIndex,
    });

  it('repeats itself at temperature 0, across samples too', async () => {
    const texts = await Promise.all([0, 0, 1, 2].map((i) => run(request(0, i)).then((c) => c.text)));
    expect(new Set(texts).size).toBe(1);
  });

  it('varies across samples above temperature 0, and repeats each sample', async () => {
    const texts = await Promise.all(
      Array.from({ length: 12 }, (_, i) => run(request(0.7, i)).then((c) => c.text)),
    );
    expect(new Set(texts).size).toBeGreaterThan(1);
    expect((await run(request(0.7, 3))).text).toBe(texts[3]);
  });

  it('gives the same answers in a separate node process', async () => {
    const requests = [
      request(0, 0),
      request(0.9, 4),
      ask('sim-pro', `Classify:\n${facts[2]!.text}`, { output: { kind: 'json', schema: RISK } }),
    ];
    const here = await Promise.all(requests.map((r) => run(r)));
    const there = runInChildProcess(requests);
    expect(there).toEqual(JSON.parse(JSON.stringify(here)));
  });
});

describe('sim provider: reading the prompt', () => {
  const unit = facts[1]!;

  it('finds a unit despite whitespace, quoting, case and a template around it', async () => {
    const mangled = `  Clause under review >>> “${unit.text.toUpperCase().replace(/ /g, '\n   ')}” <<< end.`;
    const plain = await run(
      ask('sim-mini', `Rate the risk:\n${unit.text}`, {
        output: { kind: 'json', schema: RISK, strict: true },
      }),
    );
    const templated = await run(
      ask('sim-mini', `Rate the risk:\n${mangled}`, { output: { kind: 'json', schema: RISK, strict: true } }),
    );
    expect(plain.json).toHaveProperty('risk');
    expect(templated.json).toHaveProperty('risk');
    // Same unit, different prompts: answers are independent draws but both come from its facts.
    expect(['low', 'medium', 'high']).toContain((templated.json as { risk: string }).risk);
  });

  it('answers every unit present, in prompt order, whatever order they are pasted in', async () => {
    const reversed = [...facts].reverse();
    const schema = {
      type: 'array',
      items: { type: 'object', properties: { id: { type: 'string' }, severity: { type: 'string' } } },
    };
    const c = await run(
      ask('sim-pro', `Rate each:\n${reversed.map((f) => `- "${f.text}"`).join('\n')}`, {
        output: { kind: 'json', schema, strict: true },
      }),
    );
    expect((c.json as Array<{ id: string }>).map((x) => x.id)).toEqual(reversed.map((f) => f.id));
  });

  it('does not count a unit when most of its text is missing', async () => {
    const half = unit.text.split(' ').slice(0, 6).join(' ');
    const c = await run(ask('sim-mini', `Rate the risk of: ${half}`));
    expect(c.text).toMatch(/hard to be sure|more context/);
  });

  it('maps schema synonyms to aspects and keeps the schema enum spelling', async () => {
    const schema = {
      type: 'object',
      properties: { severity: { enum: ['LOW', 'MEDIUM', 'HIGH'] }, category: { type: 'string' } },
    };
    const c = await run(
      ask('sim-pro', `Assess:\n${unit.text}`, { output: { kind: 'json', schema, strict: true } }),
    );
    const json = c.json as { severity: string; category: string };
    expect(['LOW', 'MEDIUM', 'HIGH']).toContain(json.severity);
    expect(['indemnity', 'termination', 'payment', 'boilerplate']).toContain(json.category);
  });

  it('answers free text in prose that names the value', async () => {
    const c = await run(ask('sim-pro', `How risky is this clause?\n${unit.text}`));
    expect(c.json).toBeUndefined();
    expect(c.text).toMatch(/risk (is|as|:) ?(low|medium|high)|Risk: (low|medium|high)/i);
  });

  it('gives a vague but plausible answer to a task it does not recognise', async () => {
    const text = await run(ask('sim-mini', 'Write a haiku about the sea.')).then((c) => c.text);
    expect(text.length).toBeGreaterThan(20);
    const schema = { type: 'object', properties: { poem: { type: 'string' }, lines: { type: 'integer' } } };
    const json = await run(
      ask('sim-mini', 'Write a haiku.', { output: { kind: 'json', schema, strict: true } }),
    ).then((c) => c.json);
    expect(json).toEqual({ poem: expect.any(String), lines: expect.any(Number) });
  });

  it('lists the units it rates as a value for a filter property such as high_risk', async () => {
    const schema = {
      type: 'object',
      properties: { high_risk: { type: 'array', items: { type: 'integer' } } },
    };
    const c = await run(
      ask('sim-pro', `Which clauses are high risk?\n${facts.map((f) => f.text).join('\n')}`, {
        output: { kind: 'json', schema, strict: true },
      }),
    );
    const listed = (c.json as { high_risk: number[] }).high_risk;
    for (const n of listed) expect(facts.map((_, i) => i + 1)).toContain(n);
  });
});

describe('sim provider: feedback', () => {
  const schema = { type: 'object', required: ['risk'], properties: { risk: { type: 'string' } } };

  it('never repeats a value a conversation called wrong, over 500 units and two rounds', async () => {
    const many = makeFacts(500, 3);
    for (const f of many) {
      const ctx = { facts: many, aspects: ASPECTS };
      const first = `Rate the risk of this clause.\n${f.text}`;
      const a = await run(ask('sim-mini', first), ctx);
      const said1 = /risk (?:is|as) (low|medium|high)|Risk: (low|medium|high)/i.exec(a.text);
      const v1 = (said1![1] ?? said1![2])!.toLowerCase();
      const messages = [
        { role: 'user' as const, content: first },
        { role: 'assistant' as const, content: a.text },
        { role: 'user' as const, content: 'That answer was wrong. Try again, as JSON.' },
      ];
      const b = await run(
        { model: 'sim-mini', messages, output: { kind: 'json', schema, strict: true } },
        ctx,
      );
      const v2 = riskIn(b.text);
      expect(v2).not.toBe(v1);
      const third = [
        ...messages,
        { role: 'assistant' as const, content: b.text },
        { role: 'user' as const, content: 'Still incorrect.' },
      ];
      const c = await run(
        { model: 'sim-mini', messages: third, output: { kind: 'json', schema, strict: true } },
        ctx,
      );
      expect([v1, v2]).not.toContain(riskIn(c.text));
    }
  });

  it('reads feedback written into a single prompt, as the executor renders it', async () => {
    for (const value of ['low', 'medium', 'high']) {
      for (const f of facts) {
        const prompt = `Rate the risk.\n${f.text}\n\nYour answer {"risk":"${value}"} failed: it was wrong.`;
        const c = await run(ask('sim-mini', prompt, { output: { kind: 'json', schema, strict: true } }));
        expect(riskIn(c.text)).not.toBe(value);
      }
    }
  });
});

describe('sim provider: feedback blames what it names', () => {
  const both = {
    type: 'object',
    required: ['risk', 'type'],
    properties: { risk: { type: 'string' }, type: { type: 'string' } },
  };
  const many = makeFacts(300, 5);
  const ctx = { facts: many, aspects: ASPECTS };
  // The prompt names every aspect and every allowed value, as a good prompt does.
  const task = (f: (typeof many)[number]) =>
    `Rate the risk (low, medium or high) and the type (indemnity, termination, payment or boilerplate) of this clause.\n${f.text}`;
  const otherRisk = (risk: unknown) => (risk === 'high' ? 'low' : 'high');

  it('excludes only the value the reason names; a field it does not call wrong keeps its accuracy', async () => {
    let typeRight = 0;
    for (const f of many) {
      const wrong = otherRisk(f.answers.risk);
      const answer = JSON.stringify({ risk: wrong, type: f.answers.type });
      const prompt = `${task(f)}\n\nYour answer ${answer} failed: the risk is wrong.`;
      const c = await run(
        ask('sim-mini', prompt, { output: { kind: 'json', schema: both, strict: true } }),
        ctx,
      );
      const json = (c.json ?? {}) as { risk?: string; type?: string };
      expect(json.risk).not.toBe(wrong);
      if (json.type === f.answers.type) typeRight++;
    }
    // Before the fix every quoted value was excluded, the right type included: 0 %.
    expect(typeRight / many.length).toBeGreaterThan(0.75);
  });

  it("blames the field a check's reason names, as in \"the type is 'x', which is not allowed\"", async () => {
    for (const f of many.slice(0, 100)) {
      const answer = JSON.stringify({ risk: f.answers.risk, type: 'boilerplate' });
      const prompt = `${task(f)}\n\nYour answer ${answer} failed: the type is "boilerplate", which is not allowed here.`;
      const c = await run(
        ask('sim-mini', prompt, { output: { kind: 'json', schema: both, strict: true } }),
        ctx,
      );
      expect((c.json as { type?: string } | undefined)?.type).not.toBe('boilerplate');
    }
  });

  it('still excludes every quoted value when the feedback names no field', async () => {
    for (const f of many.slice(0, 100)) {
      const answer = JSON.stringify({ risk: 'medium', type: 'payment' });
      const prompt = `${task(f)}\n\nYour answer ${answer} failed: it is wrong.`;
      const c = await run(
        ask('sim-mini', prompt, { output: { kind: 'json', schema: both, strict: true } }),
        ctx,
      );
      const json = (c.json ?? {}) as { risk?: string; type?: string };
      expect(json.risk).not.toBe('medium');
      expect(json.type).not.toBe('payment');
    }
  });

  it('excludes the values of every round whose feedback is in the prompt', async () => {
    for (const f of many) {
      const prompt = [
        task(f),
        'Your answer {"risk":"low","type":"payment"} failed: the risk is wrong.',
        'Your answer {"risk":"medium","type":"payment"} failed: the risk is wrong.',
      ].join('\n\n');
      const c = await run(
        ask('sim-mini', prompt, { output: { kind: 'json', schema: both, strict: true } }),
        ctx,
      );
      // A rare strict-mode fault drops a field: such answers say nothing.
      if (c.json) expect(['high', null]).toContain((c.json as { risk?: string | null }).risk);
    }
  });

  it('reads a complaint about the JSON format as calling no value wrong', async () => {
    let right = 0;
    for (const f of many) {
      const said = JSON.stringify({ risk: f.answers.risk, type: f.answers.type });
      const prompt = `${task(f)}\n\nYour previous answer was rejected (invalid_output): the answer is not JSON: ${said} I hope this helps.. Answer again and fix this.`;
      const c = await run(
        ask('sim-mini', prompt, { output: { kind: 'json', schema: both, strict: true } }),
        ctx,
      );
      if ((c.json as { risk?: string } | undefined)?.risk === f.answers.risk) right++;
    }
    expect(right / many.length).toBeGreaterThan(0.75);
  });
});

describe('sim provider: lists and ids in JSON', () => {
  const listFacts = makeListFacts(200, 2);
  const ctx = { facts: listFacts, aspects: LIST_ASPECTS };
  const citationsSchema = {
    type: 'object',
    required: ['citations'],
    properties: { citations: { type: 'array', items: { type: 'string' } } },
  };

  it('answers a list property named after an aspect without values, element by element', async () => {
    let right = 0;
    for (const f of listFacts) {
      const c = await run(
        ask('sim-pro', `Which documents does this clause cite?\n${f.text}`, {
          output: { kind: 'json', schema: citationsSchema, strict: true },
        }),
        ctx,
      );
      const said = (c.json as { citations?: unknown[] } | undefined)?.citations;
      // A rare strict-mode fault drops the field: not a draw.
      if (said === undefined) continue;
      const truth = f.answers.citations as string[];
      expect(Array.isArray(said)).toBe(true);
      for (const x of said) expect(typeof x === 'string' && x !== '' && !x.includes(',')).toBe(true);
      if (JSON.stringify(said) === JSON.stringify(truth)) right++;
      // A miss is the list with one element dropped or one added.
      else expect(Math.abs(said.length - truth.length)).toBe(1);
    }
    expect(right / listFacts.length).toBeGreaterThan(0.85);
  });

  it('fits list answers inside per-unit entries too, and an empty list stays empty', async () => {
    const schema = {
      type: 'array',
      items: {
        type: 'object',
        properties: { id: { type: 'string' }, sources: { type: 'array', items: { type: 'string' } } },
      },
    };
    const some = listFacts.slice(0, 8);
    const c = await run(
      ask('sim-pro', `List the sources each clause cites.\n${some.map((f) => f.text).join('\n')}`, {
        output: { kind: 'json', schema, strict: true },
      }),
      ctx,
    );
    const entries = c.json as Array<{ id: string; sources: unknown[] }>;
    expect(entries).toHaveLength(8);
    for (const e of entries) {
      expect(Array.isArray(e.sources)).toBe(true);
      expect(e.sources).not.toContain('');
      for (const x of e.sources) expect(String(x)).not.toMatch(/,/);
    }
  });

  it('still reads a list named after a boolean aspect as a filter: the units the model calls so', async () => {
    const some = listFacts.slice(0, 10);
    const schema = { type: 'object', properties: { urgent: { type: 'array', items: { type: 'integer' } } } };
    const c = await run(
      ask('sim-pro', `Which clauses are urgent?\n${some.map((f) => f.text).join('\n')}`, {
        output: { kind: 'json', schema, strict: true },
      }),
      ctx,
    );
    const listed = (c.json as { urgent: number[] }).urgent;
    expect(listed.length).toBeGreaterThan(0);
    for (const n of listed) expect(some.map((_, i) => i + 1)).toContain(n);
  });

  it('gives the unit id to id-like properties (sku, code, ref, line_id …) and its number to line_no', async () => {
    const names = [
      'id',
      'sku',
      'code',
      'ref',
      'line_id',
      'lineId',
      'item_code',
      'invoice_ref',
      'reference',
      'uuid',
    ];
    const schema = {
      type: 'object',
      properties: {
        ...Object.fromEntries(names.map((n) => [n, { type: 'string' }])),
        line_no: { type: 'integer' },
        risk: { type: 'string' },
      },
    };
    for (const f of facts) {
      const c = await run(
        ask('sim-mini', `Rate the risk:\n${f.text}`, { output: { kind: 'json', schema, strict: true } }),
      );
      const json = c.json as Record<string, unknown>;
      for (const n of names) expect([n, json[n]]).toEqual([n, f.id]);
      expect(json.line_no).toBe(Number(f.id.split('-')[1]));
    }
  });

  it('never says "undefined": units without an answer for the aspect offer no wrong value', async () => {
    // Half the units (documents among questions) have no party at all.
    const aspects = [{ name: 'party', type: 'string' as const, synonyms: [], keywords: ['party'] }];
    const mixed = makeFacts(12, 4).map((f, i) => ({
      ...f,
      answers: i % 2 ? {} : { party: `Party ${i} Ltd` },
    }));
    const schema = {
      type: 'array',
      items: { type: 'object', properties: { id: { type: 'string' }, party: { type: 'string' } } },
    };
    for (let i = 0; i < 40; i++) {
      const c = await run(
        ask(
          'sim-mini',
          `Request ${i}. Name the party of each clause.\n${mixed.map((f) => f.text).join('\n')}`,
          {
            output: { kind: 'json', schema, strict: true },
          },
        ),
        { facts: mixed, aspects },
      );
      expect(c.text).not.toMatch(/undefined/);
    }
  });

  it('does not take words that merely end in "id" for ids', async () => {
    const schema = { type: 'object', properties: { paid: { type: 'string' }, risk: { type: 'string' } } };
    const c = await run(
      ask('sim-mini', `Rate the risk:\n${facts[0]!.text}`, {
        output: { kind: 'json', schema, strict: true },
      }),
    );
    expect((c.json as { paid: string }).paid).not.toBe(facts[0]!.id);
  });
});

/** The risk in a JSON answer's text, even when a rare format fault wrapped it in prose. */
function riskIn(text: string): string | null | undefined {
  const m = /"risk":\s*(?:null|"(\w+)")/.exec(text);
  return m ? (m[1] ?? null) : undefined;
}

/**
 * Compiles the simulator (with the model contract and token counter) to plain JS in a temp folder
 * and runs the requests in a fresh node process: equal output proves no hidden state or randomness.
 */
function runInChildProcess(requests: CompletionRequest[]): unknown {
  const here = resolve('packages/engine/src/models');
  const out = mkdtempSync(join(tmpdir(), 'reps-sim-'));
  try {
    const files = [
      'types.ts',
      'tokens.ts',
      // What tokens.ts imports to count tool calls.
      'tool-arguments.ts',
      '../trace/value-depth.ts',
      ...readdirSync(join(here, 'sim'))
        .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
        .map((f) => `sim/${f}`),
    ];
    for (const file of files) {
      const js = ts.transpileModule(readFileSync(join(here, file), 'utf8'), {
        compilerOptions: {
          module: ts.ModuleKind.ESNext,
          target: ts.ScriptTarget.ES2022,
          verbatimModuleSyntax: false,
        },
      }).outputText;
      const target = join(out, 'models', file.replace(/\.ts$/, '.js'));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, js);
    }
    writeFileSync(join(out, 'package.json'), '{"type":"module"}');
    symlinkSync(resolve('node_modules'), join(out, 'node_modules'));
    const script = `import { createSimProvider } from './models/sim/sim-provider.js';
const input = JSON.parse(process.argv[2]);
const sim = createSimProvider();
const results = [];
for (const r of input.requests) results.push(await sim.complete(r, input.context));
process.stdout.write(JSON.stringify(results));`;
    writeFileSync(join(out, 'child.mjs'), script);
    const stdout = execFileSync(process.execPath, ['child.mjs', JSON.stringify({ requests, context })], {
      cwd: out,
      encoding: 'utf8',
    });
    return JSON.parse(stdout);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
