import { readFileSync } from 'node:fs';
import { parsePipeline } from './parse-pipeline.js';

const example = readFileSync(new URL('./fixtures/clause-risk.pipeline.yaml', import.meta.url), 'utf8');

describe('parsePipeline on valid pipelines', () => {
  it('accepts the clause-risk example of DESIGN.md and orders its steps by dependency', () => {
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
