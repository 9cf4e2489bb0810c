import { STEP_KIND_INFO, STEP_KINDS } from '@reps/shared';
import { isInsideNestedStep, nestedBlocks } from './step-parts.js';

const inner = { id: 'inner', code: 'return 1' };

describe('nestedBlocks', () => {
  it('finds a map’s single step and its list of steps', () => {
    expect(nestedBlocks({ id: 'm', map: 'input', step: inner, steps: [inner] }, ['steps', 0])).toEqual([
      { path: ['steps', 0, 'step'], steps: [inner], single: true },
      { path: ['steps', 0, 'steps'], steps: [inner], single: false },
    ]);
  });

  it('finds every branch case’s steps, then the default, with their paths', () => {
    const step = {
      branch: { cases: [{ when: 'true', steps: [inner] }, 'junk', { when: 'x' }], default: [inner] },
    };
    expect(nestedBlocks(step, [])).toEqual([
      { path: ['branch', 'cases', 0, 'steps'], steps: [inner], single: false },
      { path: ['branch', 'default'], steps: [inner], single: false },
    ]);
  });

  it('finds a loop’s steps and ignores kinds that hold none', () => {
    expect(nestedBlocks({ loop: { steps: [inner], until: 'true' } }, [])).toEqual([
      { path: ['loop', 'steps'], steps: [inner], single: false },
    ]);
    expect(nestedBlocks({ code: 'return 1', steps: [inner], step: inner }, [])).toEqual([]);
  });

  it('gives an agent tool’s steps the call’s args in scope', () => {
    const step = { agent: { tools: [{ code: 'return 1' }, { steps: [inner] }] } };
    expect(nestedBlocks(step, [])).toEqual([
      { path: ['agent', 'tools', 1, 'steps'], steps: [inner], single: false, scope: ['args'] },
    ]);
  });

  it('skips shapes the schema would reject instead of failing on them', () => {
    expect(nestedBlocks({ map: 'x', steps: 'not a list' }, [])).toEqual([]);
    expect(nestedBlocks({ branch: 'not an object' }, [])).toEqual([]);
    expect(nestedBlocks({ loop: { steps: { not: 'a list' } } }, [])).toEqual([]);
    expect(nestedBlocks(null, [])).toEqual([]);
  });

  it('follows every place STEP_KIND_INFO declares, so a new kind’s nested steps are declared once', () => {
    for (const kind of STEP_KINDS) {
      for (const at of STEP_KIND_INFO[kind].children) {
        // Build a step holding steps at exactly the declared place (`*` as one entry).
        const leaf: unknown = at.single ? inner : [inner];
        const built = [...at.path]
          .reverse()
          .reduce<unknown>((value, key) => (key === '*' ? [value] : { [key]: value }), leaf);
        const step = { [kind]: 'x', ...(built as object) };
        const path = at.path.map((key) => (key === '*' ? 0 : key));
        expect(nestedBlocks(step, [])).toContainEqual(
          expect.objectContaining({ path, steps: [inner], single: Boolean(at.single) }),
        );
      }
    }
  });
});

describe('isInsideNestedStep', () => {
  it.each([
    [['step'], true],
    [['step', 'code'], true],
    [['steps', 0, 'code'], true],
    [['branch', 'cases', 1, 'steps', 0], true],
    [['branch', 'default', 2, 'llm'], true],
    [['loop', 'steps', 0], true],
    [['agent', 'tools', 2, 'steps', 0, 'code'], true],
    [['agent', 'tools', 2, 'steps'], false],
    [['agent', 'tools', 2, 'code'], false],
    [['steps'], false],
    [['branch', 'cases', 1, 'when'], false],
    [['branch', 'default'], false],
    [['loop', 'until'], false],
    [['llm', 'prompt'], false],
  ] as const)('%j → %s', (relative, inside) => {
    expect(isInsideNestedStep([...relative])).toBe(inside);
  });
});
