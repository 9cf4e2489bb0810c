import { STEP_KINDS } from '@reps/shared';
import { kindSnippet } from './kind-snippet';

describe('kindSnippet', () => {
  it('indents later lines to the step, fills in the model and places the cursor', () => {
    expect(kindSnippet('llm', 4, 'sim-mini')).toEqual({
      text: 'llm:\n      model: sim-mini\n      prompt: |\n        ',
      cursor: 51,
    });
    expect(kindSnippet('code', 2, 'sim-mini')).toEqual({ text: 'code: |\n    return ', cursor: 19 });
    expect(kindSnippet('map', 4, 'sim-mini')).toEqual({ text: 'map: \n    step:\n      ', cursor: 5 });
    expect(kindSnippet('validate', 2, 'sim-mini')).toEqual({ text: 'validate: \n  check: ', cursor: 10 });
    expect(kindSnippet('output', 4, 'sim-mini')).toEqual({ text: 'output: ', cursor: 8 });
  });

  it('inserts what the editor inserted before the snippets moved to @reps/shared', () => {
    // The editor's own snippets, as they were (apps/web completions.ts before issue 16).
    const before = (kind: string, column: number, model: string) => {
      const pad = ' '.repeat(column + 2);
      const at = (text: string, cursor = text.length) => ({ text, cursor });
      if (kind === 'llm') return at(`llm:\n${pad}model: ${model}\n${pad}prompt: |\n${pad}  `);
      if (kind === 'code') return at(`code: |\n${pad}return `);
      if (kind === 'map') return at(`map: \n${' '.repeat(column)}step:\n${pad}`, 'map: '.length);
      if (kind === 'validate') return at(`validate: \n${' '.repeat(column)}check: `, 'validate: '.length);
      return at(`${kind}: `);
    };
    for (const kind of STEP_KINDS)
      for (const column of [0, 2, 4, 6])
        expect(kindSnippet(kind, column, 'sim-pro')).toEqual(before(kind, column, 'sim-pro'));
  });
});
