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
