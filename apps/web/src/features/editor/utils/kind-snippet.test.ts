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
    // agent came after (issue 17); its snippet is checked below.
    for (const kind of STEP_KINDS.filter((k) => k !== 'agent'))
      for (const column of [0, 2, 4, 6])
        expect(kindSnippet(kind, column, 'sim-pro')).toEqual(before(kind, column, 'sim-pro'));
  });

  it('inserts an agent with the model, the cursor in its prompt and one code tool to fill in, indented to the step', () => {
    const { text, cursor } = kindSnippet('agent', 4, 'sim-mini');
    const lines = text.split('\n');
    expect(lines[0]).toBe('agent:');
    expect(lines[1]).toBe('      model: sim-mini');
    expect(lines[2]).toBe('      prompt: |');
    // The cursor waits on the prompt's first line, indented under `prompt:`.
    expect(text.slice(0, cursor).split('\n')).toHaveLength(4);
    expect(text.slice(0, cursor).endsWith('\n        ')).toBe(true);
    expect(lines).toContain('        - name: lookup');
    expect(lines.every((line, i) => i === 0 || line.startsWith('    '))).toBe(true);
  });
});
