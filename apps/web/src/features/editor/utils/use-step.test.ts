import { parse } from 'yaml';
import { appendUseStep } from './use-step';

const pipeline = `# my pipeline
name: p
budget: { max_calls: 5 }
steps:
  - id: sum_of
    code: return 1
  - id: result
    output: sum_of
`;
const skill = {
  name: 'sum-of',
  source:
    'name: sum-of\nbudget: {}\ninputs:\n  numbers: { type: array }\n  scale: { type: number }\nsteps:\n  - id: s\n    output: 1\n',
};

describe('appendUseStep', () => {
  it('appends a use step with a free id and one line per declared input, keeping the rest', () => {
    const next = appendUseStep(pipeline, skill)!;
    expect(next.startsWith('# my pipeline\n')).toBe(true);
    const steps = parse(next).steps;
    expect(steps.slice(0, 2)).toEqual(parse(pipeline).steps);
    expect(steps[2]).toEqual({
      id: 'sum_of_2',
      use: 'sum-of',
      inputs: { numbers: 'input.numbers', scale: 'input.scale' },
    });
  });

  it('gives up on a document without a steps list', () => {
    expect(appendUseStep('name: p\n', skill)).toBeNull();
    expect(appendUseStep('{ not: yaml: at all', skill)).toBeNull();
  });
});
