import { runPipeline } from '../executor/run-pipeline.js';
import { createEchoProvider } from '../models/echo-provider.js';
import { createGateway } from '../models/gateway.js';
import { parsePipeline } from './parse-pipeline.js';
import { skillLibrary, skillProblems } from './skill-library.js';

const doubleAll = `name: double-all
budget: {}
inputs:
  numbers: { type: array, items: { type: number } }
steps:
  - id: doubled
    code: return input.numbers.map((n) => n * 2)
  - id: out
    output: doubled
`;

describe('skills', () => {
  it('run as a use step, by name or name@version', async () => {
    const skills = skillLibrary({ 'double-all': doubleAll, 'double-all@1': doubleAll });
    for (const ref of ['double-all', 'double-all@1']) {
      const parsed = parsePipeline(
        `name: p\nbudget: {}\nsteps:\n  - id: d\n    use: ${ref}\n    inputs: { numbers: input.xs }\n  - id: r\n    output: d\n`,
        { skills },
      );
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
      const run = await runPipeline(parsed.pipeline, {
        input: { xs: [1, 2] },
        gateway: createGateway([createEchoProvider()]),
        skills,
      });
      expect(run.output).toEqual([2, 4]);
    }
  });

  it("share the pipeline's schema budget: skills cannot each bring 64 KiB of schemas to compile", () => {
    // A skill with one ~25 KiB schema of its own; three distinct ones pass one by one but not together.
    const bigSkill = (n: number) => `name: big-${n}
budget: {}
inputs:
  x: { type: string }
steps:
  - id: base
    code: return input.x
  - id: v
    validate: base
    schema: { enum: [${Array.from({ length: 300 }, (_, i) => `v${n}_${i}${'x'.repeat(80)}`).join(', ')}] }
  - id: out
    output: input.x
`;
    for (const n of [0, 1, 2]) expect(skillProblems(bigSkill(n))).toEqual([]);
    const skills = skillLibrary({ 'big-a': bigSkill(0), 'big-b': bigSkill(1), 'big-c': bigSkill(2) });
    const uses = ['big-a', 'big-b', 'big-c']
      .map((ref, i) => `  - id: s${i}\n    use: ${ref}\n    inputs: { x: input.q }\n`)
      .join('');
    const parsed = parsePipeline(`name: p\nbudget: {}\nsteps:\n${uses}  - id: r\n    output: s0\n`, {
      skills,
    });
    expect(parsed.ok ? [] : parsed.issues.map((i) => [i.path, i.message])).toEqual([
      [
        'steps.2.use',
        expect.stringMatching(
          /^skill "big-c" cannot be used here: the JSON Schemas of the pipeline \(and the skills it uses\) are too large together/,
        ),
      ],
    ]);
  });

  it('are rejected at parse time when unknown or given a wrong input', () => {
    const skills = skillLibrary({ 'double-all': doubleAll });
    const unknown = parsePipeline('name: p\nbudget: {}\nsteps:\n  - id: d\n    use: triple\n', { skills });
    expect(unknown.ok ? [] : unknown.issues.map((i) => [i.line, i.message])).toEqual([
      [5, 'unknown skill "triple"; save it first or check the name'],
    ]);
    const wrong = parsePipeline(
      'name: p\nbudget: {}\nsteps:\n  - id: d\n    use: double-all\n    inputs: { nums: input.xs }\n',
      { skills },
    );
    expect(wrong.ok).toBe(false);
  });

  it('must declare inputs and not use other skills', () => {
    expect(skillProblems(doubleAll)).toEqual([]);
    expect(skillProblems(doubleAll.replace(/inputs:\n.*\n/, '')).map((i) => i.path)).toEqual(['inputs']);
    expect(skillProblems(`${doubleAll}  - id: x\n    use: other\n`).map((i) => i.message)).toContain(
      'a skill cannot use another skill',
    );
  });
});
