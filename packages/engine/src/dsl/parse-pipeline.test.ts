import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePipeline } from './parse-pipeline.js';

const example = readFileSync(new URL('./fixtures/clause-risk.pipeline.yaml', import.meta.url), 'utf8');

describe('parsePipeline on valid pipelines', () => {
  it('accepts the clause-risk example and orders its steps by dependency', () => {
    const result = parsePipeline(example, { knownModels: (id) => id.startsWith('sim-') });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.pipeline.steps.map((s) => s.id)).toEqual(['clauses', 'rated', 'checked', 'result']);
    expect(result.graph.deps).toEqual([[], [0], [1], [0, 2]]);
    expect(result.graph.order).toEqual([0, 1, 2, 3]);
  });

  it('accepts the same pipeline written as JSON', () => {
    const json = JSON.stringify({
      name: 'j',
      budget: { max_calls: 3 },
      steps: [
        { id: 'a', code: 'return 1' },
        { id: 'b', output: 'a + 1' },
      ],
    });
    const result = parsePipeline(json);
    expect(result.ok).toBe(true);
  });

  it('reads on_error default(<json>) into { default }', () => {
    const result = parsePipeline(
      `name: x\nbudget: {}\nsteps:\n  - id: a\n    code: return 1\n    on_error: 'default({"n": 1})'\n`,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.pipeline.steps[0]!.on_error).toEqual({ default: { n: 1 } });
  });

  it('does not count property accesses, object keys, strings or locals as dependencies', () => {
    const source = [
      'name: x',
      'budget: {}',
      'steps:',
      '  - id: a',
      '    code: return 1',
      '  - id: b',
      '    code: |',
      '      const b2 = { a: 1 }; // a comment naming c',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the pipeline's code holds a template literal.
      "      return [input.a, 'c', `${b2.a}`, b2.c]",
      '  - id: c',
      '    output: "[b].map((a) => a)"',
    ].join('\n');
    const result = parsePipeline(source);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.graph.deps).toEqual([[], [], [1]]);
  });
});

describe('parsePipeline on code steps', () => {
  it('accepts a body with locals, shadowing, destructuring, closures, await, classes and labels', () => {
    const source = [
      'name: x',
      'budget: {}',
      'steps:',
      '  - id: words',
      '    code: return input.text.split(" ")',
      '  - id: stats',
      '    code: |',
      '      class Tally { #n = 0; add(k) { this.#n += k; return this; } get n() { return this.#n; } }',
      '      const { length } = words;',
      '      const byLength = (min) => (w) => w.length >= min;',
      '      let longest = "";',
      '      scan: for (const [i, word] of words.entries()) {',
      '        if (i > 100) break scan;',
      '        if (word.length > longest.length) longest = word;',
      '      }',
      '      const words2 = await Promise.resolve(words.filter(byLength(3)));',
      '      {',
      '        const words = words2; // shadows the step inside this block only',
      '        longest ||= words[0] ?? "";',
      '      }',
      '      try { JSON.parse(longest); } catch { /* not JSON */ }',
      '      return { length, longest, long: words2.length, tally: new Tally().add(length).n, x: input?.meta?.x };',
      '  - id: result',
      '    output: "({ ...stats, first: words[0] })"',
    ].join('\n');
    const result = parsePipeline(source);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.graph.deps).toEqual([[], [0], [0, 1]]);
  });

  it('reports every unknown name in a body at its own line and column', () => {
    const source = [
      'name: x',
      'budget: {}',
      'steps:',
      '  - id: items',
      '    code: return input.list',
      '  - id: sum',
      '    code: |',
      '      let total = 0;',
      '      for (const x of itms) totl += x;',
      '      return console.log(total);',
    ].join('\n');
    const result = parsePipeline(source);
    if (result.ok) throw new Error('expected issues');
    expect(result.issues.map((i) => `${i.line}:${i.column} ${i.message}`)).toEqual([
      `9:23 unknown name "itms": not a step id, one of input, item, index, value, reason, iteration, previous, nor a global of the sandbox (did you mean "items"?)`,
      `9:29 unknown name "totl": not a step id, one of input, item, index, value, reason, iteration, previous, nor a global of the sandbox (did you mean "total"?)`,
      `10:14 unknown name "console": not a step id, one of input, item, index, value, reason, iteration, previous, nor a global of the sandbox`,
    ]);
  });
});

describe('parsePipeline never runs learner code', () => {
  it('accepts bodies that would hang or throw if they ran: they are only parsed', () => {
    const source = [
      'name: x',
      'budget: {}',
      'steps:',
      '  - id: hang',
      '    code: while (true) {}',
      '  - id: boom',
      "    code: throw new Error('ran')",
      '  - id: result',
      '    output: "[hang, boom]"',
    ].join('\n');
    expect(parsePipeline(source).ok).toBe(true);
  });

  it('imports nothing from the sandbox or QuickJS, directly or through another module', () => {
    const dsl = fileURLToPath(new URL('.', import.meta.url));
    const seen = new Set<string>();
    const imports: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const [, specifier] of text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
        imports.push(specifier!);
        if (specifier!.startsWith('.')) visit(resolve(dirname(file), specifier!.replace(/\.js$/, '.ts')));
      }
    };
    // schema/ compiles learner JSON Schemas (ajv and re2js only); the walk follows it like dsl/.
    const schema = fileURLToPath(new URL('../schema/', import.meta.url));
    for (const name of readdirSync(dsl))
      if (name.endsWith('.ts') && !name.endsWith('.test.ts')) visit(join(dsl, name));
    expect([...seen].filter((file) => !file.startsWith(dsl) && !file.startsWith(schema))).toEqual([]);
    expect(imports.filter((specifier) => /sandbox|quickjs/i.test(specifier))).toEqual([]);
    expect(imports).toContain('acorn');
  });
});

describe('step ids that cannot be variables', () => {
  it.each(['__proto__', 'class', 'eval', 'arguments', 'await'])('refuses the id %s at its line', (id) => {
    const result = parsePipeline(`name: t\nbudget: {}\nsteps:\n  - id: ${id}\n    code: return 1\n`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]).toMatchObject({ line: 4, message: expect.stringMatching(/reserved/) });
  });
});

describe('an optional budget', () => {
  it('parses a pipeline without one as an empty budget (the challenge caps apply)', () => {
    const result = parsePipeline('name: t\nsteps:\n  - id: a\n    code: return 1\n');
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.pipeline.budget).toEqual({});
  });
});

describe('parsePipeline on a quote left open', () => {
  it('points at the line and column where the quoted string opened, not at the end of the file', () => {
    const lines = [
      'name: first-try',
      'steps:',
      '  - id: claims',
      '    code: return input.claims',
      '  - id: result',
      '    output: "({ decisions: claims })',
      '',
    ];
    const result = parsePipeline(lines.join('\n'));
    if (result.ok) throw new Error('an unclosed quote parsed');
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ line: 6, column: 13 });
    expect(result.issues[0]!.message).toMatch(
      /^YAML: Missing closing "quote: the quote opened here is never closed/,
    );
    // Single quotes too, in a flow sequence.
    const single = parsePipeline("name: x\nsteps: ['a', 'b\n");
    if (single.ok) throw new Error('an unclosed quote parsed');
    expect(single.issues[0]).toMatchObject({ line: 2, column: 14 });
  });
});
